package com.skylinksync.sandbox.stack.benchmark;

import com.skylinksync.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each change set's last entity outcome was emitted: reads {@code skylink.sync.completions} (keyed by change set
 * id) in its own consumer group and keeps, per change set, the latest record timestamp (the producer's send time,
 * taken on this machine's clock as the simulators' journals are).
 */
final class OutcomeClock implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Instant> lastOutcome = new ConcurrentHashMap<>();
    private final Thread reader;

    OutcomeClock(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.COMPLETIONS));
        reader = Thread.ofPlatform().name("benchmark-outcomes").start(this::read);
    }

    Optional<Instant> lastOutcome(String changeSetId) {
        return Optional.ofNullable(lastOutcome.get(changeSetId));
    }

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        lastOutcome.merge(record.key(), Instant.ofEpochMilli(record.timestamp()),
                                (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(Duration.ofSeconds(5));
    }
}
