package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A record taken from the entity topic, not finished yet. */
record Received(ConsumerRecord<String, Object> record, Instant receivedAt) {

    /** The event, or null when the record is unreadable (those are dead-lettered, never synced). */
    EntityChanged event() {
        return record.value() instanceof EntityChanged event ? event : null;
    }

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Events with one key are one entity's: they are processed in order and coalesced. */
    String key() {
        return record.key() != null ? record.key() : "unkeyed@" + record.partition() + ":" + record.offset();
    }
}
