package com.skylinksync.sandbox.retailexpress;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.handler.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Retail Express V2 SOAP service in-process, on the client's own WSDL, for tests and the local stack.
 * One JDK HTTP server on 127.0.0.1 carries the SOAP endpoint ({@link #soapEndpoint()}) and a JSON admin API
 * ({@link #adminUri()}). Every call must carry the configured {@code ClientHeader}; every call, accepted or not,
 * is journaled with its outcome. Enforces RE's four budget windows (changeable with {@link #budget(SimulatedBudget)}),
 * injects latency and faults on demand, and sends EDS change sets when a test changes an entity.
 * Seeded with the reference's customers 300000 and 300001.
 */
public final class RetailExpressSimulator implements AutoCloseable {

    static final String SOAP_PATH = "/re/ecommerce.svc";

    /** Where and as whom the simulator answers. */
    public record Options(int port, UUID clientId, String username, String password) {

        public Options {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /** Port 8082 (the WSDL's address), the sandbox client id, user "skylink", password "sandbox-secret". */
        public static Options defaults() {
            return new Options(8082, UUID.fromString("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d"), "skylink",
                    "sandbox-secret");
        }

        /** These options on another port; 0 picks any free port (tests). */
        public Options withPort(int port) {
            return new Options(port, clientId, username, password);
        }

        @Override
        public String toString() {
            return "Options[port=" + port + ", clientId=" + clientId + ", username=" + username + ", password=****]";
        }
    }

    /**
     * One SOAP call received: its operation, the entity ids it named, whether it was refused before running, and
     * the sales channel of a *ByChannel call (null for the others).
     */
    public record Call(Instant at, String operation, List<String> ids, boolean rejected, Integer channelId) {

        /** A call that names no sales channel. */
        public Call(Instant at, String operation, List<String> ids, boolean rejected) {
            this(at, operation, ids, rejected, null);
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Endpoint endpoint;
    private final CallJournal journal;
    private final Controls controls;

    /** The budget, fault and change machinery added beside the SOAP service (see {@link ControlApi}). */
    private record Controls(ThrottleWindows windows, FaultFilter faults, EntityChanges changes, EdsNotifier eds,
                            OrderOperations orders, CustomerStore customers) {
    }

    private RetailExpressSimulator(Options options, HttpServer server, ExecutorService executor, Endpoint endpoint,
                                   CallJournal journal, Controls controls) {
        this.options = options;
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
        this.journal = journal;
        this.controls = controls;
    }

    /** Starts the simulator with the reference fixtures only; it is answering when this returns. */
    public static RetailExpressSimulator start(Options options) {
        return start(options, CatalogueSpec.none());
    }

    /** Starts the simulator with the reference fixtures plus a generated catalogue (computed on read, so at once). */
    public static RetailExpressSimulator start(Options options, CatalogueSpec catalogue) {
        CallJournal journal = new CallJournal(Clock.systemUTC());
        GeneratedCatalogue generated = new GeneratedCatalogue(catalogue);
        CustomerStore customers = new CustomerStore(generated.customers());
        customers.seed(CustomerFixtures.all());
        ProductCatalogue products = new ProductCatalogue(generated);
        products.seed(ProductFixtures.all());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + options.port(), e);
        }
        // One virtual thread per exchange: tests and benchmarks may call from many threads, and slow (injected
        // latency) calls must not hold up the others.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        OrderOperations orders = new OrderOperations(customers, products, generated.orders());
        Endpoint endpoint = Endpoint.create(new SimulatedEcommerceService(new CustomerOperations(customers),
                new ProductOperations(products), orders,
                new ReferenceOperations(), journal));
        ThrottleWindows windows = new ThrottleWindows(Clock.systemUTC(), SimulatedBudget.retailExpress());
        @SuppressWarnings("rawtypes")
        List<Handler> chain = List.of(new ClientHeaderCheck(options.clientId(), options.username(),
                options.password(), journal, windows));
        endpoint.getBinding().setHandlerChain(chain);
        HttpContext soap = server.createContext(SOAP_PATH);
        FaultFilter faults = new FaultFilter(journal, new Random());
        soap.getFilters().add(faults);
        endpoint.publish(soap);
        server.createContext(AdminApi.PATH, new AdminApi(journal));
        EdsNotifier eds = new EdsNotifier(options.clientId());
        Controls controls = new Controls(windows, faults, new EntityChanges(customers, products, eds), eds, orders,
                customers);
        ControlApi control = new ControlApi(windows, faults, journal, controls.changes(), eds);
        ControlApi.PATHS.forEach(path -> server.createContext(path, control));
        server.start();
        return new RetailExpressSimulator(options, server, executor, endpoint, journal, controls);
    }

    /** {@code http://127.0.0.1:<port>/re/ecommerce.svc} */
    public URI soapEndpoint() {
        return URI.create(baseUri() + SOAP_PATH);
    }

    /** {@code http://127.0.0.1:<port>/sandbox} */
    public URI adminUri() {
        return URI.create(baseUri() + AdminApi.PATH);
    }

    public UUID clientId() {
        return options.clientId();
    }

    public String username() {
        return options.username();
    }

    public String password() {
        return options.password();
    }

    /** Every SOAP call received, oldest first. */
    public List<Call> calls() {
        return journal.calls();
    }

    /** Every ChangesetId acknowledged through ChangeSetProcessed, in order, repeats included. */
    public List<String> processedChangeSets() {
        return journal.processedChangeSets();
    }

    /** Every SOAP call received with its outcome (ok, rejected, throttled, fault), oldest first. */
    public List<JournalEntry> journal() {
        return journal.entries();
    }

    /**
     * Enforces these budget windows from now on (RE's own limits until changed); calls already admitted keep
     * counting against the new limits.
     */
    public RetailExpressSimulator budget(SimulatedBudget budget) {
        controls.windows().change(budget);
        return this;
    }

    public SimulatedBudget budget() {
        return controls.windows().budget();
    }

    /** Adds this latency before every SOAP answer from now on ({@link InjectedLatency#none()} to stop). */
    public RetailExpressSimulator latency(InjectedLatency latency) {
        controls.faults().latency(latency);
        return this;
    }

    /** Answers these fractions of SOAP calls with faults from now on ({@link InjectedFaults#none()} to stop). */
    public RetailExpressSimulator faults(InjectedFaults faults) {
        controls.faults().faults(faults);
        return this;
    }

    /**
     * Answers the next {@code calls} calls of {@code operation} (e.g. {@code GetOrder}) with HTTP 503 before they reach
     * it, leaving every other operation alone; 0 disarms. Journaled as FAULT.
     */
    public RetailExpressSimulator failNext(String operation, int calls) {
        controls.faults().failNext(operation, calls);
        return this;
    }

    /** Answers the next {@code calls} authenticated calls with RE's throttle fault, whatever the budget says. */
    public RetailExpressSimulator throttleNext(int calls) {
        controls.windows().injectThrottles(calls);
        return this;
    }

    /** Sends EDS change sets to this gateway when entities change (none are sent until this is called). */
    public RetailExpressSimulator eds(EdsTarget target) {
        controls.eds().target(target);
        return this;
    }

    /** Changes RE fields of a customer (e.g. {@code BillAddress}, {@code BillFirstName}) and sends its EDS change set. */
    public ChangeSet changeCustomer(int customerId, java.util.Map<String, String> fields) {
        return controls.changes().changeCustomer(customerId, fields);
    }

    /**
     * Changes RE fields of a product (e.g. {@code DefaultPrice}, {@code StockAvailable}; an empty value removes one)
     * and, when {@code channels} is not null, the channels that list it; adds it when new; sends its EDS change set.
     */
    public ChangeSet changeProduct(int productId, java.util.Map<String, String> fields, java.util.Set<Integer> channels) {
        return controls.changes().changeProduct(productId, fields, channels);
    }

    /**
     * Gives a product its own values on one sales channel (e.g. {@code DefaultPrice}, {@code Description}: RE's web
     * name and price per channel; an empty value goes back to the product's own) and sends its EDS change set.
     */
    public ChangeSet changeProductOnChannel(int productId, int channelId, java.util.Map<String, String> fields) {
        return controls.changes().changeProductOnChannel(productId, channelId, fields);
    }

    /** Sends the EDS change set for entities of {@code type} (e.g. {@code Product}, {@code Order}) changed in RE. */
    public ChangeSet entitiesChanged(String type, List<String> ids) {
        return controls.changes().changed(type, ids);
    }

    /**
     * The warehouse fulfils {@code qty} of order line {@code orderItemId} at {@code at} (Sydney time, as RE writes it):
     * a new {@code <Fulfillment>} on the order; returns its {@code FulfillmentID}. No EDS change set is sent (call
     * {@link #entitiesChanged} with {@code Order} for that).
     */
    public int fulfil(String orderId, int orderItemId, java.math.BigDecimal qty, java.time.LocalDateTime at) {
        return controls.orders().fulfil(orderId, orderItemId, qty, at);
    }

    /**
     * The customers RE created through {@code CustomerCreateUpdate} without a CustomerId (Magento customers pushed to
     * RE), id → email ({@code BillEmail}), in id order: how many RE customers one Magento customer became.
     */
    public java.util.Map<Integer, String> createdCustomers() {
        var created = new java.util.LinkedHashMap<Integer, String>();
        controls.customers().created().forEach(c -> created.put(c.id(), c.fields().getOrDefault("BillEmail", "")));
        return created;
    }

    /** The line ids ({@code OrderItemId}) of an order RE holds, in line order; empty for an unknown order. */
    public List<Integer> orderItemIds(String orderId) {
        return controls.orders().itemIds(orderId);
    }

    /** The payment ids ({@code OrderPaymentId}) of an order RE holds, oldest first; empty for an unknown order. */
    public List<Integer> paymentIds(String orderId) {
        return controls.orders().paymentIds(orderId);
    }

    /** A payment taken in RE (at the POS or the back office) on an order; returns its {@code OrderPaymentId}. */
    public int pay(String orderId, int methodId, java.math.BigDecimal amount, java.time.LocalDateTime at) {
        return controls.orders().pay(orderId, methodId, amount, at);
    }

    /** A payment deleted from an order in RE; false when the order has no such payment. */
    public boolean removePayment(String orderId, int paymentId) {
        return controls.orders().removePayment(orderId, paymentId);
    }

    /** Every {@code OrderXML} document {@code OrderCreateByChannel} received, in order, with the channel it named. */
    public List<ReceivedDocument> orderDocuments() {
        return controls.orders().received("OrderCreateByChannel");
    }

    /** Every {@code OrderPaymentXML} document {@code OrderAddPayment} received, in order. */
    public List<ReceivedDocument> paymentDocuments() {
        return controls.orders().received("OrderAddPayment");
    }

    /**
     * A request document an order operation received: the channel (null when the operation has none), the XML and,
     * for an order RE created, its id (null when refused or for payments).
     */
    public record ReceivedDocument(Instant at, Integer channelId, String xml, String orderId) {
    }

    /** Every EDS change set sent (or, without a gateway, only recorded), oldest first. */
    public List<ChangeSet> changeSets() {
        return controls.eds().sent();
    }

    @Override
    public void close() {
        endpoint.stop();
        server.stop(0);
        executor.shutdownNow(); // not close(): it would wait for calls held up by injected latency
    }

    private String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
