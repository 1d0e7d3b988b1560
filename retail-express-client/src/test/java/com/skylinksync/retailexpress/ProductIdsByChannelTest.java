package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetProductIdsByChannel over real SOAP against the simulator, with and without a generated catalogue. */
class ProductIdsByChannelTest {

    @Test
    void channelOneListsTheNineteenFixtureProducts() {
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0))) {
            RetailExpressCatalogue client = new RetailExpressCatalogue(transportOf(simulator));

            List<Integer> ids = client.getProductIdsByChannel(1);

            assertThat(ids).hasSize(19).doesNotHaveDuplicates()
                    .contains(124005, 124006, 124007, 124008, 124009, 124010, 124011, 124012);
            assertThat(client.getProductIdsByChannel(2)).isNotEmpty().doesNotContain(124006);
            assertThat(client.getProductIdsByChannel(99)).isEmpty();
            assertThat(simulator.calls()).extracting(RetailExpressSimulator.Call::operation)
                    .containsOnly("GetProductIdsByChannel").hasSize(3);
        }
    }

    @Test
    void aGeneratedCatalogueAddsItsProductsToChannelOne() {
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0), new CatalogueSpec(7, 5_000, 0, 0))) {
            List<Integer> ids = new RetailExpressCatalogue(transportOf(simulator)).getProductIdsByChannel(1);

            assertThat(ids).hasSize(19 + 5_000).doesNotHaveDuplicates().contains(124006, 1_000_000, 1_004_999);
        }
    }

    static RetailExpressTransport transportOf(RetailExpressSimulator simulator) {
        return new RetailExpressTransport(new RetailExpressSettings(simulator.soapEndpoint(), simulator.clientId(),
                simulator.username(), simulator.password(), Duration.ofSeconds(2), Duration.ofSeconds(30), false));
    }
}
