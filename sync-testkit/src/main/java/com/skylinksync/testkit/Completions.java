package com.skylinksync.testkit;

import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * The {@code EntitySynced} outcomes services report to {@code skylink.sync.completions}, read from the beginning by a
 * consumer group of the harness's own and kept: each call reads what arrived since the previous one.
 */
public final class Completions implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<EntitySynced> received = new ArrayList<>();

    Completions(String bootstrapServers, String run) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-completions-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // The topic appears when the first service starts: notice it (and added partitions) soon.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new AvroEventDeserializer());
        consumer.subscribe(List.of(Topics.COMPLETIONS));
    }

    /** Every outcome reported so far, in the order read. */
    public synchronized List<EntitySynced> all() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(100))) {
            received.add((EntitySynced) record.value());
        }
        return List.copyOf(received);
    }

    /** Every outcome reported for one entity, whatever its change set. */
    public List<EntitySynced> of(String entityId) {
        return all().stream().filter(o -> entityId.equals(o.getEntityId())).toList();
    }

    /** Every outcome reported for one entity of one change set (null: events without a change set). */
    public List<EntitySynced> outcomes(String changeSet, String entityId) {
        return of(entityId).stream().filter(o -> Objects.equals(changeSet, o.getChangeSetId())).toList();
    }

    /** The first terminal outcome (not FAILED, which is retried) of this change set and entity. */
    public EntitySynced awaitOutcome(String changeSet, String entityId) {
        return await(o -> Objects.equals(changeSet, o.getChangeSetId()) && entityId.equals(o.getEntityId())
                && o.getOutcome() != Outcome.FAILED);
    }

    /** The first outcome that matches, waiting up to {@link SyncServiceHarness#DEADLINE}. */
    public EntitySynced await(Predicate<EntitySynced> wanted) {
        return Awaitility.await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> all().stream().filter(wanted).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
