package com.skylinksync.magento.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Customer groups against the simulator over real HTTP. */
class MagentoCustomerGroupsTest {

    private MagentoSimulator magento;
    private MagentoCustomers client;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        client = new MagentoCustomers(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5))));
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

    @Test
    void aTaxClassThatIsNotACustomerClassIsRejectedWithItsValue() {
        assertThatThrownBy(() -> client.createCustomerGroup(new MagentoCustomerGroup(null, "Goods", 2)))
                .isInstanceOfSatisfying(MagentoException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("Invalid value of \"2\" provided for the taxClassId field.");
        assertThatThrownBy(() -> client.updateCustomerGroup(new MagentoCustomerGroup(404, "Nobody", 3)))
                .isInstanceOfSatisfying(MagentoException.Rejected.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageStartingWith("No such entity with id = 404");
    }

    @Test
    void writersCreatingOneCodeAtOnceAllGetTheOneGroupMagentoKept() throws Exception {
        // Each request takes 300 ms, so every writer's search finds nothing before any create lands: a real race.
        magento.latency(Duration.ofMillis(300));
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<MagentoCustomerGroup>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client.findOrCreateCustomerGroup("Staff (Fixed)", 3);
                }));
            }
            start.countDown();
            List<MagentoCustomerGroup> groups = new ArrayList<>();
            for (Future<MagentoCustomerGroup> result : results) {
                groups.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(groups).hasSize(writers).allSatisfy(group -> assertThat(group).isEqualTo(groups.getFirst()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(magento.customerGroups()).filteredOn(g -> g.get("code").asString().equals("Staff (Fixed)")).hasSize(1);
        assertThat(magento.requests()).as("Magento refused at least one writer's create as taken")
                .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/customerGroups") && r.status() == 400);
    }

    @Test
    void aRefusalOtherThanATakenCodeStillFails() {
        assertThatThrownBy(() -> client.findOrCreateCustomerGroup("Goods", 2))
                .isInstanceOfSatisfying(MagentoException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("taxClassId");
        assertThat(client.findOrCreateCustomerGroup("General", 3).id()).isEqualTo(1);
    }
}
