package com.skylinksync.fulfillment;

import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The runtime's test kit (broker, PostgreSQL, both simulators, the service started as in production) with what order
 * tests add: a store with products linked to the RE simulator's fixtures, clients to both simulators, shortcuts.
 */
final class OrderLoopHarness implements AutoCloseable {

    static final Duration DEADLINE = SyncServiceHarness.DEADLINE;
    static final String LINK_PREFIX = "SkyLink Order ID: #";
    static final PlacedOrder.Address BRISBANE = new PlacedOrder.Address("Joey", "Bloggs", "Sample Company",
            List.of("Unit 5", "192 Ann St"), "Brisbane", "Queensland", "QLD", "4000", "AU", "(07) 1111 1111");
    /** The settings every test instance runs with: fast polls from the beginning of time, guest and payment mapped. */
    static final String[] SETTINGS = {"--skylink.orders.poll.interval=150ms", "--skylink.orders.poll.lease=10s",
            "--skylink.orders.poll.start-from=1970-01-01 00:00:00", "--skylink.orders.guest-customer-id=300001",
            "--skylink.orders.payment-methods.checkmo=1", "--skylink.orders.payment-methods.paypal_express=6",
            "--skylink.sync.retry-initial=100ms", "--skylink.sync.retry-max=500ms"};

    final SyncServiceHarness kit;
    final MagentoSimulator magentoSimulator;
    final RetailExpressSimulator retailExpressSimulator;
    final MagentoSales magento;
    final MagentoCustomers customers;
    final RetailExpressSales retailExpress;

    private OrderLoopHarness(SyncServiceHarness kit) {
        this.kit = kit;
        magentoSimulator = kit.magento();
        retailExpressSimulator = kit.retailExpress();
        var transport = new MagentoTransport(WebClient.builder(), new MagentoSettings(magentoSimulator.restBase(),
                magentoSimulator.accessToken(), Duration.ofSeconds(10)));
        magento = new MagentoSales(transport);
        customers = new MagentoCustomers(transport);
        retailExpress = new RetailExpressSales(new RetailExpressTransport(new RetailExpressSettings(
                retailExpressSimulator.soapEndpoint(), retailExpressSimulator.clientId(),
                retailExpressSimulator.username(), retailExpressSimulator.password(), null, null, false)));
        // The store's products, linked to the RE simulator's fixtures as the catalogue sync would have them.
        magentoSimulator.addProduct("HB0011OSFA", "Beanie", new BigDecimal("19.95"), new BigDecimal("0.1"), 124005);
        magentoSimulator.addProduct("SC0011OSFA", "Scarf", new BigDecimal("29.95"), new BigDecimal("0.1"), 124006);
        magentoSimulator.addProduct("BSS-THAW16-S-BLK", "Thaw Tee S Black", new BigDecimal("49.95"), new BigDecimal("0.1"), 124007);
        magentoSimulator.addProduct("BSS-THAW16-M-BLK", "Thaw Tee M Black", new BigDecimal("49.95"), new BigDecimal("0.1"), 124008);
        magentoSimulator.addConfigurable("BSS-THAW16", "Thaw Tee", List.of("BSS-THAW16-S-BLK", "BSS-THAW16-M-BLK"));
        magentoSimulator.addProduct("UNLINKED", "Not in RE", new BigDecimal("5.00"), new BigDecimal("0.1"), null);
        magentoSimulator.addBundle("GIFT-SET", "Gift set", new BigDecimal("45.00"), List.of("HB0011OSFA", "SC0011OSFA"));
    }

    static OrderLoopHarness start() {
        return new OrderLoopHarness(SyncServiceHarness.forService(FulfillmentSyncApplication::builder)
                .withRetailExpress().withMagento().start());
    }

    RunningService startService(String... more) {
        String[] all = new String[SETTINGS.length + more.length];
        System.arraycopy(SETTINGS, 0, all, 0, SETTINGS.length);
        System.arraycopy(more, 0, all, SETTINGS.length, more.length);
        return kit.startService(all);
    }

