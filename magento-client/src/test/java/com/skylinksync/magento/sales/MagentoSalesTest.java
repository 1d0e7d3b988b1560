package com.skylinksync.magento.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.sales.MagentoSales.ShipItem;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.magento.PlacedOrder.Line;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Orders, invoices and shipments against the Magento simulator over real HTTP. */
class MagentoSalesTest {

    private static final PlacedOrder.Address BRISBANE = new PlacedOrder.Address("Ada", "Shopper", null,
            List.of("Unit 5", "192 Ann St"), "Brisbane", "Queensland", "QLD", "4000", "AU", "07 3000 0000");

    private MagentoSimulator magento;
    private MagentoSales sales;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        sales = new MagentoSales(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5))));
        magento.addProduct("SC0011OSFA", "Scarf", new BigDecimal("29.95"), new BigDecimal("0.1"), 124006);
        magento.addProduct("BSS-THAW16-S-BLK", "Thaw Tee S Black", new BigDecimal("49.95"), new BigDecimal("0.1"), 124007);
        magento.addProduct("BSS-THAW16-M-BLK", "Thaw Tee M Black", new BigDecimal("49.95"), new BigDecimal("0.1"), 124008);
        magento.addConfigurable("BSS-THAW16", "Thaw Tee", List.of("BSS-THAW16-S-BLK", "BSS-THAW16-M-BLK"));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void aGuestOrderReadsBackWithItsItemsAddressesShippingAndPayment() {
        long id = place(PlacedOrder.guest("guest@example.com", BRISBANE, Line.of("SC0011OSFA", 2).discounted(new BigDecimal("6.00")),
                Line.configurable("BSS-THAW16", "BSS-THAW16-M-BLK", 1)).withNote("Leave at the door"));

        MagentoOrder order = sales.getOrder(id).orElseThrow();
        assertThat(order.isGuest()).isTrue();
        assertThat(order.state()).isEqualTo("new");
        assertThat(order.customerEmail()).isEqualTo("guest@example.com");
        assertThat(order.customerNote()).isEqualTo("Leave at the door");
        assertThat(order.shippingMethod()).isEqualTo("flatrate_flatrate");
        assertThat(order.shippingInclTax()).isEqualByComparingTo("10.00");
        assertThat(order.shippingTaxAmount()).isEqualByComparingTo("0.91");
        assertThat(order.paymentMethod()).contains("checkmo");
        assertThat(order.billingAddress().line(1)).isEqualTo("192 Ann St");
        assertThat(order.shippingAddresses()).singleElement().extracting(MagentoOrderAddress::regionCode).isEqualTo("QLD");
        assertThat(order.topLevelItems()).hasSize(2);
        MagentoOrderItem scarf = order.topLevelItems().getFirst();
        assertThat(scarf.qtyOrdered()).isEqualByComparingTo("2");
        assertThat(scarf.priceInclTax()).isEqualByComparingTo("29.95");
        assertThat(scarf.discountAmount()).as("the row's discount").isEqualByComparingTo("6.00");
        MagentoOrderItem tee = order.topLevelItems().get(1);
        assertThat(tee.productType()).isEqualTo("configurable");
        assertThat(order.childrenOf(tee)).singleElement().extracting(MagentoOrderItem::sku).isEqualTo("BSS-THAW16-M-BLK");
        assertThat(order.grandTotal()).isEqualByComparingTo("113.85"); // 59.90 - 6.00 + 49.95 + 10.00
        assertThat(sales.getOrder(999)).isEmpty();
    }

    @Test
    void ordersAreFoundByUpdatedAtAndCommentsAreKeptInTheirHistory() {
        long first = place(PlacedOrder.guest("a@example.com", BRISBANE, Line.of("SC0011OSFA", 1)));
        long second = place(PlacedOrder.guest("b@example.com", BRISBANE, Line.of("SC0011OSFA", 1)));
        String since = sales.getOrder(first).orElseThrow().updatedAt();

        var found = sales.searchOrders(SearchCriteria.builder().where(Filter.gteq("updated_at", since))
                .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC).page(1, 10).build());
        assertThat(found.totalCount()).isEqualTo(2);
        assertThat(found.items()).extracting(MagentoOrder::id).containsExactly(first, second);

        sales.addOrderComment(first, "SkyLink Order ID: #16-00000002", false);
        MagentoOrder commented = sales.getOrder(first).orElseThrow();
        assertThat(commented.commentValue("SkyLink Order ID: #")).contains("16-00000002");
        assertThat(commented.updatedAt()).isGreaterThanOrEqualTo(since);
    }

    @Test
    void anOrderIsInvoicedOnceInFull() {
        long id = place(PlacedOrder.guest("c@example.com", BRISBANE, Line.of("SC0011OSFA", 2)));

        long invoiceId = sales.invoiceOrder(id, false, "Paid in Retail Express");
        assertThat(sales.invoicesOf(id)).singleElement().satisfies(invoice -> {
            assertThat(invoice.id()).isEqualTo(invoiceId);
            assertThat(invoice.grandTotal()).isEqualByComparingTo("69.90");
        });
        MagentoOrder invoiced = sales.getOrder(id).orElseThrow();
        assertThat(invoiced.state()).isEqualTo("processing");
        assertThat(invoiced.baseTotalDue()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> sales.invoiceOrder(id, false, null))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageContaining("Invoice Document Validation Error(s):\nThe order does not allow an invoice to be created.");
        assertThat(sales.invoicesOf(id)).hasSize(1);
    }

    @Test
    void anOrderPlacedWithACapturingPaymentIsInvoicedAtOnce() {
        long id = place(PlacedOrder.guest("d@example.com", BRISBANE, Line.of("SC0011OSFA", 1)).withPayment("paypal_express", true));
        assertThat(sales.invoicesOf(id)).hasSize(1);
        assertThat(sales.searchInvoices(SearchCriteria.builder().where(Filter.gteq("updated_at", "1970-01-01 00:00:00"))
                .build()).items()).extracting(MagentoInvoice::orderId).containsExactly(id);
    }

    @Test
    void shipmentsTakeWhatIsLeftToShipAndKeepTheirCommentAndTracks() {
        long id = place(PlacedOrder.guest("e@example.com", BRISBANE, Line.of("SC0011OSFA", 3),
                Line.configurable("BSS-THAW16", "BSS-THAW16-S-BLK", 1)));
        MagentoOrder order = sales.getOrder(id).orElseThrow();
        long scarf = order.topLevelItems().get(0).id();
        long tee = order.topLevelItems().get(1).id();

        long shipmentId = sales.shipOrder(id, List.of(new ShipItem(scarf, new BigDecimal("2"))),
                MagentoShipment.FULFILLMENT_BATCH_PREFIX + " 0123456789abcdef0123456789abcdef",
                List.of(new MagentoShipment.Track("AP123", "Australia Post", "custom")));

        MagentoShipment shipment = sales.shipmentsOf(id).getFirst();
        assertThat(shipment.id()).isEqualTo(shipmentId);
        assertThat(shipment.fulfillmentBatchId()).contains("0123456789abcdef0123456789abcdef");
        assertThat(shipment.tracks()).extracting(MagentoShipment.Track::trackNumber).containsExactly("AP123");
        assertThat(shipment.items()).singleElement().satisfies(item -> assertThat(item.qty()).isEqualByComparingTo("2"));
        assertThat(sales.getOrder(id).orElseThrow().topLevelItems().getFirst().qtyToShip()).isEqualByComparingTo("1");

        assertThatThrownBy(() -> sales.shipOrder(id, List.of(new ShipItem(scarf, new BigDecimal("2"))), null, List.of()))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageContaining("The quantity to ship must not be greater than the unshipped quantity for product SKU \"SC0011OSFA\".");
        assertThatThrownBy(() -> sales.shipOrder(id, List.of(new ShipItem(9999, BigDecimal.ONE)), null, List.of()))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageContaining("that is not part of the original order.");
        assertThat(sales.shipmentsOf(id)).hasSize(1);

        sales.shipOrder(id, List.of(new ShipItem(scarf, BigDecimal.ONE), new ShipItem(tee, BigDecimal.ONE)), null, List.of());
        MagentoOrder shipped = sales.getOrder(id).orElseThrow();
        assertThat(shipped.items()).allSatisfy(item -> assertThat(item.qtyToShip()).isEqualByComparingTo("0"));
        assertThatThrownBy(() -> sales.shipOrder(id, List.of(), null, List.of()))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageContaining("The order does not allow a shipment to be created.");
    }

    @Test
    void failuresAreMagentosAndEveryRequestIsJournaled() {
        long id = place(PlacedOrder.guest("f@example.com", BRISBANE, Line.of("SC0011OSFA", 1)));
        magento.failNext(1, 500);
        assertThatThrownBy(() -> sales.invoiceOrder(id, false, null)).isInstanceOf(MagentoException.Unavailable.class);
        assertThat(sales.invoicesOf(id)).isEmpty();
        assertThat(magento.requests()).extracting(MagentoSimulator.Request::path)
                .contains("/rest/V1/order/" + id + "/invoice");
    }

    private long place(PlacedOrder order) {
        return magento.placeOrder(order).get("entity_id").asLong();
    }
}
