package com.skylinksync.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link PartitionOffsets} for every partition this pod owns, and what has been committed for each. Workers finish
 * offsets from any thread; only the consumer thread commits (a KafkaConsumer is single-threaded).
 */
final class OffsetLedger {

    private final Map<TopicPartition, PartitionOffsets> partitions = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

    void track(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new PartitionOffsets()).track(offset);
    }

    /** A finished offset of a partition this pod no longer owns is ignored: its new owner re-reads it. */
    void finish(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.get(partition);
        if (offsets != null) {
            offsets.finish(offset);
        }
    }

    /** The offsets that can advance since the last commit, for the given partitions (all when null). */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            if (only != null && !only.contains(partition)) {
                return;
            }
            long next = offsets.committable();
            if (next >= 0 && next > committed.getOrDefault(partition, -1L)) {
                result.put(partition, new OffsetAndMetadata(next));
            }
        });
        return result;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partition -> {
            partitions.remove(partition);
            committed.remove(partition);
        });
    }

    /** Records received and not finished, over all partitions: what back-pressure and the in-flight gauge look at. */
    int unfinished() {
        return partitions.values().stream().mapToInt(PartitionOffsets::unfinishedCount).sum();
    }
}
