package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /sandbox/products/{id}}: a product changed (or added) as in RE's back office, and its EDS change set. */
class ProductChangesTest {

    private RetailExpressSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void changesFieldsAndChannelsAndAnnouncesTheProduct() throws Exception {
        HttpResponse<String> answer = post("/sandbox/products/124005", "{\"DefaultPrice\":\"24.95\",\"Channels\":[1]}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"type\":\"Product\"", "\"124005\"");
        assertThat(simulator.changeSets()).singleElement().satisfies(set -> {
            assertThat(set.type()).isEqualTo("Product");
            assertThat(set.ids()).containsExactly("124005");
        });
        var again = simulator.changeProduct(124005, java.util.Map.of("StockAvailable", "3"), null);
        assertThat(again.ids()).containsExactly("124005");
        assertThat(post("/sandbox/products/not-a-number", "{\"DefaultPrice\":\"1\"}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/products/999999", "{\"DefaultPrice\":\"1\"}").body()).contains("needs at least its SKU");
    }

    @Test
    void aChannelShowsItsOwnNameAndPriceWhileTheOtherKeepsTheProducts() throws Exception {
        HttpResponse<String> answer = post("/sandbox/products/124005",
                "{\"OnChannel\":{\"2\":{\"DefaultPrice\":\"21.95\",\"Description\":\"Beanie (outlet)\"}}}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(simulator.changeSets()).singleElement().satisfies(set -> assertThat(set.ids()).containsExactly("124005"));
        try (SoapTestClient soap = new SoapTestClient(simulator)) {
            assertThat(shown(soap, 1)).containsEntry("DefaultPrice", "19.95").containsEntry("Description", "Beanie");
            assertThat(shown(soap, 2)).containsEntry("DefaultPrice", "21.95").containsEntry("Description", "Beanie (outlet)");
            simulator.changeProductOnChannel(124005, 2, java.util.Map.of("DefaultPrice", ""));
            assertThat(shown(soap, 2)).containsEntry("DefaultPrice", "19.95").containsEntry("Description", "Beanie (outlet)");
        }
        assertThat(post("/sandbox/products/124005", "{\"OnChannel\":{\"two\":{\"DefaultPrice\":\"1\"}}}").statusCode())
                .isEqualTo(400);
    }

    private static java.util.Map<String, String> shown(SoapTestClient soap, int channel) throws Exception {
        org.w3c.dom.Element product = SoapTestClient.elements(soap.call("<re:GetProductsByChannel><re:ProductIds><re:int>124005"
                + "</re:int></re:ProductIds><re:ChannelId>" + channel + "</re:ChannelId></re:GetProductsByChannel>"), "Product").getFirst();
        return java.util.Map.of("DefaultPrice", SoapTestClient.text(product, "DefaultPrice"),
                "Description", SoapTestClient.text(product, "Description"));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.soapEndpoint().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
