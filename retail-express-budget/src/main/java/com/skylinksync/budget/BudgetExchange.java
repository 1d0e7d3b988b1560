package com.skylinksync.budget;

import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.TopicCatalog;
import com.skylinksync.schemas.avro.BudgetReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The budget topic, through Spring's Kafka support: publishes this participant's reports and reads every
 * participant's, from the beginning, on a reader thread. The topic is compacted and keyed by participant, so it holds
 * "the latest report of every participant", readable whole by a new process; it has one partition, so every reader
 * sees every report in the order written.
 */
final class BudgetExchange implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetExchange.class);

    private final BudgetKafka kafka;
    private final BudgetCoordination coordination;
    private final BudgetReportCodec codec;
    private DefaultKafkaProducerFactory<String, SpecificRecord> producers;
    private Producer<String, SpecificRecord> producer;
    private org.apache.kafka.clients.consumer.Consumer<String, SpecificRecord> consumer;
    private Thread reader;

    BudgetExchange(BudgetKafka kafka, BudgetCoordination coordination, BudgetReportCodec codec) {
        this.kafka = kafka;
        this.coordination = coordination;
        this.codec = codec;
    }

    /**
     * Declares the topic if missing, connects, and starts reading every report from the beginning:
     * {@code received} gets each report, {@code removed} each participant whose reports were deleted (a tombstone).
     */
    void open(Consumer<ParticipantReport> received, Consumer<String> removed) {
        declareTopic();
        producers = new DefaultKafkaProducerFactory<>(kafka.producerConfig(), new StringSerializer(),
                new AvroEventSerializer());
        producers.setPhysicalCloseTimeout(5);
        try {
            producer = producers.createProducer();
            consumer = new DefaultKafkaConsumerFactory<>(kafka.consumerConfig(), new StringDeserializer(),
                    new AvroEventDeserializer()).createConsumer();
            List<TopicPartition> partitions = consumer.partitionsFor(coordination.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions); // no group: every participant reads every report
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        reader = Thread.ofPlatform().daemon().name("re-budget-reader-" + coordination.participantId())
                .start(() -> read(received, removed));
    }

    void publish(ParticipantReport report) {
        producer.send(new ProducerRecord<>(coordination.topic(), report.participantId(), codec.encode(report)),
                (metadata, error) -> {
                    if (error != null) {
                        LOG.warn("Could not publish RE budget report for period {}", report.slot(), error);
                    }
                });
    }

    /** Removes a participant's reports from the topic (any participant may, writing it twice is harmless). */
    void forget(String participantId) {
        producer.send(new ProducerRecord<>(coordination.topic(), participantId, null));
    }

    /** Stops reading, then delivers what was published (or gives up on it after a few seconds) and disconnects. */
    @Override
    public void close() {
        if (reader != null) {
            consumer.wakeup(); // the reader closes the consumer
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close(Duration.ZERO);
        }
        if (producers != null) {
            producers.destroy();
        }
    }

    private void declareTopic() {
        try {
            TopicCatalog.TopicSpec spec = TopicCatalog.budget(coordination.topic());
            kafka.admin().createOrModifyTopics(
                    TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.config()).build());
        } catch (KafkaException e) {
            throw new IllegalStateException("Cannot declare the RE budget topic " + coordination.topic(), e);
        }
    }

    private void read(Consumer<ParticipantReport> received, Consumer<String> removed) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.value() == null) {
                            removed.accept(record.key());
                        } else if (record.value() instanceof BudgetReport event) {
                            received.accept(codec.decode(event));
                        }
                    }
                } catch (RecordDeserializationException e) {
                    // A report this build cannot read (a newer schema?) must not stop the budget: skip it.
                    LOG.error("Skipping an unreadable RE budget report at {} offset {}", e.topicPartition(), e.offset(), e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("RE budget reader stopped; this participant will fence itself", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
