package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.Topics;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A record taken from an entity topic, not finished yet. */
record Received(ConsumerRecord<String, Object> record, Instant receivedAt) {

    /** The event, or null when the record is unreadable (those are dead-lettered, never synced). */
    EntityChanged event() {
        return record.value() instanceof EntityChanged event ? event : null;
    }

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Events with one key are one entity's: they are processed in order (and coalesced where the connector allows). */
    String key() {
        return record.key() != null ? record.key() : "unkeyed@" + record.topic() + "-" + record.partition() + ":" + record.offset();
    }

    /**
     * Whether someone is waiting to see this change: EDS, single syncs and changes found in Magento are real time;
     * bulk resyncs, replays and fan-outs are backlog. An unreadable record is real time, so it is dead-lettered at once.
     */
    boolean realTime() {
        EntityChanged event = event();
        if (event == null) {
            return true;
        }
        return !Topics.isBacklog(event.getOrigin());
    }
}