    /** As {@link #startService} without the one of {@link #SETTINGS} that sets {@code property}. */
    RunningService startServiceWithout(String property, String... more) {
        String[] kept = java.util.Arrays.stream(SETTINGS).filter(s -> !s.startsWith("--" + property + "=")).toArray(String[]::new);
        String[] all = new String[kept.length + more.length];
        System.arraycopy(kept, 0, all, 0, kept.length);
        System.arraycopy(more, 0, all, kept.length, more.length);
        return kit.startService(all);
    }

    /** A registered Magento customer linked to RE customer 300000. */
    MagentoCustomer registeredCustomer() {
        return customers.createCustomer(new MagentoCustomer(null, "joey-" + UUID.randomUUID() + "@testing.com", "Joey",
                "Bloggs", 1, null, List.of(), Map.of("skylink_customer_id", "300000"), false, null));
    }

    long place(PlacedOrder order) {
        return magentoSimulator.placeOrder(order).get("entity_id").asLong();
    }

    /** Waits for the order's RE id to be written back to Magento; returns it. */
    String awaitRetailExpressId(long magentoOrderId) {
        MagentoOrder linked = await().atMost(DEADLINE).until(() -> magento.getOrder(magentoOrderId).orElseThrow(),
                order -> order.commentValue(LINK_PREFIX).isPresent());
        return linked.commentValue(LINK_PREFIX).orElseThrow();
    }

    /** The OrderXML RE received for this RE order, as element name → text of the order and of each item. */
    OrderDocument orderDocument(String reOrderId) {
        return OrderDocument.parse(retailExpressSimulator.orderDocuments().stream()
                .filter(d -> reOrderId.equals(d.orderId())).findFirst().orElseThrow().xml());
    }

    /** A Retail Express customer client on the RE simulator. */
    com.skylinksync.retailexpress.RetailExpressCustomers customerClient() {
        return new com.skylinksync.retailexpress.RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                retailExpressSimulator.soapEndpoint(), retailExpressSimulator.clientId(),
                retailExpressSimulator.username(), retailExpressSimulator.password(), null, null, false)));
    }

    /** How many OrderCreateByChannel documents RE received. */
    long orderDocuments() {
        return retailExpressSimulator.orderDocuments().size();
    }

    /** How many OrderAddPayment documents RE received for this RE order. */
    long paymentDocuments(String reOrderId) {
        return retailExpressSimulator.paymentDocuments().stream()
                .filter(d -> d.xml().contains("<OrderId>" + reOrderId + "</OrderId>")).count();
    }

    /** The {@code column} of the one row of {@code table} (in the service's schema) matching {@code where}. */
    String ledgerValue(String table, String column, String where) {
        try (var connection = java.sql.DriverManager.getConnection(kit.postgres().jdbcUrl(), "postgres", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT " + column + " FROM " + kit.schema() + "." + table
                     + " WHERE " + where)) {
            if (!rows.next()) {
                throw new AssertionError("no " + table + " row where " + where);
            }
            String value = rows.getString(1);
            if (rows.next()) {
                throw new AssertionError("more than one " + table + " row where " + where);
            }
            return value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kit.close();
    }

    record OrderDocument(Map<String, String> order, List<Map<String, String>> items) {

        static OrderDocument parse(String xml) {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
                Element order = (Element) root.getElementsByTagName("Order").item(0);
                Map<String, String> fields = new LinkedHashMap<>();
                List<Map<String, String>> items = new java.util.ArrayList<>();
                for (Node n = order.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getNodeName().equals("OrderItems")) {
                        for (Node i = e.getFirstChild(); i != null; i = i.getNextSibling()) {
                            if (i instanceof Element item) {
                                Map<String, String> line = new LinkedHashMap<>();
                                for (Node f = item.getFirstChild(); f != null; f = f.getNextSibling()) {
                                    if (f instanceof Element field) {
                                        line.put(field.getNodeName(), field.getTextContent());
                                    }
                                }
                                items.add(line);
                            }
                        }
                    } else if (n instanceof Element e) {
                        fields.put(e.getNodeName(), e.getTextContent());
                    }
                }
                return new OrderDocument(fields, items);
            } catch (Exception e) {
                throw new AssertionError("Unreadable OrderXML: " + xml, e);
            }
        }
    }
}
