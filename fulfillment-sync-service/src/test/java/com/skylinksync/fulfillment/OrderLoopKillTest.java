package com.skylinksync.fulfillment;

import static com.skylinksync.fulfillment.OrderLoopHarness.BRISBANE;
import static com.skylinksync.fulfillment.OrderLoopHarness.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.magento.PlacedOrder.Line;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.InjectedFaults;
import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.testkit.RunningService;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service killed (its database login cut, then its context closed: a dead pod, not a clean stop) while an external
 * write is in flight, then started again. "After" lets the write reach the other side; "before" has the other side
 * refuse it, so the kill leaves the intent recorded and nothing written. Either way the end state holds exactly one
 * effect, or a parked entity when the outcome cannot be known — never two.
 */
class OrderLoopKillTest {

    private static final Duration IN_FLIGHT = Duration.ofSeconds(2);

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
        parts.retailExpressSimulator.latency(InjectedLatency.none()).faults(InjectedFaults.none());
        parts.magentoSimulator.latency(Duration.ZERO);
        if (service != null && service.isRunning()) {
            service.stop();
        }
    }

    @Test
    void killedWhileTheRetailExpressOrderIsCreatedTheOrderIsParkedAndCreatedOnce() {
        service = parts.startService();
        long before = createdOrders();
        parts.retailExpressSimulator.latency(InjectedLatency.fixed(IN_FLIGHT));
        long id = parts.place(PlacedOrder.guest("k1-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("HB0011OSFA", 1)));
        awaitIntent("order_link", "magento_order_id = " + id + " AND state = 'CREATING'");
        service.kill();
        await().atMost(DEADLINE).until(() -> createdOrders() == before + 1); // the create went through after all

        service = parts.startService();
        service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(id), SyncStatus.PARKED);
        assertThat(createdOrders()).isEqualTo(before + 1);
        assertThat(parts.magento.getOrder(id).orElseThrow().commentValue(OrderLoopHarness.LINK_PREFIX)).isEmpty();
    }

    @Test
    void killedJustBeforeTheRetailExpressOrderIsCreatedTheOrderIsParkedAndNoneIsCreated() {
        service = parts.startService();
        long before = createdOrders();
        parts.retailExpressSimulator.latency(InjectedLatency.fixed(IN_FLIGHT))
                .faults(new InjectedFaults(1.0, 0, 0, Duration.ZERO));
        long id = parts.place(PlacedOrder.guest("k2-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("HB0011OSFA", 1)));
        awaitIntent("order_link", "magento_order_id = " + id + " AND state = 'CREATING'");
        service.kill();
        parts.retailExpressSimulator.latency(InjectedLatency.none()).faults(InjectedFaults.none());

        service = parts.startService();
        service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(id), SyncStatus.PARKED);
        assertThat(createdOrders()).isEqualTo(before);
    }

    @Test
    void killedWhileTheRetailExpressPaymentIsAddedItIsPaidOnce() {
        killedDuringPayment(false);
    }

    @Test
    void killedJustBeforeTheRetailExpressPaymentIsAddedItIsPaidOnce() {
        killedDuringPayment(true);
    }

    @Test
    void killedWhileTheMagentoShipmentIsMadeItIsMadeOnce() {
        killedDuringShipment(false);
    }

    @Test
    void killedJustBeforeTheMagentoShipmentIsMadeItIsMadeOnce() {
        killedDuringShipment(true);
    }

    @Test
    void killedWhileTheMagentoInvoiceIsMadeItIsMadeOnce() {
        killedDuringInvoice(false);
    }

    @Test
    void killedJustBeforeTheMagentoInvoiceIsMadeItIsMadeOnce() {
        killedDuringInvoice(true);
    }

    private void killedDuringPayment(boolean refused) {
        service = parts.startService();
        long id = parts.place(PlacedOrder.guest("k3-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("SC0011OSFA", 1)));
        String reOrderId = parts.awaitRetailExpressId(id);
        parts.retailExpressSimulator.latency(InjectedLatency.fixed(IN_FLIGHT));
        if (refused) {
            parts.retailExpressSimulator.faults(new InjectedFaults(1.0, 0, 0, Duration.ZERO));
        }
        java.time.Instant killedFrom = java.time.Instant.now();
        parts.magento.invoiceOrder(id, false, null);
        awaitIntent("payment_link", "magento_order_id = " + id + " AND state = 'PAYING'");
        service.kill();
        // The write in flight when the pod died ends as arranged: made, or refused before it reached RE.
        await().atMost(DEADLINE).until(() -> parts.retailExpressSimulator.journal().stream()
                .anyMatch(call -> call.operation().equals("OrderAddPayment")
                        && call.outcome() == (refused ? CallOutcome.FAULT : CallOutcome.OK)
                        && call.at().isAfter(killedFrom)));
        parts.retailExpressSimulator.faults(InjectedFaults.none());
        parts.retailExpressSimulator.latency(InjectedLatency.none());
        assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).hasSize(refused ? 0 : 1);

        service = parts.startService();
        service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(id), SyncStatus.SYNCED);
        assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).hasSize(1);
    }

    private void killedDuringShipment(boolean refused) {
        service = parts.startService();
        long id = parts.place(PlacedOrder.guest("k4-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("SC0011OSFA", 2)));
        String reOrderId = parts.awaitRetailExpressId(id);
        service.stop();
        int line = parts.retailExpress.getOrder(reOrderId).orElseThrow().items().getFirst().id();
        parts.retailExpressSimulator.fulfil(reOrderId, line, new BigDecimal("2"), LocalDateTime.now());
        // Only this order's writes reach Magento from now on, so the injected refusal is the shipment's.
        service = parts.startService("--skylink.orders.poll.enabled=false");
        parts.magentoSimulator.latency(IN_FLIGHT);
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, UUID.randomUUID().toString()));
        awaitIntent("re_shipment", "magento_order_id = " + id + " AND state = 'SHIPPING'");
        if (refused) {
            parts.magentoSimulator.failNext(1, 500);
        }
        service.kill();
        parts.magentoSimulator.latency(Duration.ZERO);
        long expectedBeforeRestart = refused ? 0 : 1;
        await().atMost(DEADLINE).until(() -> parts.magentoSimulator.requests().stream()
                .anyMatch(r -> r.path().equals("/rest/V1/order/" + id + "/ship")));
        assertThat(parts.magentoSimulator.shipments().stream()
                .filter(s -> s.get("order_id").asLong() == id).count()).isEqualTo(expectedBeforeRestart);

        service = parts.startService("--skylink.orders.poll.enabled=false");
        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, changeSet));
        parts.kit.completions().awaitOutcome(changeSet, reOrderId);
        assertThat(parts.magento.shipmentsOf(id)).hasSize(1);
    }

    private void killedDuringInvoice(boolean refused) {
        service = parts.startService();
        long id = parts.place(PlacedOrder.guest("k5-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("HB0011OSFA", 1)));
        String reOrderId = parts.awaitRetailExpressId(id);
        service.stop();
        parts.retailExpressSimulator.pay(reOrderId, 1, new BigDecimal("29.95"), LocalDateTime.now());
        service = parts.startService("--skylink.orders.poll.enabled=false");
        parts.magentoSimulator.latency(IN_FLIGHT);
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, UUID.randomUUID().toString()));
        awaitIntent("re_invoice", "magento_order_id = " + id + " AND state = 'INVOICING'");
        if (refused) {
            parts.magentoSimulator.failNext(1, 500);
        }
        service.kill();
        parts.magentoSimulator.latency(Duration.ZERO);
        await().atMost(DEADLINE).until(() -> parts.magentoSimulator.requests().stream()
                .anyMatch(r -> r.path().equals("/rest/V1/order/" + id + "/invoice")));
        assertThat(parts.magento.invoicesOf(id)).hasSize(refused ? 0 : 1);

        service = parts.startService("--skylink.orders.poll.enabled=false");
        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, changeSet));
        parts.kit.completions().awaitOutcome(changeSet, reOrderId);
        assertThat(parts.magento.invoicesOf(id)).hasSize(1);
    }

    private static long createdOrders() {
        return parts.retailExpressSimulator.orderDocuments().stream().filter(d -> d.orderId() != null).count();
    }

    /** Waits until the service has recorded its intent (so the write is on its way) in {@code table}. */
    private static void awaitIntent(String table, String where) {
        await().atMost(DEADLINE).until(() -> count(table, where) == 1);
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
