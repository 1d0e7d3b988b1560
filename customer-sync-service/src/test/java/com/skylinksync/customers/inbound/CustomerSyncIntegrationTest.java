package com.skylinksync.customers.inbound;

import com.skylinksync.customers.ServiceHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** customer-sync-service against a real broker and both simulators over HTTP/SOAP. */
class CustomerSyncIntegrationTest {

    private static final Duration DEADLINE = ServiceHarness.DEADLINE;

    private static ServiceHarness harness;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        harness = ServiceHarness.start();
        service = harness.startService();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void createsANewCustomerThenLeavesItAloneWhenNothingChanged() {
        var queensland = new Address("Unit 5", "192 Ann St", "Brisbane", "Queensland", "4000", "AU");
        int reId = harness.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw", "new-" + UUID.randomUUID()
                + "@example.com", new Contact("Nina", "Newcomer", "", queensland, "07 3000 0000", ""), Contact.EMPTY, true));
        String changeSet = UUID.randomUUID().toString();

        harness.publish(harness.changed(changeSet, String.valueOf(reId)));

        EntitySynced first = harness.awaitOutcome(changeSet, String.valueOf(reId));
        assertThat(first.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(first.getService()).isEqualTo("customer-sync-service");
        MagentoCustomer created = harness.onlyLinkedTo(String.valueOf(reId));
        assertThat(first.getTargetId()).isEqualTo(String.valueOf(created.id()));
        assertThat(created.firstname()).isEqualTo("Nina");
        assertThat(created.subscribed()).isTrue();
        MagentoAddress billing = created.addresses().getFirst();
        assertThat(billing.street()).containsExactly("Unit 5", "192 Ann St");
        assertThat(billing.postcode()).isEqualTo("4000");
        assertThat(billing.region().regionCode()).isEqualTo("QLD");
        assertThat(billing.region().region()).isEqualTo("Queensland");
        assertThat(billing.countryId()).isEqualTo("AU");
        assertThat(billing.defaultBilling()).isTrue();
        assertThat(billing.defaultShipping()).isTrue();

        String again = UUID.randomUUID().toString();
        harness.publish(harness.changed(again, String.valueOf(reId)));
        assertThat(harness.awaitOutcome(again, String.valueOf(reId)).getOutcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(harness.magento.findCustomersByAttribute("skylink_customer_id", String.valueOf(reId))).hasSize(1);
    }

    @Test
    void adoptsAnUnlinkedMagentoCustomerWithTheSameEmailAndKeepsItsOtherAddresses() {
        var other = new MagentoAddress(null, "Sarah", "Bloggs", "", List.of("1 George Street"), "Sydney",
                null, "2000", "NZ", "02 9999 9999", "", false, false);
        MagentoCustomer existing = harness.magento.createCustomer(new MagentoCustomer(null, "sarah@testing.com", "Sarah",
                "Bloggs", 1, null, List.of(other), Map.of(), false, null));
        String changeSet = UUID.randomUUID().toString();

        harness.publish(harness.changed(changeSet, "300001"));

        assertThat(harness.awaitOutcome(changeSet, "300001").getOutcome()).isEqualTo(Outcome.SYNCED);
        MagentoCustomer adopted = harness.onlyLinkedTo("300001");
        assertThat(adopted.id()).isEqualTo(existing.id());
        assertThat(adopted.addresses()).extracting(MagentoAddress::city).contains("Sydney");
        assertThat(harness.magento.findCustomersByEmail("sarah@testing.com")).hasSize(1);
    }

    @Test
    void deadLettersACustomerRetailExpressDoesNotKnowWhileOthersFlow() {
        String changeSet = UUID.randomUUID().toString();
        harness.publish(harness.changed(changeSet, "999999"));
        harness.publish(harness.changed(changeSet, "300000"));

        EntitySynced unknown = harness.awaitOutcome(changeSet, "999999");
        assertThat(unknown.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(unknown.getErrorCode()).isEqualTo("NOT_FOUND_IN_RETAIL_EXPRESS");
        assertThat(unknown.getErrorMessage()).contains("999999");
        assertThat(harness.awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        await().atMost(DEADLINE).until(() -> deadLetterKeys().contains("999999"));
    }

    @Test
    void retriesThroughMagentoOutagesAndSyncs() {
        String reId = String.valueOf(harness.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                "outage-" + UUID.randomUUID() + "@example.com", new Contact("Otto", "Outage", "", Address.EMPTY, "", ""),
                Contact.EMPTY, false)));
        String changeSet = UUID.randomUUID().toString();
        harness.magentoSimulator.failNext(3, 503);

        harness.publish(harness.changed(changeSet, reId));

        EntitySynced outcome = harness.awaitOutcome(changeSet, reId);
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(harness.onlyLinkedTo(reId).lastname()).isEqualTo("Outage");
        assertThat(outcome.getAttempts()).isGreaterThan(1);
        assertThat(harness.magentoSimulator.requests()).extracting(MagentoSimulator.Request::status).contains(503);
    }

    @Test
    void deadLettersAnUnreadableEventWithoutStoppingTheTopic() {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMERS, "poison", "not avro".getBytes())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String changeSet = UUID.randomUUID().toString();
        harness.publish(harness.changed(changeSet, "300000"));

        assertThat(harness.awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        await().atMost(DEADLINE).until(() -> deadLetterKeys().contains("poison"));
    }

    @Test
    void putsACustomerInTheCustomerGroupOfItsStandardPriceGroupCreatingTheGroupFirst() {
        String changeSet = UUID.randomUUID().toString();
        harness.publish(harness.changed(changeSet, "300000"));

        assertThat(harness.awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        MagentoCustomer joey = harness.onlyLinkedTo("300000");
        var group = harness.magentoSimulator.customerGroups().stream()
                .filter(g -> g.get("id").asInt() == joey.groupId()).findFirst().orElseThrow();
        assertThat(group.get("code").asString()).endsWith(" (Standard)");
        assertThat(group.get("tax_class_id").asInt()).isEqualTo(3);
    }

    @Test
    void syncsPriceGroupEventsToCustomerGroups() {
        String changeSet = UUID.randomUUID().toString();
        harness.publish(Topics.PRICE_GROUPS, harness.changed(changeSet, "fixed:1", EntityType.PRICE_GROUP));

        EntitySynced outcome = harness.awaitOutcome(changeSet, "fixed:1");
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(harness.magentoSimulator.customerGroups()).anySatisfy(g -> {
            assertThat(g.get("id").asString()).isEqualTo(outcome.getTargetId());
            assertThat(g.get("code").asString()).endsWith(" (Fixed)");
        });
    }

    @Test
    void aBarePriceGroupIdAsEdsSendsItSyncsThePriceGroupsOfBothTypesWithThatId() {
        String changeSet = UUID.randomUUID().toString();
        harness.publish(Topics.PRICE_GROUPS, harness.changed(changeSet, "2", EntityType.PRICE_GROUP));

        assertThat(harness.awaitOutcome(changeSet, "2").getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(harness.magentoSimulator.customerGroups()).extracting(g -> g.get("code").asString())
                .contains("Bronze (Standard)", "Staff (Fixed)");
    }

    @Test
    void coalescesAHundredEventsForOneCustomerAndLosesNoneThatLandsMidSync() {
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        int reId = harness.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                email, new Contact("Bea", "Before", "", Address.EMPTY, "", ""),
                Contact.EMPTY, false));
        String id = String.valueOf(reId);
        // The burst is sent at once, as EDS repeats arrive, so it is waiting in the topic when the consumer polls.
        List<EntityChanged> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(harness.changed("burst-" + i + "-" + id, id));
        }
        harness.publishBurst(burst);
        // RE changes the customer and says so once more, while the burst is being worked through.
        harness.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(reId, null, email,
                new Contact("Bea", "After", "", Address.EMPTY, "", ""), Contact.EMPTY, false));
        harness.publish(harness.changed("final-" + id, id));

        harness.awaitOutcome("final-" + id, id);
        await().atMost(DEADLINE).until(() -> harness.onlyLinkedTo(id).lastname().equals("After"));
        long fetches = harness.retailExpress.calls().stream()
                .filter(c -> c.operation().equals("GetCustomers") && c.ids().contains(id)).count();
        assertThat(fetches).as("GetCustomers calls for 101 events").isLessThan(30);
        for (int i = 0; i < 100; i++) {
            assertThat(harness.awaitOutcome("burst-" + i + "-" + id, id).getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        }
    }

    @Test
    void answersEntityStatusesIncludingNeverSyncedAndRefusesBadQueries() {
        String changeSet = UUID.randomUUID().toString();
        harness.publish(harness.changed(changeSet, "888888"));
        harness.awaitOutcome(changeSet, "888888");
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:"
                + ((WebServerApplicationContext) service).getWebServer().getPort())
                .defaultHeader("Authorization", "Bearer " + com.skylinksync.testkit.SyncServiceHarness.OPERATOR_TOKEN).build();

        http.get().uri("/entities/customer/888888").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$.lastError").value(e -> assertThat((String) e).contains("NOT_FOUND_IN_RETAIL_EXPRESS"))
                .jsonPath("$.lastChangeSet").isEqualTo(changeSet);
        http.get().uri("/entities/customer/424242").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("NEVER_SYNCED");
        http.get().uri("/entities?status=DEAD_LETTERED&size=500").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].entityId").value(ids -> assertThat((List<Object>) ids).contains((Object) "888888"));
        http.get().uri("/entities?status=BOGUS").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("BOGUS"));
        http.get().uri("/entities?status=FAILED&size=0").exchange().expectStatus().isBadRequest();
    }

    /** Reads the whole dead-letter topic by assignment (no consumer-group join), from the beginning. */
    private static List<String> deadLetterKeys() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topics.deadLetters(Topics.CUSTOMERS);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
