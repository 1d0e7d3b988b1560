package com.skylinksync.customers.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.customers.ServiceHarness;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** RE → Magento under stress, through the real broker: a pod killed mid-batch, per-key order with random latency. */
class CustomerSyncResilienceTest {

    private static final Pattern CUSTOMER_LASTNAME = Pattern.compile("\"lastname\":\"v(\\d+)\"");

    private static ServiceHarness parts;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    @BeforeAll
    static void start() {
        parts = ServiceHarness.start();
    }

    @AfterEach
    void stopServices() {
        services.forEach(ConfigurableApplicationContext::close);
        parts.magentoSimulator.latency(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @Test
    void aPodKilledMidBatchLosesNoCustomerAndANewOneFinishesTheWork() {
        List<Integer> customers = newRetailExpressCustomers("kill", 50);
        parts.magentoSimulator.latency(Duration.ofMillis(80), Duration.ofMillis(120));
        String[] settings = {"--skylink.sync.batch-size=5", "--skylink.sync.concurrency=4",
                "--skylink.sync.shutdown-grace=0ms", "--skylink.customers.push.enabled=false"};
        ConfigurableApplicationContext first = service(settings);
        for (int i = 0; i < 200; i++) {
            parts.publish(parts.changed("kill-" + i, String.valueOf(customers.get(i % customers.size()))));
        }

        await().atMost(ServiceHarness.DEADLINE).until(() -> linkedCount(customers) >= 5);
        // The kill: from this instant the pod can finish nothing (every Magento call fails, as for a pod whose
        // process is gone), then it is closed; what it had in flight is neither done nor committed.
        parts.magentoSimulator.failNext(1_000_000, 503);
        first.close();
        parts.magentoSimulator.failNext(0, 503);
        parts.magentoSimulator.latency(Duration.ZERO);
        int linkedAtKill = linkedCount(customers);
        assertThat(linkedAtKill).as("the pod was stopped before it finished").isLessThan(customers.size());
        System.out.printf("Killed with %d of %d customers linked%n", linkedAtKill, customers.size());

        ConfigurableApplicationContext second = service(settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> linkedCount(customers) == customers.size());
        for (int id : customers) {
            assertThat(parts.onlyLinkedTo(String.valueOf(id)).lastname()).isEqualTo("kill");
        }
        WebTestClient http = WebTestClient.bindToServer().baseUrl(ServiceHarness.baseUrl(second))
                .defaultHeader("Authorization", "Bearer " + com.skylinksync.testkit.SyncServiceHarness.OPERATOR_TOKEN).build();
        for (int id : customers) {
            await().atMost(ServiceHarness.DEADLINE).untilAsserted(() -> http.get().uri("/entities/customer/" + id)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
                    .value(status -> assertThat((String) status).isIn("SYNCED", "UNCHANGED")));
        }
    }

    @Test
    void eachCustomersWritesReachMagentoInEventOrderWhateverTheLatency() {
        int versions = 6;
        List<Integer> customers = newRetailExpressCustomers("v0", 20);
        parts.magentoSimulator.latency(Duration.ZERO, Duration.ofMillis(40));
        service("--skylink.sync.batch-size=3", "--skylink.sync.concurrency=8", "--skylink.customers.push.enabled=false");

        for (int v = 1; v <= versions; v++) {
            for (int id : customers) {
                parts.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(id, null, email(id),
                        new Contact("Vera", "v" + v, "", Address.EMPTY, "", ""), Contact.EMPTY, false));
                parts.publish(parts.changed("order-" + v + "-" + id, String.valueOf(id)));
            }
        }

        Map<Long, Integer> magentoIds = new LinkedHashMap<>();
        for (int id : customers) {
            MagentoCustomer last = await().atMost(ServiceHarness.DEADLINE).until(() -> parts.magento
                    .findCustomersByAttribute("skylink_customer_id", String.valueOf(id)), l -> l.size() == 1
                    && l.getFirst().lastname().equals("v" + versions)).getFirst();
            magentoIds.put(last.id(), id);
        }
        for (long magentoId : magentoIds.keySet()) {
            List<Integer> written = new ArrayList<>();
            for (MagentoSimulator.Request r : parts.magentoSimulator.requests()) {
                boolean write = (r.method().equals("PUT") && r.path().equals("/rest/V1/customers/" + magentoId))
                        || (r.method().equals("POST") && r.path().equals("/rest/V1/customers") && r.status() == 200
                        && r.body().contains(email(magentoIds.get(magentoId))));
                Matcher version = write ? CUSTOMER_LASTNAME.matcher(r.body()) : null;
                if (version != null && version.find()) {
                    written.add(Integer.valueOf(version.group(1)));
                }
            }
            assertThat(written).as("versions written to Magento customer " + magentoId).isNotEmpty().isSorted();
            assertThat(written.getLast()).isEqualTo(versions);
        }
    }

    private ConfigurableApplicationContext service(String... settings) {
        ConfigurableApplicationContext service = parts.startService(settings);
        services.add(service);
        return service;
    }

    private static List<Integer> newRetailExpressCustomers(String lastname, int count) {
        List<Integer> ids = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            int id = parts.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                    "c" + i + "-" + run + "@example.com", new Contact("Vera", lastname, "", Address.EMPTY, "", ""),
                    Contact.EMPTY, false));
            // The email is fixed from here on: the id is part of it, so the journal can name the customer's create.
            parts.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(id, null, email(id),
                    new Contact("Vera", lastname, "", Address.EMPTY, "", ""), Contact.EMPTY, false));
            ids.add(id);
        }
        return ids;
    }

    private static String email(int reId) {
        return "re-" + reId + "@example.com";
    }

    /** Read from the simulator's state, not over its (deliberately slow) REST API. */
    private static int linkedCount(List<Integer> customers) {
        var wanted = customers.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        return (int) parts.magentoSimulator.customers().stream()
                .flatMap(c -> c.path("custom_attributes").valueStream())
                .filter(a -> a.path("attribute_code").asString().equals("skylink_customer_id")
                        && wanted.contains(a.path("value").asString()))
                .count();
    }
}
