package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory Magento 2.4 store speaking the REST API SkyLink uses, validating and failing the way Magento's own code
 * does (each behaviour names the Magento file it follows). Plain JDK HTTP server and Jackson, so it starts in
 * milliseconds inside any test; state lives as long as the instance.
 *
 * <p>Routes, as {@code /rest/V1/...}, {@code /rest/default/V1/...} or {@code /rest/all/V1/...}:
 * {@link CustomersResource customers} ({@code POST /customers} is open to guests, the rest need the bearer token),
 * {@link CustomerGroupsResource customer groups}, {@link DirectoryResource the directory}, {@link SalesResource sales}
 * (orders, comments, invoices, shipments; orders placed with {@link #placeOrder}), the products shoppers buy
 * ({@link ShopProductsResource}); {@link RestRouter} routes
 * them and {@link MagentoFault} renders errors. The store has the custom customer attribute {@code skylink_customer_id}
 * and allows the countries of {@link CountryDirectory}. Unauthenticated, read-only: {@code GET /sandbox/customers},
 * {@code GET /sandbox/requests}.
 */
public final class MagentoSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MagentoSimulator.class);
    /** The custom customer attribute SkyLink's set-up creates (the REST API cannot create customer attributes). */
    public static final String SKYLINK_CUSTOMER_ID = "skylink_customer_id";

    /**
     * @param port        port to listen on, on the loopback interface; 0 takes any free port
     * @param accessToken the integration token every {@code /rest} call must carry as {@code Bearer}
     */
    public record Options(int port, String accessToken) {

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** Port 8081 and token {@code sandbox-magento-token}, as the local stack configures its services. */
        public static Options defaults() {
            return new Options(8081, "sandbox-magento-token");
        }

        /** The same options on another port; 0 takes any free port. */
        public Options withPort(int port) {
            return new Options(port, accessToken);
        }

        @Override
        public String toString() {
            return "Options[port=" + port + ", accessToken=****]";
        }
    }

    /**
     * One journaled {@code /rest} request; {@code path} is decoded and carries the query, if any; {@code body} is the
     * request body as sent (null when there was none), so a test can check what was written and in which order.
     */
    public record Request(Instant at, String method, String path, int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String accessToken;
    private final CustomerStore customers;
    private final CustomerGroupStore groups;
    private final TaxClasses taxClasses;
    private final RequestJournal journal;
    private final FaultPlan faults;
    private final Catalog catalog;
    private final ShopProducts shopProducts;
    private final SalesStore sales;

    /** The catalog's parts, which the simulator's catalog accessors read. */
    private record Catalog(StoreDirectory stores, CatalogAttributes attributes, ProductStore products) {
    }

    private MagentoSimulator(HttpServer server, ExecutorService handlers, String accessToken, CustomerStore customers,
                             CustomerGroupStore groups, TaxClasses taxClasses, RequestJournal journal, FaultPlan faults,
                             Catalog catalog, ShopProducts shopProducts, SalesStore sales) {
        this.catalog = catalog;
        this.server = server;
        this.handlers = handlers;
        this.accessToken = accessToken;
        this.customers = customers;
        this.groups = groups;
        this.taxClasses = taxClasses;
        this.journal = journal;
        this.faults = faults;
        this.shopProducts = shopProducts;
        this.sales = sales;
    }

    /** The catalog's own {@code GET products/:sku}, which the shop's products fall back to. */
    private static Route.Handler catalogProductGet(List<Route> routes) {
        return routes.stream().filter(r -> r.method().equals("GET") && r.template().equals("products/:sku"))
                .findFirst().orElseThrow().handler();
    }

    public static MagentoSimulator start(Options options) {
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        CountryDirectory directory = new CountryDirectory();
        TaxClasses taxClasses = new TaxClasses();
        CustomerGroupStore groups = new CustomerGroupStore(taxClasses);
        CustomerAttributes attributes = new CustomerAttributes(Set.of(SKYLINK_CUSTOMER_ID));
        CustomerStore customers = new CustomerStore(attributes, new AddressValidator(directory),
                new CustomerAddresses(directory), groups, clock);
        RequestJournal journal = new RequestJournal();
        FaultPlan faults = new FaultPlan();
        List<Route> routes = new ArrayList<>();
        routes.addAll(new CustomersResource(customers, attributes, json).routes());
        routes.addAll(new CustomerGroupsResource(groups, json).routes());
        routes.addAll(new DirectoryResource(directory, json).routes());
        StoreDirectory stores = new StoreDirectory();
        CatalogAttributes catalogAttributes = new CatalogAttributes();
        ProductStore products = new ProductStore(catalogAttributes, stores, clock);
        routes.addAll(new StoreResource(stores).routes());
        routes.addAll(new ProductAttributesResource(catalogAttributes, json).routes());
        routes.addAll(new ProductsResource(products, catalogAttributes, stores, json).routes());
        routes.addAll(new ConfigurableProductsResource(products, catalogAttributes, json).routes());
        ShopProducts shopProducts = new ShopProducts(sku -> products.get(sku, null).flatMap(ShopProducts::fromCatalogue));
        SalesStore sales = new SalesStore(new OrderPlacement(shopProducts), customers, clock);
        routes.addAll(new SalesResource(sales, json).routes());
        // The products shoppers buy (addProduct...) answer GET products/:sku first; any other SKU is the catalog's.
        routes.addAll(0, new ShopProductsResource(shopProducts, catalogProductGet(routes)).routes());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Magento simulator cannot listen on port " + options.port(), e);
        }
        // One virtual thread per exchange: injected latency must not hold up other requests.
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/rest", new RestRouter(routes, code -> stores.storeView(code).isPresent(), faults, journal,
                options.accessToken(), json, clock));
        server.createContext("/sandbox", new SandboxStateApi(customers, products, sales, journal, json));
        server.start();
        var simulator = new MagentoSimulator(server, handlers, options.accessToken(), customers, groups, taxClasses,
                journal, faults, new Catalog(stores, catalogAttributes, products), shopProducts, sales);
        log.info("Magento simulator listening at {}", simulator.restBase());
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>/rest}: the base URL a Magento client takes. */
    public URI restBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rest");
    }

    public String accessToken() {
        return accessToken;
    }

    /** Every customer, in id order, as {@code GET /V1/customers/{id}} returns it. */
    public List<JsonNode> customers() {
        return List.copyOf(customers.all());
    }

    /** The customer with this email (ignoring case, as Magento's collation does), on any website. */
    public Optional<JsonNode> customerByEmail(String email) {
        return customers.all().stream()
                .filter(customer -> customer.get("email").asString().toLowerCase(Locale.ROOT)
                        .equals(email.toLowerCase(Locale.ROOT)))
                .map(JsonNode.class::cast)
                .findFirst();
    }

    /** Every customer group, in id order, as {@code GET /V1/customerGroups/{id}} returns it. */
    public List<JsonNode> customerGroups() {
        return List.copyOf(groups.all());
    }

    /**
     * Adds a customer tax class, as a merchant does under Stores > Tax Rules (a fresh store has only "Retail Customer",
     * 3); returns its id, which customer groups may then use.
     */
    public int addCustomerTaxClass(String name) {
        return taxClasses.add(Objects.requireNonNull(name, "name"), TaxClasses.Type.CUSTOMER).id();
    }

    /** Every product, in id order, as {@code GET /rest/V1/products/{sku}} (the default store view) returns it. */
    public List<JsonNode> products() {
        return List.copyOf(catalog.products().all(null));
    }

    /** The product with this SKU as a read through store view {@code storeCode} returns it ({@code all}: global values). */
    public Optional<JsonNode> product(String sku, String storeCode) {
        return catalog.products().get(sku, storeCode.equals("all") ? null
                : catalog.stores().storeView(storeCode).orElseThrow(() -> new IllegalArgumentException("no store " + storeCode)))
                .map(JsonNode.class::cast);
    }

    /** The product with this SKU through the default store view. */
    public Optional<JsonNode> product(String sku) {
        return product(sku, "default");
    }

    /** A product attribute with its options, as {@code GET /V1/products/attributes/{code}} returns it. */
    public Optional<JsonNode> productAttribute(String code) {
        return catalog.attributes().get(code).map(JsonNode.class::cast);
    }

    /** The code of the product attribute with this id (configurable options name attributes by id). */
    public String productAttributeCode(int attributeId) {
        return catalog.attributes().codeOf(attributeId).orElseThrow(() -> new IllegalArgumentException("no attribute " + attributeId));
    }

    /**
     * Adds a website with one store view (besides {@code base}/{@code default} and {@code second}/{@code second});
     * returns the website's id.
     */
    public int addWebsite(String websiteCode, String storeCode) {
        return catalog.stores().add(websiteCode, websiteCode, storeCode, storeCode);
    }

    /**
     * A simple product shoppers can buy: tax-inclusive price, tax rate as a fraction, and the RE product it is linked
     * to ({@code skylink_product_id}; null for an unlinked product). Returns its Magento id.
     */
    public long addProduct(String sku, String name, BigDecimal priceInclTax, BigDecimal taxRate, Integer skylinkProductId) {
        return shopProducts.add(sku, name, "simple", priceInclTax, taxRate, skylinkProductId, List.of()).id();
    }

    /** A configurable product over simple products already added (a shopper picks one of them). */
    public long addConfigurable(String sku, String name, List<String> childSkus) {
        return shopProducts.add(sku, name, "configurable", BigDecimal.ZERO, BigDecimal.ZERO, null, childSkus).id();
    }

    /** A bundle of simple products already added, priced as a whole (a shopper buys all its parts). */
    public long addBundle(String sku, String name, BigDecimal priceInclTax, List<String> partSkus) {
        return shopProducts.add(sku, name, "bundle", priceInclTax, BigDecimal.ZERO, null, partSkus).id();
    }

    /**
     * Places an order as a shopper at checkout would (registered or guest, shipping and payment method, cart rule
     * discounts), invoiced at once when {@link PlacedOrder#invoiceNow()}; returns the order as
     * {@code GET /V1/orders/{id}} shows it.
     */
    public JsonNode placeOrder(PlacedOrder order) {
        return sales.place(Objects.requireNonNull(order, "order"));
    }

    /** Every order, in id order, as {@code GET /V1/orders/{id}} returns it. */
    public List<JsonNode> orders() {
        return List.copyOf(sales.orders());
    }

    /** Every invoice, in id order. */
    public List<JsonNode> invoices() {
        return List.copyOf(sales.invoices());
    }

    /** Every shipment, in id order. */
    public List<JsonNode> shipments() {
        return List.copyOf(sales.shipments());
    }

    /** The {@code /rest} requests answered so far, oldest first. */
    public List<Request> requests() {
        return journal.requests();
    }

    /**
     * The next {@code count} {@code /rest} requests answer {@code status} before reaching Magento's logic: 500 as
     * Magento's masked internal error, 503 as its maintenance page (HTML), any other status with a JSON message.
     */
    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    /** As {@link #failNext(int, int)}, only for requests of {@code method} ({@code PUT}, ...); others pass. */
    public void failNext(int count, int status, String method) {
        faults.failNext(count, status, method);
    }

    /** Added to every {@code /rest} request from now on; {@link Duration#ZERO} turns it off. */
    public void latency(Duration latency) {
        faults.latency(latency, Duration.ZERO);
    }

    /**
     * Every {@code /rest} request from now on takes {@code latency} plus a random share of {@code jitter}, drawn per
     * request, so concurrent requests finish in an order other than the one they were sent in.
     */
    public void latency(Duration latency, Duration jitter) {
        faults.latency(latency, jitter);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
