package com.skylinksync.fulfillment;

import static com.skylinksync.fulfillment.OrderLoopHarness.BRISBANE;
import static com.skylinksync.fulfillment.OrderLoopHarness.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.magento.PlacedOrder.Line;
import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What survives a lost service database (the link lives in Magento and RE), and what keeps two executions of one
 * order from writing twice (the order's fence), over the real broker, PostgreSQL and both simulators.
 */
class OrderLoopRecoveryTest {

    private static OrderLoopHarness parts;
    private RunningService service;

    @BeforeAll
    static void start() {
        parts = OrderLoopHarness.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @AfterEach
    void calm() {
        parts.retailExpressSimulator.latency(InjectedLatency.none());
        if (service != null && service.isRunning()) {
            service.stop();
        }
    }

    @Test
    void aServiceWhoseDatabaseIsLostRebuildsItsLinksAndWritesNothingTwice() throws Exception {
        service = parts.startService();
        // A: paid in Magento (one invoice → one RE payment). B: paid and part-fulfilled in RE (one invoice, one shipment).
        long a = parts.place(PlacedOrder.guest("lost-a-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 1)).withPayment("paypal_express", true));
        long b = parts.place(PlacedOrder.guest("lost-b-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 2)));
        String reA = parts.awaitRetailExpressId(a);
        String reB = parts.awaitRetailExpressId(b);
        service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(a), SyncStatus.SYNCED);
        int lineB = parts.retailExpress.getOrder(reB).orElseThrow().items().getFirst().id();
        LocalDateTime first = LocalDateTime.of(2026, 12, 1, 9, 0);
        parts.retailExpressSimulator.pay(reB, 1, new BigDecimal("69.90"), LocalDateTime.now());
        parts.retailExpressSimulator.fulfil(reB, lineB, BigDecimal.ONE, first);
        assertThat(announce(reB)).isEqualTo(Outcome.SYNCED);
        assertThat(parts.magento.invoicesOf(b)).hasSize(1);
        assertThat(parts.magento.shipmentsOf(b)).hasSize(1);
        String staleSnapshotOfA = withoutComments(new Snapshots().write(parts.magento.getOrder(a).orElseThrow()));
        assertThat(createsOf(a)).isEqualTo(1);
        assertThat(createsOf(b)).isEqualTo(1);
        long paymentsOfA = parts.paymentDocuments(reA);
        assertThat(paymentsOfA).isEqualTo(1);

        service.stop();
        sql("DROP SCHEMA " + parts.kit.schema() + " CASCADE");
        service = parts.startService();

        // Every Magento order and invoice is re-read (the cursor was lost with the rest), every EDS event repeated,
        // and an order event from before the write-back (its snapshot without the link comment) replayed.
        parts.kit.events().publish(parts.kit.events().builder(EntityType.MAGENTO_ORDER, String.valueOf(a), null,
                Origin.POLL).setSnapshot(staleSnapshotOfA).build());
        assertThat(announce(reA)).isEqualTo(Outcome.UNCHANGED);
        assertThat(announce(reB)).isEqualTo(Outcome.UNCHANGED);
        await().atMost(DEADLINE).until(() -> count("order_link", "magento_order_id IN (" + a + ", " + b
                + ") AND state = 'LINKED'") == 2);
        MagentoInvoice invoiceOfA = parts.magento.invoicesOf(a).getFirst();
        await().atMost(DEADLINE).until(() -> count("payment_link", "magento_invoice_id = " + invoiceOfA.id()
                + " AND state = 'PAID'") == 1);
        service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(a), SyncStatus.UNCHANGED);
        awaitOrderPolls(3);

        assertThat(createsOf(a)).as("no second RE order").isEqualTo(1);
        assertThat(createsOf(b)).as("no second RE order").isEqualTo(1);
        assertThat(parts.paymentDocuments(reA)).as("no second RE payment").isEqualTo(paymentsOfA);
        assertThat(parts.paymentDocuments(reB)).as("B's invoice is RE's own").isZero();
        assertThat(parts.magento.invoicesOf(a)).hasSize(1);
        assertThat(parts.magento.invoicesOf(b)).as("no second Magento invoice").hasSize(1);
        assertThat(parts.magento.shipmentsOf(b)).as("no second Magento shipment").hasSize(1);

        // The rebuilt link is a working one: B's next fulfilment, ten minutes on, is its second shipment.
        parts.retailExpressSimulator.fulfil(reB, lineB, BigDecimal.ONE, first.plusMinutes(10));
        assertThat(announce(reB)).isEqualTo(Outcome.SYNCED);
        assertThat(parts.magento.shipmentsOf(b)).hasSize(2);
    }

    @Test
    void aLostLinkIsFoundThroughTheRetailExpressOrderBeforeMagentoIsReadAgain() throws Exception {
        service = parts.startService();
        long c = parts.place(PlacedOrder.guest("lost-c-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("HB0011OSFA", 1)));
        String reC = parts.awaitRetailExpressId(c);
        service.stop();
        sql("DROP SCHEMA " + parts.kit.schema() + " CASCADE");
        // Polls off: only RE's announcement can tell the service whose order this is.
        service = parts.startService("--skylink.orders.poll.enabled=false");
        int line = parts.retailExpress.getOrder(reC).orElseThrow().items().getFirst().id();
        parts.retailExpressSimulator.fulfil(reC, line, BigDecimal.ONE, LocalDateTime.now());

        assertThat(announce(reC)).isEqualTo(Outcome.SYNCED);
        assertThat(parts.magento.shipmentsOf(c)).hasSize(1);
        assertThat(count("foreign_order", "re_order_id = '" + reC + "'")).isZero();
        assertThat(announce(reC)).isEqualTo(Outcome.UNCHANGED);
        assertThat(parts.magento.shipmentsOf(c)).hasSize(1);
    }

    @Test
    void twoExecutionsOfOneOrderAtOnceMakeOneRetailExpressOrderAndOnePayment() throws Exception {
        // As when a lane was handed back (shutdown-grace or the rebalance wait ran out) with its sync still running.
        service = parts.startService("--skylink.orders.poll.enabled=false");
        EntitySyncer orderPush = syncer(EntityType.MAGENTO_ORDER);
        EntitySyncer invoicePush = syncer(EntityType.MAGENTO_INVOICE);
        long id = parts.place(PlacedOrder.guest("twice-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 1)).withPayment("checkmo", true));
        Snapshots snapshots = new Snapshots();
        SyncTask order = task(EntityType.MAGENTO_ORDER, id, snapshots.write(parts.magento.getOrder(id).orElseThrow()));
        parts.retailExpressSimulator.latency(InjectedLatency.fixed(Duration.ofMillis(800)));

        List<SyncResult> placed = twice(() -> orderPush.sync(order));
        String reOrderId = placed.getFirst().targetId();
        assertThat(placed).extracting(SyncResult::targetId).containsOnly(reOrderId);
        assertThat(createsOf(id)).isEqualTo(1);

        MagentoInvoice invoice = parts.magento.invoicesOf(id).getFirst();
        SyncTask paid = task(EntityType.MAGENTO_INVOICE, id, snapshots.write(invoice));
        List<SyncResult> payments = twice(() -> invoicePush.sync(paid));
        assertThat(payments).extracting(SyncResult::targetId).doesNotContainNull().containsOnly(payments.getFirst().targetId());
        assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).hasSize(1);
        assertThat(parts.paymentDocuments(reOrderId)).isEqualTo(1);
    }

    @Test
    void twoOrdersOfOneNewCustomerAtOnceCreateOneRetailExpressCustomer() {
        service = parts.startService("--skylink.orders.poll.enabled=false");
        var pusher = service.context().getBean(com.skylinksync.customerlink.CustomerPusher.class);
        var customer = parts.customers.createCustomer(new com.skylinksync.magento.customers.MagentoCustomer(null,
                "twice-" + UUID.randomUUID() + "@example.com", "Tess", "Twice", 1, null, List.of(), java.util.Map.of(),
                false, null));
        java.time.Instant before = java.time.Instant.now();
        parts.retailExpressSimulator.latency(InjectedLatency.fixed(Duration.ofMillis(800)));

        List<Integer> ids = twice(() -> pusher.ensureInRetailExpress(customer.id()));

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(parts.kit.retailExpressCalls("CustomerCreateUpdate", before)).hasSize(1);
        assertThat(parts.customers.getCustomer(customer.id()).orElseThrow().customAttribute("skylink_customer_id"))
                .isEqualTo(String.valueOf(ids.getFirst()));
    }

    @Test
    void withoutAGuestCustomerAGuestOrderIsRefusedNamingTheSetting() {
        service = parts.startServiceWithout("skylink.orders.guest-customer-id");
        long id = parts.place(PlacedOrder.guest("noguest-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("HB0011OSFA", 1)));

        assertThat(service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(id), SyncStatus.DEAD_LETTERED).lastError())
                .contains("NO_GUEST_CUSTOMER_CONFIGURED").contains("skylink.orders.guest-customer-id");
        assertThat(parts.magento.getOrder(id).orElseThrow().commentValue(OrderLoopHarness.LINK_PREFIX)).isEmpty();
    }

    /** How many OrderCreateByChannel documents RE received for this Magento order (its private comments name it). */
    private static long createsOf(long magentoOrderId) {
        return parts.retailExpressSimulator.orderDocuments().stream()
                .filter(d -> d.xml().contains("(id " + magentoOrderId + ")</PrivateComments>")).count();
    }

    /** Runs {@code sync} on two threads released together; both must succeed. */
    private static <T> List<T> twice(java.util.function.Supplier<T> sync) {
        CountDownLatch go = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<T>> runs = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return sync.get();
            }, threads)).toList();
            go.countDown();
            return runs.stream().map(run -> run.orTimeout(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join())
                    .toList();
        }
    }

    private EntitySyncer syncer(EntityType type) {
        return service.context().getBeansOfType(EntitySyncer.class).values().stream()
                .filter(s -> s.entityType() == type).findFirst().orElseThrow();
    }

    private static SyncTask task(EntityType type, long magentoOrderId, String snapshot) {
        EntityChanged event = parts.kit.events().builder(type, String.valueOf(magentoOrderId), null, Origin.POLL)
                .setSnapshot(snapshot).build();
        return new SyncTask(event, null, null, 1);
    }

    private static String withoutComments(String snapshot) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode order = (ObjectNode) json.readTree(snapshot);
        order.remove("status_histories");
        return json.writeValueAsString(order);
    }

    private static Outcome announce(String reOrderId) {
        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, changeSet));
        return parts.kit.completions().awaitOutcome(changeSet, reOrderId).getOutcome();
    }

    private static void awaitOrderPolls(int polls) {
        long before = orderSearches();
        await().atMost(DEADLINE).until(() -> orderSearches() >= before + polls + 1);
    }

    private static long orderSearches() {
        return parts.magentoSimulator.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().startsWith("/rest/V1/orders?")).count();
    }

    private static void sql(String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(parts.kit.postgres().jdbcUrl(), "postgres", "");
             var run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private static long count(String table, String where) throws SQLException {
        try (var connection = DriverManager.getConnection(parts.kit.postgres().jdbcUrl(), "postgres", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM " + parts.kit.schema() + "." + table + " WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
