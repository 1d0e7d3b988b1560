package com.skylinksync.fulfillment;

import static com.skylinksync.fulfillment.OrderLoopHarness.BRISBANE;
import static com.skylinksync.fulfillment.OrderLoopHarness.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoShipment;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.runtime.status.EntityStatus;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.magento.PlacedOrder.Line;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order loop over the real broker, PostgreSQL and both simulators. */
class OrderLoopIntegrationTest {

    private static OrderLoopHarness parts;
    private static RunningService service;

    @BeforeAll
    static void start() {
        parts = OrderLoopHarness.start();
        service = parts.startService();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @Test
    void aRegisteredCustomersOrderReachesRetailExpressWithEveryFieldAndItsIdIsWrittenBack() {
        var customer = parts.registeredCustomer();
        long id = parts.place(PlacedOrder.registered(customer.id(), customer.email(), BRISBANE,
                        Line.of("SC0011OSFA", 2).discounted(new BigDecimal("6.00")),
                        Line.configurable("BSS-THAW16", "BSS-THAW16-M-BLK", 1))
                .withShipping("flatrate_flatrate", "Australia Post - Express", new BigDecimal("11.00"))
                .withNote("Please leave at the back door"));

        String reOrderId = parts.awaitRetailExpressId(id);
        var document = parts.orderDocument(reOrderId);
        Map<String, String> order = document.order();
        assertThat(order).containsEntry("CustomerId", "300000").containsEntry("OrderStatus", "Quote")
                .containsEntry("FreightTotal", "11").containsEntry("OrderTotal", "114.85")
                .containsEntry("BillFirstName", "Joey").containsEntry("BillLastName", "Bloggs")
                .containsEntry("BillCompany", "Sample Company").containsEntry("BillAddress", "Unit 5")
                .containsEntry("BillAddress2", "192 Ann St").containsEntry("BillSuburb", "Brisbane")
                .containsEntry("BillPostCode", "4000").containsEntry("BillPhone", "(07) 1111 1111")
                .containsEntry("BillEmail", customer.email()).containsEntry("DelAddress", "Unit 5")
                .containsEntry("PublicComments", "Shipping: Australia Post - Express\nCustomer Note: Please leave at the back door")
                .doesNotContainKey("FulfilmentOutletID");
        assertThat(order.get("DateCreated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000");
        assertThat(document.items()).hasSize(2);
        // The row discount (6.00 over 2 units) comes off each unit once: 29.95 - 3.00.
        assertThat(document.items().get(0)).containsEntry("ProductId", "124006").containsEntry("QtyOrdered", "2")
                .containsEntry("QtyFulfilled", "0").containsEntry("UnitPrice", "26.95")
                .containsEntry("TaxRateApplied", "0.1").containsEntry("DeliveryMethod", "home")
                .containsEntry("DeliveryDriverName", "Australia Post");
        // A configurable line is its chosen simple.
        assertThat(document.items().get(1)).containsEntry("ProductId", "124008").containsEntry("UnitPrice", "49.95");
        Order inRetailExpress = parts.retailExpress.getOrder(reOrderId).orElseThrow();
        assertThat(inRetailExpress.customerId()).isEqualTo(300000);
        assertThat(service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(id), SyncStatus.SYNCED, SyncStatus.UNCHANGED)
                .targetId()).isEqualTo(reOrderId);

        // The write-back changed the order: re-read by later polls, it creates nothing more.
        long documents = parts.orderDocuments();
        awaitPolls(3);
        assertThat(parts.orderDocuments()).isEqualTo(documents);
        assertThat(parts.retailExpressSimulator.orderDocuments().stream().filter(d -> reOrderId.equals(d.orderId()))).hasSize(1);
    }

    @Test
    void aRegisteredCustomerWithoutARetailExpressIdIsCreatedInRetailExpressFirstAndLinkedInMagento() {
        java.time.Instant before = java.time.Instant.now();
        var customer = parts.customers.createCustomer(new com.skylinksync.magento.customers.MagentoCustomer(null,
                "nora-" + UUID.randomUUID() + "@example.com", "Nora", "Newcomer", 1, null, List.of(), Map.of(), false, null));
        assertThat(customer.customAttribute("skylink_customer_id")).isNull();
        long id = parts.place(PlacedOrder.registered(customer.id(), customer.email(), BRISBANE, Line.of("HB0011OSFA", 1)));

        String reOrderId = parts.awaitRetailExpressId(id);
        String reCustomerId = parts.customers.getCustomer(customer.id()).orElseThrow().customAttribute("skylink_customer_id");
        assertThat(reCustomerId).as("the new RE customer's id written back to Magento").matches("\\d+");
        var document = parts.orderDocument(reOrderId);
        assertThat(document.order()).containsEntry("CustomerId", reCustomerId)
                .containsEntry("PrivateComments", "Magento order #" + parts.magento.getOrder(id).orElseThrow().incrementId()
                        + " (id " + id + ")");
        var inRetailExpress = parts.customerClient().getCustomer(Integer.parseInt(reCustomerId)).orElseThrow();
        assertThat(inRetailExpress.email()).isEqualTo(customer.email());
        assertThat(inRetailExpress.billing().lastName()).isEqualTo("Newcomer");
        assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().customerId()).isEqualTo(Integer.parseInt(reCustomerId));
        assertThat(parts.kit.retailExpressCalls("CustomerCreateUpdate", before)).hasSize(1);

        // The customer's write-back and the order's are re-read by later polls: nothing more is created.
        awaitPolls(3);
        assertThat(parts.kit.retailExpressCalls("CustomerCreateUpdate", before)).hasSize(1);
        assertThat(parts.retailExpressSimulator.orderDocuments().stream().filter(d -> reOrderId.equals(d.orderId()))).hasSize(1);
    }

