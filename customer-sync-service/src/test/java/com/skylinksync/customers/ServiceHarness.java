package com.skylinksync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The real parts a customer-sync test runs against: an embedded KRaft broker, embedded PostgreSQL, both simulators
 * over HTTP/SOAP, clients to them, and the service started as in production (its own yml) with test overrides.
 */
public final class ServiceHarness implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(30);

    public final KafkaBroker kafka;
    public final PostgresServer postgres;
    public final RetailExpressSimulator retailExpress;
    public final MagentoSimulator magentoSimulator;
    public final MagentoCustomers magento;
    public final MagentoDirectory magentoDirectory;
    public final RetailExpressCustomers retailExpressCustomers;
    private final KafkaConsumer<String, SpecificRecord> completions;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final List<EntitySynced> outcomes = new ArrayList<>();

    private ServiceHarness() {
        kafka = KafkaBroker.start(3);
        postgres = PostgresServer.start(0, null);
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        // Not a budget test (ApiBudgetClusterTest is): RE's real 25/s would throttle the set-up itself.
        retailExpress.budget(SimulatedBudget.unlimited());
        magentoSimulator = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        MagentoTransport magentoTransport = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magentoSimulator.restBase(), magentoSimulator.accessToken(), Duration.ofSeconds(10)));
        magento = new MagentoCustomers(magentoTransport);
        magentoDirectory = new MagentoDirectory(magentoTransport);
        retailExpressCustomers = new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                retailExpress.soapEndpoint(), retailExpress.clientId(), retailExpress.username(),
                retailExpress.password(), null, null, false)));
        var properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-completions",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        completions = new KafkaConsumer<>(properties, new StringDeserializer(), new AvroEventDeserializer());
        completions.subscribe(List.of(Topics.COMPLETIONS));
        var producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new AvroEventSerializer());
    }

    public static ServiceHarness start() {
        return new ServiceHarness();
    }

    /** The service against these parts; {@code overrides} are extra {@code --name=value} arguments. */
    public ConfigurableApplicationContext startService(String... overrides) {
        String[] base = {
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
                "--skylink.magento.access-token=" + magentoSimulator.accessToken()};
        // An override replaces the base value (Spring would join two values of one option with a comma).
        Map<String, String> arguments = new LinkedHashMap<>();
        Stream.concat(Stream.of(base), Stream.of(overrides))
                .forEach(a -> arguments.put(a.substring(0, a.indexOf('=')), a));
        return CustomerSyncApplication.builder().run(arguments.values().toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    public EntityChanged changed(String changeSet, String entityId) {
        return changed(changeSet, entityId, EntityType.CUSTOMER);
    }

    public EntityChanged changed(String changeSet, String entityId, EntityType type) {
        return EntityChanged.newBuilder().setChangeSetId(changeSet).setOrigin(Origin.EDS)
                .setClientId(retailExpress.clientId().toString()).setSalesChannelId(1)
                .setEntityType(type).setEntityId(entityId).setAttributeCode(null)
                .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build();
    }

    public void publish(EntityChanged event) {
        publish(Topics.CUSTOMERS, event);
    }

    public void publish(String topic, EntityChanged event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.getEntityId(), event)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends the events at once, as EDS repeats arrive, so they are all waiting when the consumer polls. */
    public void publishBurst(List<EntityChanged> events) {
        publishBurst(Topics.CUSTOMERS, events);
    }

    /** {@link #publishBurst(List)} to another topic (e.g. the backlog twin of the customers topic). */
    public void publishBurst(String topic, List<EntityChanged> events) {
        var sent = events.stream()
                .map(event -> producer.send(new ProducerRecord<>(topic, event.getEntityId(), event))).toList();
        producer.flush();
        try {
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first terminal outcome (not FAILED) reported for this change set and entity. */
    public EntitySynced awaitOutcome(String changeSet, String entityId) {
        return await().atMost(DEADLINE).until(() -> outcomes(changeSet, entityId).stream()
                .filter(o -> o.getOutcome() != Outcome.FAILED).findFirst().orElse(null), o -> o != null);
    }

    public List<EntitySynced> outcomes(String changeSet, String entityId) {
        return outcomes(changeSet).stream().filter(o -> entityId.equals(o.getEntityId())).toList();
    }

    /** Every outcome reported so far for this change set. */
    public List<EntitySynced> outcomes(String changeSet) {
        synchronized (outcomes) {
            for (ConsumerRecord<String, SpecificRecord> r : completions.poll(Duration.ofMillis(100))) {
                outcomes.add((EntitySynced) r.value());
            }
            return outcomes.stream().filter(o -> changeSet.equals(o.getChangeSetId())).toList();
        }
    }

    public MagentoCustomer onlyLinkedTo(String reCustomerId) {
        List<MagentoCustomer> linked = magento.findCustomersByAttribute("skylink_customer_id", reCustomerId);
        assertThat(linked).as("Magento customers linked to RE customer " + reCustomerId).hasSize(1);
        return linked.getFirst();
    }

    /** RE calls of one operation received after {@code since}. */
    public long reCalls(String operation, Instant since) {
        return retailExpress.calls().stream()
                .filter(c -> c.operation().equals(operation) && !c.at().isBefore(since)).count();
    }

    /** Magento requests of a method on exactly this path (query excluded). */
    public List<MagentoSimulator.Request> magentoRequests(String method, String path) {
        return magentoSimulator.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals("/rest" + path)).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {producer, completions, magentoSimulator, retailExpress, kafka, postgres}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
