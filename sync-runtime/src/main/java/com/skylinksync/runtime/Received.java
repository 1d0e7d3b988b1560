package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.Topics;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A record taken from an entity topic, not finished yet; or an inline sync ({@code POST /sync/...}), which has no
 * offset (partition -1, never tracked or committed) and whose caller waits on {@code inline} until its run is done.
 */
record Received(ConsumerRecord<String, Object> record, Instant receivedAt, CompletableFuture<Void> inline) {

    Received(ConsumerRecord<String, Object> record, Instant receivedAt) {
        this(record, receivedAt, null);
    }

    boolean isInline() {
        return inline != null;
    }

    /** An inline sync's run is done (its outcome is in the status store). */
    void done() {
        if (inline != null) {
            inline.complete(null);
        }
    }

    /** The pod stopped or paused before an inline sync ran to its end. */
    void abandon() {
        if (inline != null) {
            inline.completeExceptionally(new IllegalStateException("the consumer stopped before the sync finished"));
        }
    }

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
