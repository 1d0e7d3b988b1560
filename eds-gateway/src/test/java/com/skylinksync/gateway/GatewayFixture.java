package com.skylinksync.gateway;

import static org.awaitility.Awaitility.await;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Everything a gateway test runs against, all real: a KRaft Kafka broker, PostgreSQL, and the Retail Express
 * simulator over SOAP. The gateway itself is started through {@link EdsGatewayApplication#builder()}, the one entry point.
 */
final class GatewayFixture implements AutoCloseable {

    static final String OLD_KEY = "eds-test-key-old";
    static final String API_KEY = "eds-test-key-current";
    /** Operator API credentials: the operator role, and the read-only role. */
    static final String OPERATOR_TOKEN = "ops-test-operator-token";
    static final String READ_ONLY_TOKEN = "ops-test-read-only-token";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    final KafkaBroker kafka;
    final PostgresServer postgres;
    /** Replaced by {@link #restartRetailExpress()}; volatile because gateways' threads never read it, but tests' may. */
    volatile RetailExpressSimulator retailExpress;
    private final int retailExpressPort;

    private GatewayFixture(KafkaBroker kafka, PostgresServer postgres, RetailExpressSimulator retailExpress) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.retailExpress = retailExpress;
        this.retailExpressPort = retailExpress.soapEndpoint().getPort();
    }

    static GatewayFixture start() {
        KafkaBroker kafka = KafkaBroker.start(3);
        PostgresServer postgres = PostgresServer.start(0, null);
        RetailExpressSimulator retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        return new GatewayFixture(kafka, postgres, retailExpress);
    }

    /** RE goes away: calls to its port are refused until {@link #restartRetailExpress()}. */
    void stopRetailExpress() {
        retailExpress.close();
    }

    /** A fresh RE on the same port (gateways keep their endpoint); its journal starts empty. */
    void restartRetailExpress() {
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(retailExpressPort));
    }

    String clientId() {
        return retailExpress.clientId().toString();
    }

    /** Starts a gateway on a random port; {@code overrides} are {@code key=value} pairs on top of the test defaults. */
    ConfigurableApplicationContext startGateway(String... overrides) {
        return startGateway(null, overrides);
    }

    /**
     * As {@link #startGateway(String...)}, its RE calls taking their permits from {@code permits} instead of the
     * (unbudgeted) default: a test holds a call back where the API budget would.
     */
    ConfigurableApplicationContext startGateway(CallPermits permits, String... overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl("eds_gateway"));
        properties.put("spring.r2dbc.username", PostgresServer.USER);
        properties.put("spring.r2dbc.password", "postgres");
        properties.put("spring.flyway.url", postgres.jdbcUrl());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("skylink.gateway.api-keys", OLD_KEY + "," + API_KEY);
        properties.put("skylink.gateway.operator-access.operator-tokens", OPERATOR_TOKEN);
        properties.put("skylink.gateway.operator-access.read-only-tokens", READ_ONLY_TOKEN);
        properties.put("skylink.gateway.client-id", clientId());
        properties.put("skylink.gateway.sales-channels", "1,2");
        properties.put("skylink.gateway.topic-partitions", "3");
        properties.put("skylink.retail-express.endpoint", retailExpress.soapEndpoint().toString());
        properties.put("skylink.retail-express.client-id", clientId());
        properties.put("skylink.retail-express.username", retailExpress.username());
        properties.put("skylink.retail-express.password", retailExpress.password());
        for (String override : overrides) {
            int eq = override.indexOf('=');
            properties.put(override.substring(0, eq), override.substring(eq + 1));
        }
        // As command-line arguments: builder().properties(...) are only defaults, which eds-gateway.yml overrides.
        var builder = EdsGatewayApplication.builder();
        if (permits != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("heldCallPermits", permits));
        }
        return builder
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** A client presenting the operator credential on every request (RE's own requests carry their x-api-key too). */
    static WebTestClient http(ConfigurableApplicationContext gateway) {
        return anonymous(gateway).mutate().defaultHeader("Authorization", "Bearer " + OPERATOR_TOKEN).build();
    }

    /** A client presenting no operator credential. */
    static WebTestClient anonymous(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(DEADLINE)
                .build();
    }

    // --- Kafka -------------------------------------------------------------------------------------------------

    /**
     * The events of a change set on a topic: waits until the outbox holds none of its events (the relay deletes a row
     * only once Kafka acknowledged it), then reads the whole topic up to its end, so a duplicate would be seen too.
     */
    List<EntityChanged> publishedEvents(String topic, String changeSetId) {
        await().atMost(DEADLINE).until(() -> outboxRows(changeSetId) == 0);
        return readAll(topic).stream()
                .map(ConsumerRecord::value)
                .filter(EntityChanged.class::isInstance).map(EntityChanged.class::cast)
                .filter(e -> changeSetId.equals(e.getChangeSetId()))
                .toList();
    }

    List<ConsumerRecord<String, SpecificRecord>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, DEADLINE) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    void publishCompletions(EntitySynced... completions) {
        publishCompletionsKeyed(completion -> completion.getChangeSetId() != null ? completion.getChangeSetId() : completion.getEntityId(),
                completions);
    }

    /** With another key than the sync services use, completions of one change set spread over partitions (and replicas). */
    void publishCompletionsKeyed(java.util.function.Function<EntitySynced, String> key, EntitySynced... completions) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, SpecificRecord>(config, new StringSerializer(), new AvroEventSerializer())) {
            for (EntitySynced completion : completions) {
                producer.send(new ProducerRecord<>(Topics.COMPLETIONS, key.apply(completion), completion))
                        .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("Could not publish completions", e);
        }
    }

    /**
     * Waits until the gateway's consumer group has committed every completion published so far: after this, each of
     * them has been processed (the listener commits only after storing the outcome and deciding the claim).
     */
    void awaitCompletionsConsumed() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config);
             var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPLETIONS, DEADLINE).stream()
                    .map(p -> new TopicPartition(Topics.COMPLETIONS, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            await().atMost(DEADLINE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("eds-gateway")
                        .partitionsToOffsetAndMetadata().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                return partitions.stream().allMatch(p -> end.get(p) == 0
                        || (committed.get(p) != null && committed.get(p).offset() >= end.get(p)));
            });
        }
    }

    static EntitySynced completion(String changeSetId, EntityType type, String entityId, Outcome outcome) {
        return completion(changeSetId, type, null, entityId, outcome);
    }

    static EntitySynced completion(String changeSetId, EntityType type, String attributeCode, String entityId, Outcome outcome) {
        boolean failed = outcome == Outcome.FAILED || outcome == Outcome.DEAD_LETTERED || outcome == Outcome.PARKED;
        return EntitySynced.newBuilder()
                .setChangeSetId(changeSetId)
                .setOrigin(Origin.EDS)
                .setClientId("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d")
                .setSalesChannelId(1)
                .setEntityType(type)
                .setEntityId(entityId)
                .setAttributeCode(attributeCode)
                .setOutcome(outcome)
                .setTargetId(failed ? null : "42")
                .setAttempts(failed ? 3 : 1)
                .setErrorCode(!failed ? null : outcome == Outcome.PARKED ? "UNCERTAIN_WRITE" : "VALIDATION")
                .setErrorMessage(!failed ? null : outcome == Outcome.PARKED ? "Timed out after sending; outcome unknown"
                        : "Magento refused the customer: email is required")
                .setService("customer-sync-service")
                .setFinishedAt(Instant.now())
                .setTraceId(UUID.randomUUID().toString())
                .build();
    }

    // --- Database ----------------------------------------------------------------------------------------------

    /** Events of the change set still in the outbox (a row holds all events of a registration since V9). */
    long outboxRows(String changeSetId) {
        return count("SELECT coalesce(sum(event_count), 0) FROM eds_gateway.outbox WHERE change_set_id = ?", changeSetId);
    }

    long changeSetRows() {
        return count("SELECT count(*) FROM eds_gateway.change_set");
    }

    long entityRows() {
        return count("SELECT count(*) FROM eds_gateway.change_set_entity");
    }

    String status(String changeSetId) {
        return single("SELECT status FROM eds_gateway.change_set WHERE id = ?", changeSetId);
    }

    long count(String sql, Object... parameters) {
        return Long.parseLong(single(sql, parameters));
    }

    String single(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("Query failed: " + sql + " " + Arrays.toString(parameters), e);
        }
    }

    @Override
    public void close() {
        Stream.<AutoCloseable>of(retailExpress, postgres, kafka).forEach(resource -> {
            try {
                resource.close();
            } catch (Exception e) {
                // keep closing the others
            }
        });
    }
}
