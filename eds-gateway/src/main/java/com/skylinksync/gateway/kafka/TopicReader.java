package com.skylinksync.gateway.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads whole topics (dead letters, parked writes, budget reports) for the operator API: as raw bytes, without a
 * consumer group (nothing is committed, no group is joined), from the gateway's own {@code spring.kafka.*} settings.
 * Blocking: call it on a thread that may block.
 */
@Component
public class TopicReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> config;

    TopicReader(ConsumerFactory<?, ?> consumers) {
        Map<String, Object> settings = new HashMap<>(consumers.getConfigurationProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.config = Map.copyOf(settings);
    }

    /** Every record of the topic up to its end when called, oldest first per partition; empty if the topic is missing. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            var infos = consumer.listTopics(TIMEOUT).get(topic);
            if (infos == null) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.multipliedBy(3).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in time");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /** The one record at {@code offset} of a partition (seeking to it, reading nothing else), if it is there. */
    public java.util.Optional<ConsumerRecord<String, byte[]>> readOne(String topic, int partition, long offset) {
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            var infos = consumer.listTopics(TIMEOUT).get(topic);
            if (infos == null || infos.stream().noneMatch(p -> p.partition() == partition)) {
                return java.util.Optional.empty();
            }
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
            long start = consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset < start || offset >= end) {
                return java.util.Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= offset) {
                        return record.offset() == offset ? java.util.Optional.of(record) : java.util.Optional.empty();
                    }
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The names of every topic of the cluster (internal ones excluded). */
    public List<String> topics() {
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            return consumer.listTopics(TIMEOUT).keySet().stream().sorted().toList();
        }
    }

    /** The settings of a group-less consumer, for the other operator views that need a consumer of their own. */
    public Map<String, Object> consumerConfig() {
        return config;
    }
}
