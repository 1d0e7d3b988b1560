package com.skylinksync.runtime;

import com.skylinksync.access.OperatorAccessFilter;
import com.skylinksync.access.OperatorTokens;
import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.FailureClassifier;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.WorkPriority;
import com.skylinksync.runtime.source.SourceConfiguration;
import com.skylinksync.runtime.status.EntityStatusConfiguration;
import com.skylinksync.runtime.status.EntityStatusStore;
import com.skylinksync.schemas.TopicCatalog;
import com.skylinksync.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The runtime every sync service gets by declaring an {@link EntitySyncer} bean: key-ordered concurrent consumption
 * of {@code skylink.sync.topic} with coalescing and batching, in-process retries with backoff for transient failures,
 * {@code <topic>.dlt} for permanent ones, {@code <topic>.parked} for uncertain ones, the entity status store and its
 * API, an {@code EntitySynced} for every outcome, health and metrics.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@ConditionalOnBean(EntitySyncer.class)
@EnableConfigurationProperties({SyncProperties.class, OperatorTokens.class})
@Import({EntityStatusConfiguration.class, SourceConfiguration.class})
public class SyncRuntimeAutoConfiguration {

    /** The suffix of the topic where writes of unknown outcome wait for an operator. */
    public static final String PARKED_SUFFIX = TopicCatalog.PARKED_SUFFIX;

    @Bean
    CompletionReporter completionReporter(KafkaTemplate<String, SpecificRecord> kafka, SyncProperties properties) {
        return new CompletionReporter(kafka, properties.service(), Clock.systemUTC());
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, SpecificRecord> kafka, ProducerFactory<String, SpecificRecord> producerFactory) {
        // Unreadable records have raw bytes as their value: they need a byte-array template to reach the DLT.
        var templates = new LinkedHashMap<Class<?>, KafkaOperations<?, ?>>();
        templates.put(byte[].class, new KafkaTemplate<>(producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        templates.put(Object.class, kafka);
        // DESIGN names dead letters <topic>.dlt, on the source record's partition; parked ones likewise.
        var deadLetters = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(Topics.deadLetters(record.topic()), record.partition()));
        var parked = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(Topics.realTime(record.topic()) + PARKED_SUFFIX, record.partition()));
        return new DeadLetters(deadLetters, parked);
    }

    /** One per application: the runtime sets it around every run, the RE budget reads it. */
    @Bean
    @ConditionalOnMissingBean
    WorkPriority workPriority() {
        return new WorkPriority();
    }

    /**
     * The runtime's own tables ({@code classpath:db/sync-runtime}) are migrated with their own schema history
     * ({@code sync_runtime_schema_history}) just before the service's ({@code spring.flyway.locations}, Flyway's
     * default history), over the same connection settings: each module numbers its migrations as it likes.
     */
    @Bean
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnMissingBean
    FlywayMigrationStrategy runtimeThenServiceMigrations() {
        return service -> {
            Flyway.configure().configuration(service.getConfiguration())
                    .table("sync_runtime_schema_history")
                    .locations("classpath:db/sync-runtime")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            service.migrate();
        };
    }

