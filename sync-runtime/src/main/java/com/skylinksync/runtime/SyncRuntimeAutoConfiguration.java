package com.skylinksync.runtime;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The runtime every sync service gets by declaring an {@link EntitySyncer} bean: consumption of
 * {@code skylink.sync.topic}, retries with exponential backoff for transient failures, the dead-letter topic
 * at once for permanent ones, and an {@code EntitySynced} for every terminal outcome.
 */
@AutoConfiguration
@ConditionalOnBean(EntitySyncer.class)
@EnableConfigurationProperties(SyncProperties.class)
public class SyncRuntimeAutoConfiguration {

    @Bean
    CompletionReporter completionReporter(KafkaTemplate<String, SpecificRecord> kafka, SyncProperties properties) {
        return new CompletionReporter(kafka, properties.service(), Clock.systemUTC());
    }

    @Bean
    EntityChangedListener entityChangedListener(EntitySyncer syncer, CompletionReporter completions) {
        return new EntityChangedListener(syncer, completions);
    }

    /** Attempts are reported in each outcome, so the container must stamp them on records. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> deliveryAttemptHeader() {
        return container -> container.getContainerProperties().setDeliveryAttemptHeader(true);
    }

    @Bean
    DefaultErrorHandler syncErrorHandler(KafkaTemplate<String, SpecificRecord> kafka,
                                         ProducerFactory<String, SpecificRecord> producerFactory,
                                         CompletionReporter completions, SyncProperties properties) {
        // Unreadable records have raw bytes as their value: they need a byte-array template to reach the DLT.
        var templates = new LinkedHashMap<Class<?>, KafkaOperations<?, ?>>();
        templates.put(byte[].class, new KafkaTemplate<>(producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        templates.put(Object.class, kafka);
        // DESIGN names dead letters <topic>.dlt, on the source record's partition.
        var deadLetters = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(Topics.deadLetters(record.topic()), record.partition()));

        var handler = new DefaultErrorHandler((record, failure) -> {
            deadLetters.accept(record, failure);
            if (record.value() instanceof EntityChanged event) {
                completions.deadLettered(event, deliveryAttempt(record), FailureKind.codeOf(failure),
                        rootMessage(failure));
            }
        }, transientBackOff(properties));
        handler.setBackOffFunction((record, failure) ->
                FailureKind.of(failure) == FailureKind.TRANSIENT ? null : new FixedBackOff(0, 0));
        return handler;
    }

    @Bean
    NewTopic syncedTopic(SyncProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions()).build();
    }

    @Bean
    NewTopic syncedTopicDeadLetters(SyncProperties properties) {
        // Same partition count: dead letters keep the partition of their source record.
        return TopicBuilder.name(Topics.deadLetters(properties.topic())).partitions(properties.topicPartitions()).build();
    }

    @Bean
    NewTopic completionsTopic(SyncProperties properties) {
        return TopicBuilder.name(Topics.COMPLETIONS).partitions(properties.topicPartitions()).build();
    }

    private static ExponentialBackOff transientBackOff(SyncProperties properties) {
        var backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), properties.retryMultiplier());
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setMaxElapsedTime(properties.retryGiveUpAfter().toMillis());
        return backOff;
    }

    private static int deliveryAttempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header == null || header.value().length != Integer.BYTES ? 1 : ByteBuffer.wrap(header.value()).getInt();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
