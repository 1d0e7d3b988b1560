package com.skylinksync.sandbox.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sales routes on the wire: ACL, Magento's messages, the order's state and totals as documents are made. */
class MagentoSalesTest {

    private static final PlacedOrder.Address ADDRESS = new PlacedOrder.Address("Bo", "Buyer", "Acme",
            List.of("1 George St"), "Sydney", "New South Wales", "NSW", "2000", "AU", "02 9000 0000");

    private MagentoSimulator magento;
    private RestTestClient rest;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        rest = new RestTestClient(magento);
        magento.addProduct("A", "Part A", new BigDecimal("11.00"), new BigDecimal("0.1"), 1);
        magento.addProduct("B", "Part B", new BigDecimal("22.00"), new BigDecimal("0.1"), 2);
        magento.addBundle("AB", "A and B", new BigDecimal("30.00"), List.of("A", "B"));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void salesRoutesNeedTheirAclResources() throws Exception {
        var orders = rest.send("GET", "/V1/orders?searchCriteria[pageSize]=1", null, null);
        assertThat(orders.status()).isEqualTo(401);
        assertThat(orders.body().get("parameters").get("resources").asString()).isEqualTo("Magento_Sales::actions_view");
        var ship = rest.send("POST", "/V1/order/1/ship", "{}", null);
        assertThat(ship.body().get("parameters").get("resources").asString()).isEqualTo("Magento_Sales::ship");
        var invoices = rest.send("GET", "/V1/invoices", null);
        assertThat(invoices.status()).isEqualTo(400);
        assertThat(invoices.message()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
    }

    @Test
    void aBundleIsOneParentWithItsPartsAndAClickAndCollectOrderKeepsItsMethod() throws Exception {
        JsonNode placed = magento.placeOrder(PlacedOrder.guest("bo@example.com", ADDRESS,
                        new PlacedOrder.Line("AB", List.of("A", "B"), 1, BigDecimal.ZERO))
                .withShipping("skylinkpickup_outlet_2", "Click & Collect - Blue Outlet", BigDecimal.ZERO));
        JsonNode order = rest.ok(rest.send("GET", "/V1/orders/" + placed.get("entity_id").asLong(), null));
        assertThat(order.get("shipping_method").asString()).isEqualTo("skylinkpickup_outlet_2");
        assertThat(order.get("items")).hasSize(3);
        long parent = order.get("items").get(0).get("item_id").asLong();
        assertThat(order.get("items").get(1).get("parent_item_id").asLong()).isEqualTo(parent);
        assertThat(order.get("items").get(2).get("parent_item_id").asLong()).isEqualTo(parent);
        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void aShopperPlacesAnOrderOverTheSandboxApi() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String body = """
                {"email":"web@example.com","billing":{"firstname":"Bo","lastname":"Buyer","street":["1 George St"],
                 "city":"Sydney","regionCode":"NSW","postcode":"2000","countryId":"AU"},
                 "lines":[{"sku":"A","qty":2}],"shippingMethod":"flatrate_flatrate","shippingDescription":"Flat Rate - Fixed",
                 "shippingInclTax":5,"paymentMethod":"checkmo"}""";
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + magento.restBase().getPort() + "/sandbox/orders"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(magento.orders()).singleElement().satisfies(order -> {
            assertThat(order.get("customer_is_guest").asInt()).isEqualTo(1);
            assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("27.00");
        });
        var unknownSku = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + magento.restBase().getPort() + "/sandbox/orders"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.replace("\"A\"", "\"NOPE\""))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknownSku.statusCode()).isEqualTo(404);
    }

    @Test
    void invoicingAndShippingEverythingCompletesTheOrder() throws Exception {
        long id = magento.placeOrder(PlacedOrder.guest("bo@example.com", ADDRESS, PlacedOrder.Line.of("A", 2)))
                .get("entity_id").asLong();
        assertThat(rest.ok(rest.send("POST", "/V1/order/" + id + "/ship", "{\"items\":[]}")).asLong()).isEqualTo(1);
        assertThat(rest.ok(rest.send("GET", "/V1/orders/" + id, null)).get("state").asString()).isEqualTo("processing");
        assertThat(rest.ok(rest.send("POST", "/V1/order/" + id + "/invoice", "{\"capture\":true}")).asLong()).isEqualTo(1);
        JsonNode complete = rest.ok(rest.send("GET", "/V1/orders/" + id, null));
        assertThat(complete.get("state").asString()).isEqualTo("complete");
        var again = rest.send("POST", "/V1/order/" + id + "/invoice", "{}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo(
                "Invoice Document Validation Error(s):\nAn invoice cannot be created when an order has a status of complete");
        var unknown = rest.send("POST", "/V1/order/77/invoice", "{}");
        assertThat(unknown.status()).isEqualTo(404);
    }
}
