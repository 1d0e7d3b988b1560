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
import org.springframework.context.ConfigurableApplicationContext;
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
    private static final List<EntitySynced> outcomes = new ArrayList<>();

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start(3);
        postgres = PostgresServer.start(0, null);
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
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
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {completions, service, magentoSimulator, retailExpress, kafka, postgres}) {
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

    private static EntityChanged changed(String changeSet, String customerId) {
        return EntityChanged.newBuilder().setChangeSetId(changeSet).setOrigin(Origin.EDS)
                .setClientId(retailExpress.clientId().toString()).setSalesChannelId(1)
                .setEntityType(EntityType.CUSTOMER).setEntityId(customerId).setAttributeCode(null)
                .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build();
    }

    private static void publish(EntityChanged event) {
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerProperties(), new StringSerializer(),
                new AvroEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMERS, event.getEntityId(), event)).get();
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