    @Bean
    OffsetLedger offsetLedger() {
        return new OffsetLedger();
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService syncWorkers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sync-", 0).factory());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService syncRetryTimers() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sync-retry-timer").daemon().factory());
    }

    @Bean
    KeyOrderedDispatcher keyOrderedDispatcher(List<EntitySyncer> syncers, EntityStatusStore statuses,
                                              CompletionReporter completions, DeadLetters deadLetters,
                                              List<FailureClassifier> classifiers, WorkPriority priority, OffsetLedger offsets,
                                              ExecutorService syncWorkers, ScheduledExecutorService syncRetryTimers,
                                              ObjectProvider<MeterRegistry> registry, ObjectProvider<ObservationRegistry> observations,
                                              SyncProperties properties) {
        var backoff = new RetryBackoff(properties, RandomGenerator.getDefault());
        var metrics = new SyncMetrics(registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                offsets::unfinished);
        var execution = new SyncExecution(syncers, statuses, completions, deadLetters, metrics, backoff,
                new Failures(classifiers), priority,
                new SyncScope(observations.getIfAvailable(() -> ObservationRegistry.NOOP), properties.service()), Clock.systemUTC());
        Map<String, Ordering> orderings = new java.util.HashMap<>();
        syncers.forEach(syncer -> orderings.put(syncer.entityType().name(), syncer.ordering()));
        return new KeyOrderedDispatcher(execution, offsets, syncWorkers, syncRetryTimers, backoff, Clock.systemUTC(),
                properties.concurrency(), properties.batchSize(),
                received -> received.event() == null ? Ordering.currentState()
                        : orderings.getOrDefault(received.event().getEntityType().name(), Ordering.currentState()));
    }

    @Bean
    EntityTopicConsumer syncConsumer(ConsumerFactory<String, Object> consumers, SyncProperties properties,
                                            KeyOrderedDispatcher dispatcher, OffsetLedger offsets,
                                            EntityStatusStore statuses) {
        return new EntityTopicConsumer(consumers, properties, dispatcher, offsets, statuses, Clock.systemUTC());
    }

    /** {@code skylink pause|resume GROUP}: every pod follows the control topic. */
    @Bean
    PauseControl pauseControl(ConsumerFactory<String, Object> consumers, EntityTopicConsumer syncConsumer) {
        return new PauseControl(consumers, syncConsumer);
    }

    /** {@code POST /sync/{type}/{id}}: one entity synced now, through the entity's lane. */
    @Bean
    RouterFunction<ServerResponse> inlineSyncRoutes(KeyOrderedDispatcher dispatcher, EntityTopicConsumer syncConsumer,
                                                    EntityStatusStore statuses, SyncProperties properties, List<EntitySyncer> syncers) {
        return new InlineSyncRoutes(dispatcher, syncConsumer, statuses, properties, syncers, Clock.systemUTC()).routes();
    }

    /**
     * The service's operator routes (entity status, inline sync, and whatever a service adds) need the operator
     * credential, as the gateway's do: reads the read-only role, actions the operator role. Open: the health probes
     * and the metrics scrape ({@code /actuator/prometheus}, {@code /actuator/info}), which Kubernetes and Prometheus
     * call without a credential.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    OperatorAccessFilter operatorAccessFilter(OperatorTokens tokens, Environment environment) {
        return new OperatorAccessFilter(tokens.operatorTokens(), tokens.readOnlyTokens(), exchange -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            return OperatorAccessFilter.isHealthProbe(path) || path.equals("/actuator/prometheus") || path.equals("/actuator/info");
        }, environment);
    }

    @Bean
    NewTopic opsControlTopic() {
        // Compacted: the latest command per group is all that matters, and it is kept for pods started later.
        return TopicBuilder.name(Topics.OPS_CONTROL).partitions(1).compact().build();
    }

    /**
     * Each consumed topic with its backlog twin, dead-letter and parked topics, same partition count (they keep the
     * source partition); and the topic each change source publishes to, which a service need not consume itself.
     */
    @Bean
    KafkaAdmin.NewTopics syncedTopics(SyncProperties properties, List<ChangeSource> sources) {
        Set<String> names = new LinkedHashSet<>();
        for (String topic : properties.topics()) {
            names.addAll(List.of(topic, Topics.backlog(topic), Topics.deadLetters(topic), topic + PARKED_SUFFIX));
        }
        sources.forEach(source -> names.add(Topics.forEntityType(source.entityType())));
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> newTopic(TopicCatalog.spec(name, properties.topicPartitions())))
                .toArray(NewTopic[]::new));
    }

    @Bean
    NewTopic completionsTopic(SyncProperties properties) {
        return newTopic(TopicCatalog.spec(Topics.COMPLETIONS, properties.topicPartitions()));
    }

    /** Created as the catalogue says (retention, cleanup policy), as deploy/'s KafkaTopics are. */
    private static NewTopic newTopic(TopicCatalog.TopicSpec spec) {
        return TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.config()).build();
    }
}
