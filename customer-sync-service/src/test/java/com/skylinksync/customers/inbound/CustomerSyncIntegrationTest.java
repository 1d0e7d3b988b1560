package com.skylinksync.customers.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.customers.CustomerSyncApplication;
import com.skylinksync.magento.MagentoAddress;
import com.skylinksync.magento.MagentoClient;
import com.skylinksync.magento.MagentoCustomer;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.retailexpress.RetailExpressClient;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.web.reactive.function.client.WebClient;

/** customer-sync-service against a real broker and both simulators over HTTP/SOAP. */
class CustomerSyncIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static RetailExpressSimulator retailExpress;
    private static MagentoSimulator magentoSimulator;
    private static MagentoClient magento;
    private static RetailExpressClient retailExpressClient;
    private static ConfigurableApplicationContext service;
    private static KafkaConsumer<String, SpecificRecord> completions;
    private static KafkaProducer<String, SpecificRecord> producer;
    private static final List<EntitySynced> outcomes = new ArrayList<>();

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start(3);
        postgres = PostgresServer.start(0, null);
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        // These tests are about syncing, not RE's budget (ApiBudgetClusterTest is): seeding alone would be throttled.
        retailExpress.budget(SimulatedBudget.unlimited());
        magentoSimulator = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        magento = new MagentoClient(WebClient.builder(),
                new MagentoSettings(magentoSimulator.restBase(), magentoSimulator.accessToken(), Duration.ofSeconds(5)));
        retailExpressClient = new RetailExpressClient(new RetailExpressSettings(retailExpress.soapEndpoint(),
                retailExpress.clientId(), retailExpress.username(), retailExpress.password(), null, null, false));
        service = CustomerSyncApplication.builder().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.r2dbc.url=" + postgres.r2dbcUrl("customer_sync"),
                "--spring.r2dbc.username=" + PostgresServer.USER,
                "--spring.r2dbc.password=postgres",
                "--spring.flyway.url=" + postgres.jdbcUrl(),
                "--skylink.sync.topic-partitions=3",
                "--skylink.sync.retry-initial=50ms",
                "--skylink.sync.retry-max=200ms",
                "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                "--skylink.retail-express.username=" + retailExpress.username(),
                "--skylink.retail-express.password=" + retailExpress.password(),
                "--skylink.magento.base-url=" + magentoSimulator.restBase(),
                "--skylink.magento.access-token=" + magentoSimulator.accessToken());
        var properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-completions",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        completions = new KafkaConsumer<>(properties, new StringDeserializer(), new AvroEventDeserializer());
        completions.subscribe(List.of(Topics.COMPLETIONS));
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new AvroEventSerializer());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {producer, completions, service, magentoSimulator, retailExpress, kafka, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void createsANewCustomerThenLeavesItAloneWhenNothingChanged() {
        var queensland = new Address("Unit 5", "192 Ann St", "Brisbane", "Queensland", "4000", "AU");
        int reId = retailExpressClient.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw", "new-" + UUID.randomUUID()
                + "@example.com", new Contact("Nina", "Newcomer", "", queensland, "07 3000 0000", ""), Contact.EMPTY, true));
        String changeSet = UUID.randomUUID().toString();

        publish(changed(changeSet, String.valueOf(reId)));

        EntitySynced first = awaitOutcome(changeSet, String.valueOf(reId));
        assertThat(first.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(first.getService()).isEqualTo("customer-sync-service");
        MagentoCustomer created = onlyLinkedTo(String.valueOf(reId));
        assertThat(first.getMagentoId()).isEqualTo(String.valueOf(created.id()));
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
        publish(changed(again, String.valueOf(reId)));
        assertThat(awaitOutcome(again, String.valueOf(reId)).getOutcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(magento.findCustomersByAttribute("skylink_customer_id", String.valueOf(reId))).hasSize(1);
    }

    @Test
    void adoptsAnUnlinkedMagentoCustomerWithTheSameEmailAndKeepsItsOtherAddresses() {
        var other = new MagentoAddress(null, "Sarah", "Bloggs", "", List.of("1 George Street"), "Sydney",
                null, "2000", "NZ", "02 9999 9999", "", false, false);
        MagentoCustomer existing = magento.createCustomer(new MagentoCustomer(null, "sarah@testing.com", "Sarah",
                "Bloggs", 1, null, List.of(other), Map.of(), false, null));
        String changeSet = UUID.randomUUID().toString();

        publish(changed(changeSet, "300001"));

        assertThat(awaitOutcome(changeSet, "300001").getOutcome()).isEqualTo(Outcome.SYNCED);
        MagentoCustomer adopted = onlyLinkedTo("300001");
        assertThat(adopted.id()).isEqualTo(existing.id());
        assertThat(adopted.addresses()).extracting(MagentoAddress::city).contains("Sydney");
        assertThat(magento.findCustomersByEmail("sarah@testing.com")).hasSize(1);
    }

    @Test
    void deadLettersACustomerRetailExpressDoesNotKnowWhileOthersFlow() {
        String changeSet = UUID.randomUUID().toString();
        publish(changed(changeSet, "999999"));
        publish(changed(changeSet, "300000"));

        EntitySynced unknown = awaitOutcome(changeSet, "999999");
        assertThat(unknown.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(unknown.getErrorCode()).isEqualTo("NOT_FOUND_IN_RETAIL_EXPRESS");
        assertThat(unknown.getErrorMessage()).contains("999999");
        assertThat(awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        await().atMost(DEADLINE).until(() -> deadLetterKeys().contains("999999"));
    }

    @Test
    void retriesThroughMagentoOutagesAndSyncs() {
        String reId = String.valueOf(retailExpressClient.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                "outage-" + UUID.randomUUID() + "@example.com", new Contact("Otto", "Outage", "", Address.EMPTY, "", ""),
                Contact.EMPTY, false)));
        String changeSet = UUID.randomUUID().toString();
        magentoSimulator.failNext(3, 503);

        publish(changed(changeSet, reId));

        EntitySynced outcome = await().atMost(DEADLINE).until(() -> outcomes(changeSet, reId).stream()
                .filter(o -> o.getOutcome() != Outcome.FAILED).findFirst().orElse(null), o -> o != null);
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(onlyLinkedTo(reId).lastname()).isEqualTo("Outage");
        assertThat(outcome.getAttempts()).isGreaterThan(1);
        assertThat(magentoSimulator.requests()).extracting(MagentoSimulator.Request::status).contains(503);
    }

    @Test
    void deadLettersAnUnreadableEventWithoutStoppingTheTopic() {
        try (var producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMERS, "poison", "not avro".getBytes())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String changeSet = UUID.randomUUID().toString();
        publish(changed(changeSet, "300000"));

        assertThat(awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        await().atMost(DEADLINE).until(() -> deadLetterKeys().contains("poison"));
    }

    @Test
    void putsACustomerInTheCustomerGroupOfItsStandardPriceGroupCreatingTheGroupFirst() {
        String changeSet = UUID.randomUUID().toString();
        publish(changed(changeSet, "300000"));

        assertThat(awaitOutcome(changeSet, "300000").getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        MagentoCustomer joey = onlyLinkedTo("300000");
        var group = magentoSimulator.customerGroups().stream()
                .filter(g -> g.get("id").asInt() == joey.groupId()).findFirst().orElseThrow();
        assertThat(group.get("code").asString()).endsWith(" (Standard)");
        assertThat(group.get("tax_class_id").asInt()).isEqualTo(3);
    }

    @Test
    void syncsPriceGroupEventsToCustomerGroups() {
        String changeSet = UUID.randomUUID().toString();
        publish(Topics.PRICE_GROUPS, changed(changeSet, "fixed:1", EntityType.PRICE_GROUP));

        EntitySynced outcome = awaitOutcome(changeSet, "fixed:1");
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(magentoSimulator.customerGroups()).anySatisfy(g -> {
            assertThat(g.get("id").asString()).isEqualTo(outcome.getMagentoId());
            assertThat(g.get("code").asString()).endsWith(" (Fixed)");
        });
    }

    @Test
    void coalescesAHundredEventsForOneCustomerAndLosesNoneThatLandsMidSync() {
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        int reId = retailExpressClient.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                email, new Contact("Bea", "Before", "", Address.EMPTY, "", ""),
                Contact.EMPTY, false));
        String id = String.valueOf(reId);
        // The burst is sent at once, as EDS repeats arrive, so it is waiting in the topic when the consumer polls.
        List<EntityChanged> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(changed("burst-" + i + "-" + id, id));
        }
        publishAll(burst);
        // RE changes the customer and says so once more, while the burst is being worked through.
        retailExpressClient.createOrUpdateCustomer(new CustomerUpdate(reId, null, email,
                new Contact("Bea", "After", "", Address.EMPTY, "", ""), Contact.EMPTY, false));
        publish(changed("final-" + id, id));

        awaitOutcome("final-" + id, id);
        await().atMost(DEADLINE).until(() -> onlyLinkedTo(id).lastname().equals("After"));
        long fetches = retailExpress.calls().stream()
                .filter(c -> c.operation().equals("GetCustomers") && c.ids().contains(id)).count();
        assertThat(fetches).as("GetCustomers calls for 101 events").isLessThan(30);
        for (int i = 0; i < 100; i++) {
            assertThat(awaitOutcome("burst-" + i + "-" + id, id).getOutcome()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        }
    }

    @Test
    void answersEntityStatusesIncludingNeverSyncedAndRefusesBadQueries() {
        String changeSet = UUID.randomUUID().toString();
        publish(changed(changeSet, "888888"));
        awaitOutcome(changeSet, "888888");
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:"
                + ((WebServerApplicationContext) service).getWebServer().getPort()).build();

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

    private static EntityChanged changed(String changeSet, String customerId) {
        return changed(changeSet, customerId, EntityType.CUSTOMER);
    }

    private static EntityChanged changed(String changeSet, String customerId, EntityType type) {
        return EntityChanged.newBuilder().setChangeSetId(changeSet).setOrigin(Origin.EDS)
                .setClientId(retailExpress.clientId().toString()).setSalesChannelId(1)
                .setEntityType(type).setEntityId(customerId).setAttributeCode(null)
                .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build();
    }

    private static void publish(EntityChanged event) {
        publish(Topics.CUSTOMERS, event);
    }

    private static void publish(String topic, EntityChanged event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.getEntityId(), event)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void publishAll(List<EntityChanged> events) {
        var sent = events.stream()
                .map(event -> producer.send(new ProducerRecord<>(Topics.CUSTOMERS, event.getEntityId(), event))).toList();
        producer.flush();
        try {
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Properties producerProperties() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return properties;
    }

    private static EntitySynced awaitOutcome(String changeSet, String entityId) {
        return await().atMost(DEADLINE).until(() -> {
            synchronized (outcomes) {
                var seen = outcomes.stream().filter(o -> changeSet.equals(o.getChangeSetId())
                        && entityId.equals(o.getEntityId()) && o.getOutcome() != Outcome.FAILED).findFirst();
                if (seen.isPresent()) {
                    return seen.get();
                }
                for (ConsumerRecord<String, SpecificRecord> r : completions.poll(Duration.ofMillis(200))) {
                    outcomes.add((EntitySynced) r.value());
                }
                return outcomes.stream().filter(o -> changeSet.equals(o.getChangeSetId())
                        && entityId.equals(o.getEntityId())).findFirst().orElse(null);
            }
        }, o -> o != null);
    }

    private static List<EntitySynced> outcomes(String changeSet, String entityId) {
        synchronized (outcomes) {
            for (ConsumerRecord<String, SpecificRecord> r : completions.poll(Duration.ofMillis(200))) {
                outcomes.add((EntitySynced) r.value());
            }
            return outcomes.stream().filter(o -> changeSet.equals(o.getChangeSetId())
                    && entityId.equals(o.getEntityId())).toList();
        }
    }

    private static MagentoCustomer onlyLinkedTo(String reCustomerId) {
        List<MagentoCustomer> linked = magento.findCustomersByAttribute("skylink_customer_id", reCustomerId);
        assertThat(linked).hasSize(1);
        return linked.getFirst();
    }

    /** Reads the whole dead-letter topic by assignment (no consumer-group join), from the beginning. */
    private static List<String> deadLetterKeys() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
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
