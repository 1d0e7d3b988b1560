package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Customer groups against the simulator over real HTTP. */
class MagentoCustomerGroupTest {

    private MagentoSimulator magento;
    private MagentoClient client;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        client = new MagentoClient(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void createsFindsReadsAndUpdatesAGroup() {
        MagentoCustomerGroup created = client.createCustomerGroup(new MagentoCustomerGroup(null, "Trade (Standard)", 3));
        assertThat(created.id()).isEqualTo(4); // after the four groups of a fresh install

        assertThat(client.findCustomerGroupsByCode("trade (standard)")).containsExactly(created);
        assertThat(client.getCustomerGroup(created.id())).contains(created);
        assertThat(client.getCustomerGroup(999)).isEmpty();

        int wholesaleClass = magento.addCustomerTaxClass("Wholesale Customer");
        MagentoCustomerGroup renamed = client.updateCustomerGroup(new MagentoCustomerGroup(created.id(), "Trade Plus (Standard)", wholesaleClass));
        assertThat(renamed).isEqualTo(new MagentoCustomerGroup(created.id(), "Trade Plus (Standard)", wholesaleClass));
        assertThat(client.findCustomerGroupsByCode("Trade (Standard)")).isEmpty();
    }

    @Test
    void magentoRefusesATakenCodeAndCutsOneLongerThan32Characters() {
        assertThatThrownBy(() -> client.createCustomerGroup(new MagentoCustomerGroup(null, "general", 3)))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("already exists");
        assertThat(client.createCustomerGroup(new MagentoCustomerGroup(null, "x".repeat(33), 3)).code()).isEqualTo("x".repeat(32));
    }
}
