package com.skylinksync.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.connector.WorkPriority;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The comparison and the heal against the real catalog sync (embedded broker and PostgreSQL, both simulators over
 * SOAP/HTTP, the reference fixtures on channel 1): drift injected in both simulators is reported once in its
 * category; the heal's DRIFT syncs put the healable ones right; a second comparison finds nothing and writes nothing.
 */
class DriftComparisonTest {

    private static SyncServiceHarness harness;
    private static RunningService catalog;
    private static DriftComparison drift;
    private static MagentoCatalog magento;
    private static MagentoCustomers customers;
    private static DriftComparison noOrderAge;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        catalog = harness.startService("--skylink.catalog.channels.1=base");
        CatalogSetup setup = catalog.context().getBean(CatalogSetup.class);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getStatus().equals(Status.UP));
        var re = new RetailExpressTransport(new RetailExpressSettings(harness.retailExpress().soapEndpoint(),
                harness.retailExpress().clientId(), harness.retailExpress().username(), harness.retailExpress().password(),
                null, null, false), CallPermits.UNLIMITED);
        var transport = new MagentoTransport(WebClient.builder(), new MagentoSettings(harness.magento().restBase(),
                harness.magento().accessToken(), Duration.ofSeconds(10)));
        magento = new MagentoCatalog(transport);
        customers = new MagentoCustomers(transport);
        DriftProperties properties = new DriftProperties(Map.of(1, "base"), 1.0, null, 7, null, null, null, null, null, null, null, null);
        drift = new DriftComparison(new RetailExpressCatalogue(re), new RetailExpressCustomers(re), new RetailExpressSales(re),
                magento, customers, new MagentoSales(transport), new WorkPriority(), properties, Clock.systemUTC());
        noOrderAge = new DriftComparison(new RetailExpressCatalogue(re), new RetailExpressCustomers(re), new RetailExpressSales(re),
                magento, customers, new MagentoSales(transport), new WorkPriority(), new DriftProperties(Map.of(1, "base"), 1.0,
                null, 7, Duration.ZERO, null, null, null, null, null, null, null), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void injectedDriftIsReportedOnceInItsCategoryHealedAndASecondRunFindsNone() {
        // Start from a store in step: the first comparison finds every channel product missing; its heal creates them.
        DriftReport first = drift.compare(DriftScope.PRODUCTS);
        assertThat(first.complete()).as(first.note()).isTrue();
        assertThat(first.items()).isNotEmpty().allSatisfy(item ->
                assertThat(item.category()).as(item.toString()).isEqualTo(DriftCategory.PRODUCT_MISSING_IN_MAGENTO));
        heal(first, null);
        DriftReport inStep = drift.compare(DriftScope.PRODUCTS);
        assertThat(inStep.items()).as(DriftReportFormat.table(inStep)).isEmpty();

        // Drift, one of each kind.
        MagentoProduct scarf = magento.getProduct("SC0011OSFA").orElseThrow();
        magento.saveProduct("SC0011OSFA", new MagentoProduct(null, "SC0011OSFA", null, null, null, new BigDecimal("1.00"),
                null, null, null, null, null, null, null, null, null), MagentoCatalog.ALL_STORES);
        MagentoProduct beanie = magento.getProduct("HB0011OSFA").orElseThrow();
        magento.saveProduct("HB0011OSFA", new MagentoProduct(null, "HB0011OSFA", null, null, null, null, null, null, null,
                null, null, new MagentoProduct.StockItem(new BigDecimal("999"), true, null, null), null, null, null), MagentoCatalog.ALL_STORES);
        harness.magento().requests(); // (the simulator records every request; writes are counted below)
        WebClient.create(harness.magento().restBase() + "/V1/products/PAD001OSFA").delete()
                .header("Authorization", "Bearer " + harness.magento().accessToken()).retrieve().toBodilessEntity().block();
        magento.removeConfigurableChild("BSS-THAW16", magento.getConfigurableChildren("BSS-THAW16").getFirst().sku());
        // RE: two children of one matrix given the same size and colour (124007 is S/12).
        harness.retailExpress().changeProduct(124008, Map.of("SizeId", "S", "ColourId", "12"), null);

        DriftReport drifted = drift.compare(DriftScope.PRODUCTS);
        String table = DriftReportFormat.table(drifted);
        assertThat(drifted.items().stream().filter(i -> i.category() == DriftCategory.PRICE)).as(table)
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("124006");
                    assertThat(item.fields()).isEqualTo("price");
                    assertThat(item.retailExpress()).isEqualTo("price=29.95");
                    assertThat(item.magento()).isEqualTo("price=1");
                });
        assertThat(drifted.items().stream().filter(i -> i.category() == DriftCategory.STOCK)).as(table)
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("124005");
                    assertThat(item.magento()).contains("qty=999");
                });
        assertThat(drifted.items().stream().filter(i -> i.category() == DriftCategory.PRODUCT_MISSING_IN_MAGENTO)).as(table)
                .singleElement().satisfies(item -> assertThat(item.entityId()).isEqualTo("124013"));
        // The duplicate makes the whole matrix unsyncable (one difference naming its products), so its unlinked child
        // is not compared until the duplicate is gone.
        assertThat(drifted.items().stream().filter(i -> i.category() == DriftCategory.PRODUCT_CANNOT_SYNC)).as(table)
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("BSS-THAW16");
                    assertThat(item.retailExpress()).contains("124007", "124008");
                    assertThat(item.reason()).contains("unique combinations");
                    assertThat(item.healable()).isFalse();
                });
        assertThat(drifted.items()).as(table).hasSize(4);
        assertThat(DriftReportFormat.csv(drifted).lines()).hasSize(5).first().asString().startsWith("category,entity,entity_id");
        assertThat(DriftReportFormat.fromJson(DriftReportFormat.json(drifted))).isEqualTo(drifted);

        // Undo the RE duplicate: now the unlinked configurable child shows.
        harness.retailExpress().changeProduct(124008, Map.of("SizeId", "M", "ColourId", "12"), null);
        DriftReport matrix = drift.compare(DriftScope.PRODUCTS);
        assertThat(matrix.items().stream().filter(i -> i.category() == DriftCategory.CONFIGURABLE_CHILDREN))
                .as(DriftReportFormat.table(matrix)).singleElement()
                .satisfies(item -> assertThat(item.entityId()).isEqualTo("BSS-THAW16"));
        assertThat(matrix.items()).as(DriftReportFormat.table(matrix)).hasSize(4);

        heal(matrix, null);
        int writesBefore = writes();
        DriftReport healed = drift.compare(DriftScope.PRODUCTS);
        assertThat(healed.items()).as(DriftReportFormat.table(healed)).isEmpty();
        assertThat(writes()).as("a comparison writes nothing").isEqualTo(writesBefore);
        assertThat(magento.getProduct("SC0011OSFA").orElseThrow().price()).isEqualByComparingTo(scarf.price());
        assertThat(magento.getProduct("HB0011OSFA").orElseThrow().stockItem().qty()).isEqualByComparingTo(beanie.stockItem().qty());
    }

    @Test
    void linkedCustomersWhoseFieldsDifferOrWhoseRetailExpressCustomerIsGoneAreReported() {
        MagentoCustomer linked = customers.createCustomer(new MagentoCustomer(null, "joey.bloggs@example.com", "Joey", "Bloggs", 1, null,
                List.of(new MagentoAddress(null, "Joey", "Bloggs", null, List.of("Magento Street 1"), "Elsewhere", null, "9999",
                        "NZ", "0000", null, true, true)), Map.of(CustomerComparison.LINK, "300000"), false, null));
        customers.createCustomer(new MagentoCustomer(null, "gone@example.com", "Gone", "Away", 1, null, List.of(),
                Map.of(CustomerComparison.LINK, "999999"), false, null));

        DriftReport report = drift.compare(DriftScope.CUSTOMERS);

        assertThat(report.items().stream().filter(i -> i.category() == DriftCategory.CUSTOMER_FIELDS))
                .as(DriftReportFormat.table(report)).singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("300000");
                    assertThat(item.magentoId()).isEqualTo(String.valueOf(linked.id()));
                    assertThat(item.fields()).contains("billing.street", "billing.city", "billing.postcode");
                    assertThat(item.heal()).isEqualTo(new Drift.HealTarget(EntityType.CUSTOMER, "300000"));
                });
        assertThat(report.items().stream().filter(i -> i.category() == DriftCategory.CUSTOMER_GONE_FROM_RETAIL_EXPRESS))
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("999999");
                    assertThat(item.healable()).isFalse();
                });
    }

    @Test
    void ordersWithoutRetailExpressOrderAndRetailExpressPaymentsAndFulfilmentsMissingInMagentoAreReported() {
        harness.magento().addProduct("DRIFT-ORDER-1", "Drift order line", new BigDecimal("19.95"), new BigDecimal("0.1"), null);
        var address = new PlacedOrder.Address("Bo", "Buyer", null, List.of("1 George St"), "Sydney", "New South Wales", "NSW",
                "2000", "AU", "02 9000 0000");
        long unlinked = harness.magento().placeOrder(PlacedOrder.guest("bo@example.com", address,
                new PlacedOrder.Line("DRIFT-ORDER-1", List.of(), 1, null))).get("entity_id").asLong();
        // Linked to RE's fixture order 16-00000001, which RE has paid in full (901 + 902) and fulfilled (77).
        long linked = harness.magento().placeOrder(PlacedOrder.guest("joe@testing.com", address,
                new PlacedOrder.Line("DRIFT-ORDER-1", List.of(), 1, null)).withComment("SkyLink Order ID: #16-00000001"))
                .get("entity_id").asLong();

        DriftReport report = noOrderAge.compare(DriftScope.ORDERS);
        String table = DriftReportFormat.table(report);

        assertThat(report.items().stream().filter(i -> i.category() == DriftCategory.ORDER_NOT_IN_RETAIL_EXPRESS)).as(table)
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo(String.valueOf(unlinked));
                    assertThat(item.heal().type()).isEqualTo(EntityType.MAGENTO_ORDER);
                    assertThat(item.heal().snapshot()).contains("\"entity_id\":" + unlinked);
                });
        assertThat(report.items().stream().filter(i -> i.category() == DriftCategory.PAYMENT_NOT_IN_MAGENTO)).as(table)
                .singleElement().satisfies(item -> {
                    assertThat(item.entityId()).isEqualTo("16-00000001");
                    assertThat(item.retailExpress()).isEqualTo("paid=29.95; total=29.95");
                    assertThat(item.heal()).isEqualTo(new Drift.HealTarget(EntityType.ORDER, "16-00000001"));
                });
        assertThat(report.items().stream().filter(i -> i.category() == DriftCategory.FULFILLMENT_NOT_IN_MAGENTO)).as(table)
                .singleElement().satisfies(item -> assertThat(item.magentoId()).isNotBlank());
        assertThat(report.items()).as(table).hasSize(3);
        assertThat(report.compared()).containsEntry(DriftScope.ORDERS, 2);
        assertThat(linked).isNotEqualTo(unlinked);
        // The default threshold (an hour) leaves orders this young out.
        assertThat(drift.compare(DriftScope.ORDERS).items()).isEmpty();
    }

    @Test
    void theDryRunStatesTheCallsAndTheTimeAtTheBudgetShareWithoutComparing() {
        DriftProperties fifth = DriftProperties.defaults();
        assertThat(List.of(fifth.perSecond(), fifth.perMinute(), fifth.perHour())).containsExactly(5, 240, 6_000);
        assertThat(fifth.callCap()).isEqualTo(30_000);
        // 20,000 products at 50 a call: 401 calls; 240 in the first minute, the other 161 at 5/s in the second.
        assertThat(fifth.timeFor(401)).isEqualTo(Duration.ofSeconds(92));
        assertThat(fifth.timeFor(481)).isEqualTo(Duration.ofMinutes(2));
        assertThat(fifth.timeFor(6_001)).isEqualTo(Duration.ofHours(1));
        assertThat(fifth.timeFor(5)).isEqualTo(Duration.ofMillis(800));
        DriftCost cost = drift.estimate(DriftScope.PRODUCTS);
        // 19 ids on channel 1: 1 enumeration + ceil(19/50) = 1 batch + the price groups + the attribute options.
        assertThat(cost.retailExpressCalls()).isEqualTo(4);
        assertThat(cost.estimateCalls()).isEqualTo(1);
        assertThat(cost.withinCap()).isTrue();
    }

    /** Publishes the report's heal as the gateway does and waits for every corrective sync's outcome. */
    private static void heal(DriftReport report, DriftCategory category) {
        String run = "drift-heal-" + UUID.randomUUID();
        List<EntityChanged> events = DriftHeal.events(report, DriftHeal.of(category), run,
                harness.retailExpress().clientId().toString(), 1, run, Instant.now());
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(Topics.forEvent(e.getEntityType(), e.getOrigin())).endsWith(".bulk"));
        events.forEach(event -> harness.events().publish(Topics.forEvent(event.getEntityType(), event.getOrigin()), event));
        for (EntityChanged event : events) {
            var outcome = harness.completions().awaitOutcome(run, event.getEntityId());
            assertThat(outcome.getOutcome()).as(event.getEntityId() + ": " + outcome.getErrorMessage())
                    .isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        }
    }

    private static int writes() {
        return (int) harness.magento().requests().stream().filter(r -> !r.method().equals("GET")).count();
    }
}
