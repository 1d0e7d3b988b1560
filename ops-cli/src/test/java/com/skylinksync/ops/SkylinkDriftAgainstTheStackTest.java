package com.skylinksync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.sandbox.stack.LocalStack;
import com.skylinksync.sandbox.stack.StackPorts;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink drift} against the whole stack {@code ./run-local} starts (embedded broker and PostgreSQL, both
 * simulators, the gateway and the customer, catalog and fulfillment services): drift injected into both simulators is
 * reported once in its category, {@code --heal} puts every healable difference right through the services, and a
 * second comparison finds none and writes nothing to Magento.
 */
class SkylinkDriftAgainstTheStackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Pattern PAYMENT = Pattern.compile("SkyLink Payment ID: #(\\d+)");

    private static LocalStack stack;
    private static String api;
    private static MagentoCatalog catalog;
    private static MagentoCustomers customers;
    private static MagentoSales sales;

    @BeforeAll
    static void start() {
        // Orders are compared as soon as they exist (production: an hour), and a Magento edit of a linked customer is
        // not pushed to RE meanwhile (with the push on, such an edit is RE's news, not drift).
        System.setProperty("skylink.drift.order-age", "PT0S");
        System.setProperty("skylink.customers.push.enabled", "false");
        stack = LocalStack.start(StackPorts.anyFree());
        api = stack.gatewayUri().toString();
        var transport = new MagentoTransport(WebClient.builder(), new MagentoSettings(stack.magento().restBase(),
                stack.magento().accessToken(), Duration.ofSeconds(10)));
        catalog = new MagentoCatalog(transport);
        customers = new MagentoCustomers(transport);
        sales = new MagentoSales(transport);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        System.clearProperty("skylink.drift.order-age");
        System.clearProperty("skylink.customers.push.enabled");
    }

    @Test
    void injectedDriftIsReportedOnceInItsCategoryHealedAndASecondRunFindsNoneAndWritesNothing() throws Exception {
        CliRun dryRun = drift("all", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).containsPattern("costs about \\d+ Retail Express calls");

        // In step first: the empty store gets the channel's products by a heal, customer 300000 by a single sync,
        // and a shopper's invoiced order goes to RE with its payment.
        CliRun products = drift("products", "--heal", "--interval=PT0.2S");
        assertThat(products.exit()).as(products.out() + products.err()).isZero();
        assertThat(products.out()).contains("Heal run drift-heal-").contains("| FINISHED");
        assertThat(CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "customer", "300000").exit()).isZero();
        long orderId = placeInvoicedOrder();
        String reOrderId = await().atMost(DEADLINE).until(() -> sales.getOrder(orderId).orElseThrow()
                .commentValue("SkyLink Order ID: #").orElse(null), id -> id != null);
        int paymentId = await().atMost(DEADLINE).until(() -> payments(sales.getOrder(orderId).orElseThrow()), ids -> !ids.isEmpty()).getFirst();
        JsonNode inStep = report("all");
        assertThat(inStep.path("items")).as(inStep.toPrettyString()).isEmpty();

        // Drift, one of each kind the services can put right.
        catalog.saveProduct("SC0011OSFA", new MagentoProduct(null, "SC0011OSFA", null, null, null, new BigDecimal("1.00"),
                null, null, null, null, null, null, null, null, null), MagentoCatalog.ALL_STORES);
        catalog.saveProduct("HB0011OSFA", new MagentoProduct(null, "HB0011OSFA", null, null, null, null, null, null, null,
                null, null, new MagentoProduct.StockItem(new BigDecimal("999"), true, null, null), null, null, null), MagentoCatalog.ALL_STORES);
        WebClient.create(stack.magento().restBase() + "/V1/products/PAD001OSFA").delete()
                .header("Authorization", "Bearer " + stack.magento().accessToken()).retrieve().toBodilessEntity().block();
        catalog.removeConfigurableChild("BSS-THAW16", "BSS-THAW16-M-BLK");
        MagentoCustomer joey = customers.findCustomersByAttribute("skylink_customer_id", "300000").getFirst();
        List<MagentoAddress> moved = new ArrayList<>();
        for (MagentoAddress a : joey.addresses()) {
            moved.add(a.defaultBilling() ? new MagentoAddress(a.id(), a.firstname(), a.lastname(), a.company(),
                    List.of("99 Drift Road"), a.city(), a.region(), a.postcode(), a.countryId(), a.telephone(), a.fax(),
                    true, a.defaultShipping()) : a);
        }
        customers.updateCustomer(new MagentoCustomer(joey.id(), joey.email(), joey.firstname(), joey.lastname(), joey.websiteId(),
                joey.groupId(), moved, joey.customAttributes(), joey.subscribed(), null));
        assertThat(stack.retailExpress().removePayment(reOrderId, paymentId)).isTrue();

        JsonNode drifted = report("all");
        String shown = drifted.toPrettyString();
        assertThat(categories(drifted)).as(shown).containsExactlyInAnyOrder(
                "PRODUCT_MISSING_IN_MAGENTO:124013", "CONFIGURABLE_CHILDREN:BSS-THAW16", "STOCK:124005", "PRICE:124006",
                "CUSTOMER_FIELDS:300000", "INVOICE_WITHOUT_PAYMENT:" + reOrderId);
        assertThat(item(drifted, "PRICE").path("magento").asString()).isEqualTo("price=1");
        assertThat(item(drifted, "CUSTOMER_FIELDS").path("fields").asString()).isEqualTo("billing.street");
        CliRun csv = drift("--latest", "--csv");
        assertThat(csv.lines()).hasSize(7).first().asString().startsWith("category,entity,entity_id");
        CliRun table = drift("--latest");
        assertThat(table.out()).contains("price", "configurable-children", "invoice-without-payment");

        CliRun heal = drift("--latest", "--heal", "--interval=PT0.2S");
        assertThat(heal.exit()).as(heal.out() + heal.err()).isZero();
        assertThat(heal.out()).contains("6 corrective syncs").contains("| FINISHED");
        String run = heal.lines().stream().filter(l -> l.startsWith("Heal run ")).findFirst().orElseThrow().split(" ")[2];
        JsonNode tracked = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "show", run, "--json").json();
        assertThat(tracked.path("type").asString()).isEqualTo("drift");
        assertThat(tracked.path("done").asLong() + tracked.path("unchanged").asLong()).isEqualTo(6);

        int writesBefore = magentoWrites();
        JsonNode healed = report("all");
        assertThat(healed.path("items")).as(healed.toPrettyString()).isEmpty();
        assertThat(magentoWrites()).as("a comparison writes nothing").isEqualTo(writesBefore);
        assertThat(payments(sales.getOrder(orderId).orElseThrow())).hasSize(2);

        // What cannot be healed stays in the report with its reason: two products of the matrix with one size/colour.
        stack.retailExpress().changeProduct(124008, Map.of("SizeId", "S", "ColourId", "12"), null);
        JsonNode duplicate = report("products");
        assertThat(categories(duplicate)).containsExactly("PRODUCT_CANNOT_SYNC:BSS-THAW16");
        assertThat(item(duplicate, "PRODUCT_CANNOT_SYNC").path("reason").asString()).contains("unique combinations");
        CliRun nothing = drift("--latest", "--heal");
        assertThat(nothing.out()).contains("Nothing to heal; 1 differences need an operator");
        stack.retailExpress().changeProduct(124008, Map.of("SizeId", "M", "ColourId", "12"), null);
    }

    @Test
    void aReadOnlyCredentialMayReadReportsButNotCompareOrHeal() {
        CliRun compare = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "drift", "customers");
        assertThat(compare.exit()).isEqualTo(ExitCode.REFUSED_CREDENTIAL);
        CliRun unknownScope = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "drift", "widgets");
        assertThat(unknownScope.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(unknownScope.err()).contains("Unknown drift scope 'widgets'");
    }

    private static CliRun drift(String... args) {
        List<String> all = new ArrayList<>(List.of("drift"));
        all.addAll(List.of(args));
        return CliRun.against(api, LocalStack.OPERATOR_TOKEN, all.toArray(String[]::new));
    }

    private static JsonNode report(String scope) {
        CliRun run = drift(scope, "--json", "--interval=PT0.2S");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        return run.json();
    }

    private static List<String> categories(JsonNode report) {
        List<String> found = new ArrayList<>();
        report.path("items").forEach(item -> found.add(item.path("category").asString() + ":" + item.path("entityId").asString()));
        return found;
    }

    private static JsonNode item(JsonNode report, String category) {
        for (JsonNode item : report.path("items")) {
            if (item.path("category").asString().equals(category)) {
                return item;
            }
        }
        throw new AssertionError("no " + category + " in " + report.toPrettyString());
    }

    private static List<Integer> payments(MagentoOrder order) {
        List<Integer> ids = new ArrayList<>();
        order.statusHistories().forEach(c -> {
            Matcher matcher = PAYMENT.matcher(c.comment() == null ? "" : c.comment());
            if (matcher.find()) {
                ids.add(Integer.parseInt(matcher.group(1)));
            }
        });
        return ids;
    }

    private static int magentoWrites() {
        return (int) stack.magento().requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    /** A shopper's order of the scarf, invoiced at once (the simulator's shop, as in the README). */
    private static long placeInvoicedOrder() throws Exception {
        String base = stack.magento().restBase().toString().replaceFirst("/rest/?$", "");
        String body = """
                {"email":"web@example.com",
                 "billing":{"firstname":"Bo","lastname":"Buyer","street":["1 George St"],"city":"Sydney","regionCode":"NSW",
                            "postcode":"2000","countryId":"AU","telephone":"02 9000 0000"},
                 "lines":[{"sku":"SC0011OSFA","qty":2}],
                 "shippingMethod":"flatrate_flatrate","shippingDescription":"Flat Rate - Fixed","paymentMethod":"checkmo",
                 "invoiceNow":true}""";
        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/sandbox/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isLessThan(300);
        return OperatorApi.JSON.readTree(placed.body()).path("entity_id").asLong();
    }
}
