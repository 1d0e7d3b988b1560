package com.skylinksync.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads topics as they are now, outside any consumer group: every record of a dead-letter or parked topic with its
 * headers, and how far the service's consumer group has committed.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String consumerGroup;
    private final Admin admin;

    TopicReader(String bootstrapServers, String consumerGroup) {
        this.bootstrapServers = bootstrapServers;
        this.consumerGroup = consumerGroup;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Every record in the topic now, partition by partition in offset order; none when the topic does not exist. */
    public List<TopicRecord> read(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return List.of();
        }
        List<TopicRecord> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + WAIT);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(r -> records.add(new TopicRecord(r.topic(), r.partition(),
                        r.offset(), r.key(), r.value(), StreamSupport.stream(r.headers().spliterator(), false)
                        .map(h -> new TopicRecord.Header(h.key(), h.value())).toList())));
            }
        }
        records.sort(Comparator.comparingInt(TopicRecord::partition).thenComparingLong(TopicRecord::offset));
        return records;
    }

    /** The first record of the topic that matches, waiting up to {@link SyncServiceHarness#DEADLINE}. */
    public TopicRecord awaitRecord(String topic, Predicate<TopicRecord> wanted) {
        return Awaitility.await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> read(topic).stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }

    /**
     * Records of the topic the harness's consumer group has not committed yet (all of a partition it never
     * committed): zero once every record is finished and its offset committed.
     */
    public long uncommitted(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return 0;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get();
            var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(request).all().get();
            partitions.forEach(p -> request.put(p, OffsetSpec.earliest()));
            var starts = admin.listOffsets(request).all().get();
            long uncommitted = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                long from = at != null ? at.offset() : starts.get(partition).offset();
                uncommitted += Math.max(0, ends.get(partition).offset() - from);
            }
            return uncommitted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of " + topic, e.getCause());
        }
    }

    private List<TopicPartition> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new IllegalStateException("Could not describe " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