    @Test
    void aGuestOrderGoesOnTheGuestCustomerAndClickAndCollectNamesItsOutlet() {
        long id = parts.place(PlacedOrder.guest("guest-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("HB0011OSFA", 1))
                .withShipping("skylinkpickup_outlet_2", "Click & Collect - Blue Outlet", BigDecimal.ZERO));

        var document = parts.orderDocument(parts.awaitRetailExpressId(id));
        assertThat(document.order()).containsEntry("CustomerId", "300001").containsEntry("FulfilmentOutletID", "2")
                .containsEntry("FreightTotal", "0");
        assertThat(document.items()).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("ProductId", "124005").containsEntry("DeliveryMethod", "store")
                .containsEntry("DeliveryDriverName", "Click & Collect"));
    }

    @Test
    void anInvoiceBecomesOneRetailExpressPayment() {
        long id = parts.place(PlacedOrder.guest("paid-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("SC0011OSFA", 1))
                .withPayment("paypal_express", true));
        String reOrderId = parts.awaitRetailExpressId(id);

        Order paid = await().atMost(DEADLINE).until(() -> parts.retailExpress.getOrder(reOrderId).orElseThrow(),
                o -> !o.payments().isEmpty());
        assertThat(paid.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.methodId()).isEqualTo(6);
            assertThat(payment.total()).isEqualByComparingTo("39.95");
        });
        MagentoInvoice invoice = parts.magento.invoicesOf(id).getFirst();
        assertThat(service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(id), SyncStatus.SYNCED, SyncStatus.UNCHANGED)
                .targetId()).isEqualTo(String.valueOf(paid.payments().getFirst().id()));
        awaitPolls(3);
        assertThat(parts.paymentDocuments(reOrderId)).as("invoice %s paid once", invoice.id()).isEqualTo(1);
        assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).hasSize(1);
    }

    @Test
    void aFailedReadOfANewPaymentsIdIsRetriedNotParkedAndThePaymentIsMadeOnce() {
        long id = parts.place(PlacedOrder.guest("reread-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 1)));
        String reOrderId = parts.awaitRetailExpressId(id);
        Instant before = Instant.now();
        // The push reads no RE order before paying, so these are the reads after OrderAddPayment (checked below).
        parts.retailExpressSimulator.failNext("GetOrder", 3);
        try {
            parts.magento.invoiceOrder(id, false, null);

            EntityStatus status = service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(id), SyncStatus.SYNCED,
                    SyncStatus.PARKED, SyncStatus.DEAD_LETTERED);
            assertThat(status.status()).as(status.lastError()).isEqualTo(SyncStatus.SYNCED);
            Order paid = parts.retailExpress.getOrder(reOrderId).orElseThrow();
            assertThat(paid.payments()).singleElement().satisfies(payment -> {
                assertThat(payment.methodId()).isEqualTo(1);
                assertThat(payment.total()).isEqualByComparingTo("39.95");
                assertThat(status.targetId()).isEqualTo(String.valueOf(payment.id()));
            });
            long invoiceId = parts.magento.invoicesOf(id).getFirst().id();
            assertThat(parts.ledgerValue("payment_link", "state || ':' || re_payment_id", "magento_invoice_id = " + invoiceId))
                    .isEqualTo("PAID:" + paid.payments().getFirst().id());
            List<JournalEntry> calls = parts.retailExpressSimulator.journal().stream()
                    .filter(call -> !call.at().isBefore(before)).toList();
            Instant sent = calls.stream().filter(call -> call.operation().equals("OrderAddPayment")
                    && call.outcome() == CallOutcome.OK).map(JournalEntry::at).findFirst().orElseThrow();
            assertThat(calls).filteredOn(call -> call.operation().equals("GetOrder") && call.outcome() == CallOutcome.FAULT)
                    .hasSize(3).allSatisfy(failed -> assertThat(failed.at()).isAfterOrEqualTo(sent));
            assertThat(parts.magento.getOrder(id).orElseThrow().statusHistories()).extracting(c -> c.comment())
                    .contains("SkyLink Payment ID: #" + paid.payments().getFirst().id() + " (invoice #"
                            + parts.magento.invoicesOf(id).getFirst().incrementId() + ")");

            awaitPolls(3);
            assertThat(parts.paymentDocuments(reOrderId)).isEqualTo(1);
            assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).hasSize(1);
        } finally {
            parts.retailExpressSimulator.failNext("GetOrder", 0);
        }
    }

    @Test
    void aPaymentRetailExpressTookButItsOrderDoesNotShowIsParkedNotSentAgain() {
        long id = parts.place(PlacedOrder.guest("vanished-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 1)));
        String reOrderId = parts.awaitRetailExpressId(id);
        Instant before = Instant.now();
        parts.retailExpressSimulator.failNext("GetOrder", 100_000); // every read back fails until disarmed
        try {
            long invoiceId = parts.magento.invoiceOrder(id, false, null);
            await().atMost(DEADLINE).ignoreExceptions().until(() -> parts.ledgerValue("payment_link", "state",
                    "magento_invoice_id = " + invoiceId).equals("SENT"));
            // RE took it; now it is gone from the order before its id could be read (deleted in RE's back office).
            List<Integer> taken = parts.retailExpressSimulator.paymentIds(reOrderId);
            assertThat(taken).hasSize(1);
            assertThat(parts.retailExpressSimulator.removePayment(reOrderId, taken.getFirst())).isTrue();
            parts.retailExpressSimulator.failNext("GetOrder", 0);

            EntityStatus status = service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(id), SyncStatus.SYNCED,
                    SyncStatus.PARKED, SyncStatus.DEAD_LETTERED);
            assertThat(status.status()).isEqualTo(SyncStatus.PARKED);
            assertThat(status.lastError()).contains("shows no payment matching it");
            assertThat(parts.ledgerValue("payment_link", "state", "magento_invoice_id = " + invoiceId)).isEqualTo("PARKED");

            awaitPolls(3);
            assertThat(parts.kit.retailExpressCalls("OrderAddPayment", before)).hasSize(1);
            assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).isEmpty();
        } finally {
            parts.retailExpressSimulator.failNext("GetOrder", 0);
        }
    }

    @Test
    void anOrderAddPaymentWhoseOutcomeIsUnknownIsParkedAndNotSentAgain() {
        long id = parts.place(PlacedOrder.guest("unknown-" + UUID.randomUUID() + "@example.com", BRISBANE,
                Line.of("SC0011OSFA", 1)));
        String reOrderId = parts.awaitRetailExpressId(id);
        Instant before = Instant.now();
        parts.retailExpressSimulator.failNext("OrderAddPayment", 1); // a 503 after sending: RE may have taken it
        try {
            parts.magento.invoiceOrder(id, false, null);

            EntityStatus status = service.awaitStatus(EntityType.MAGENTO_INVOICE, String.valueOf(id), SyncStatus.SYNCED,
                    SyncStatus.PARKED, SyncStatus.DEAD_LETTERED);
            assertThat(status.status()).isEqualTo(SyncStatus.PARKED);
            assertThat(status.lastError()).startsWith("UNCERTAIN_WRITE");
            long invoiceId = parts.magento.invoicesOf(id).getFirst().id();
            assertThat(parts.ledgerValue("payment_link", "state", "magento_invoice_id = " + invoiceId)).isEqualTo("PARKED");

            awaitPolls(3);
            assertThat(parts.kit.retailExpressCalls("OrderAddPayment", before)).hasSize(1);
            assertThat(parts.retailExpress.getOrder(reOrderId).orElseThrow().payments()).isEmpty();
        } finally {
            parts.retailExpressSimulator.failNext("OrderAddPayment", 0);
        }
    }

    @Test
    void theReferenceOrderGivesOneInvoiceAndOneShipmentHoweverOftenItIsAnnounced() {
        // A Magento order already linked to RE order 16-00000001 (2 payments covering 29.95, 1 fulfilment).
        long id = parts.place(PlacedOrder.registered(parts.registeredCustomer().id(), null, BRISBANE, Line.of("HB0011OSFA", 1))
                .withComment(OrderLoopHarness.LINK_PREFIX + "16-00000001"));
        service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(id), SyncStatus.UNCHANGED);

        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, "16-00000001", changeSet));
        assertThat(parts.kit.completions().awaitOutcome(changeSet, "16-00000001").getOutcome()).isEqualTo(Outcome.SYNCED);

        assertThat(parts.magento.invoicesOf(id)).singleElement()
                .satisfies(invoice -> assertThat(invoice.grandTotal()).isEqualByComparingTo("29.95"));
        assertThat(parts.magento.shipmentsOf(id)).singleElement().satisfies(shipment -> {
            assertThat(shipment.fulfillmentBatchId()).contains("28dd2c7955ce926456240b2ff0100bde"); // md5("77")
            assertThat(shipment.items()).singleElement().satisfies(item -> assertThat(item.qty()).isEqualByComparingTo("1"));
        });
        assertThat(parts.magento.getOrder(id).orElseThrow().state()).isEqualTo("complete");

        String again = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, "16-00000001", again));
        assertThat(parts.kit.completions().awaitOutcome(again, "16-00000001").getOutcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(parts.magento.invoicesOf(id)).hasSize(1);
        assertThat(parts.magento.shipmentsOf(id)).hasSize(1);
        // The invoice made from RE's payments is RE's own: it is not paid into RE again.
        awaitPolls(3);
        assertThat(parts.paymentDocuments("16-00000001")).isZero();
    }

    @Test
    void aPartPaymentGivesNoInvoiceAndFulfilmentsTenMinutesApartGiveTwoShipments() {
        long id = parts.place(PlacedOrder.guest("part-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("SC0011OSFA", 2)));
        String reOrderId = parts.awaitRetailExpressId(id);
        Order placed = parts.retailExpress.getOrder(reOrderId).orElseThrow();
        int line = placed.items().getFirst().id();
        parts.retailExpressSimulator.pay(reOrderId, 1, new BigDecimal("30.00"), LocalDateTime.now());

        assertThat(announce(reOrderId)).isEqualTo(Outcome.UNCHANGED);
        assertThat(parts.magento.invoicesOf(id)).isEmpty();

        LocalDateTime first = LocalDateTime.of(2026, 12, 1, 9, 0);
        parts.retailExpressSimulator.fulfil(reOrderId, line, BigDecimal.ONE, first);
        parts.retailExpressSimulator.fulfil(reOrderId, line, BigDecimal.ONE, first.plusMinutes(10));
        parts.retailExpressSimulator.pay(reOrderId, 1, new BigDecimal("39.90"), LocalDateTime.now());
        assertThat(announce(reOrderId)).isEqualTo(Outcome.SYNCED);

        assertThat(parts.magento.invoicesOf(id)).hasSize(1);
        List<MagentoShipment> shipments = parts.magento.shipmentsOf(id);
        assertThat(shipments).hasSize(2);
        assertThat(shipments).extracting(s -> s.fulfillmentBatchId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(announce(reOrderId)).isEqualTo(Outcome.UNCHANGED);
        assertThat(parts.magento.shipmentsOf(id)).hasSize(2);
    }

    @Test
    void moreFulfilledInRetailExpressThanIsLeftToShipIsRefusedNamingTheItem() {
        long id = parts.place(PlacedOrder.guest("over-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("SC0011OSFA", 2)));
        String reOrderId = parts.awaitRetailExpressId(id);
        // The store shipped one unit itself in Magento; RE then fulfils both.
        long item = parts.magento.getOrder(id).orElseThrow().topLevelItems().getFirst().id();
        parts.magento.shipOrder(id, List.of(new com.skylinksync.magento.sales.MagentoSales.ShipItem(item, BigDecimal.ONE)),
                null, List.of());
        int line = parts.retailExpress.getOrder(reOrderId).orElseThrow().items().getFirst().id();
        parts.retailExpressSimulator.fulfil(reOrderId, line, new BigDecimal("2"), LocalDateTime.now());

        assertThat(announce(reOrderId)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(service.status(EntityType.ORDER, reOrderId).lastError())
                .contains("FULFILLMENT_MORE_THAN_LEFT_TO_SHIP").contains("Scarf").contains("SC0011OSFA");
        assertThat(parts.magento.shipmentsOf(id)).as("only the store's own").hasSize(1);
    }

    @Test
    void anOrderSoldInRetailExpressItselfIsRecordedNotFailed() {
        assertThat(announce("17-00000042")).isEqualTo(Outcome.UNCHANGED);
        assertThat(service.status(EntityType.ORDER, "17-00000042").status()).isEqualTo(SyncStatus.UNCHANGED);
    }

    @Test
    void anOutletEventKeepsTheChannelsOutlets() {
        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.OUTLET, "2", changeSet));
        var outcome = parts.kit.completions().awaitOutcome(changeSet, "2");
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(service.status(EntityType.OUTLET, "2").targetId()).isEqualTo("channel-1/outlet-2");
        String gone = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.OUTLET, "99", gone));
        parts.kit.completions().awaitOutcome(gone, "99");
        assertThat(service.status(EntityType.OUTLET, "99").targetId()).as("not an outlet of the channel").isNull();
    }

    @Test
    void aBundleOrAnUnlinkedProductIsRefusedNamingIt() {
        long bundle = parts.place(PlacedOrder.guest("b-" + UUID.randomUUID() + "@example.com", BRISBANE,
                new Line("GIFT-SET", List.of("HB0011OSFA", "SC0011OSFA"), 1, BigDecimal.ZERO)));
        long unlinked = parts.place(PlacedOrder.guest("u-" + UUID.randomUUID() + "@example.com", BRISBANE, Line.of("UNLINKED", 1)));

        assertThat(service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(bundle), SyncStatus.DEAD_LETTERED).lastError())
                .contains("ORDER_ITEM_HAS_SEVERAL_PRODUCTS").contains("Gift set");
        assertThat(service.awaitStatus(EntityType.MAGENTO_ORDER, String.valueOf(unlinked), SyncStatus.DEAD_LETTERED).lastError())
                .contains("PRODUCT_NOT_LINKED").contains("UNLINKED");
    }

    private static Outcome announce(String reOrderId) {
        String changeSet = UUID.randomUUID().toString();
        parts.kit.events().publish(parts.kit.events().changed(EntityType.ORDER, reOrderId, changeSet));
        return parts.kit.completions().awaitOutcome(changeSet, reOrderId).getOutcome();
    }

    /** Waits until the order source has searched Magento {@code polls} more times (each follows a whole poll). */
    private static void awaitPolls(int polls) {
        long before = orderSearches();
        await().atMost(DEADLINE).until(() -> orderSearches() >= before + polls + 1);
    }

    private static long orderSearches() {
        return parts.magentoSimulator.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().startsWith("/rest/V1/orders?")).count();
    }
}
