package com.skylinksync.gateway.consumergroups;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Consumer groups through Kafka's AdminClient: lag per group/topic/partition, and offset resets with the semantics of
 * {@code kafka-consumer-groups --reset-offsets} ({@code --to-datetime}, {@code --to-offset}, {@code --by-duration}).
 * Blocking: call it on a thread that may block.
 */
@Component
class ConsumerGroups {

    private static final long TIMEOUT_SECONDS = 15;

    private final Map<String, Object> config;

    ConsumerGroups(KafkaAdmin admin) {
        this.config = Map.copyOf(admin.getConfigurationProperties());
    }

    record PartitionLag(String group, String topic, int partition, long committed, long end, long lag) {
    }

    record Lag(List<PartitionLag> partitions, Map<String, Long> totalByGroup, long total) {
    }

    Lag lag() throws Exception {
        try (Admin admin = Admin.create(config)) {
            List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).sorted().toList();
            List<PartitionLag> rows = new ArrayList<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
                Map<TopicPartition, Long> end = offsets(admin, committed.keySet(), p -> OffsetSpec.latest());
                committed.forEach((partition, offset) -> rows.add(new PartitionLag(group, partition.topic(), partition.partition(),
                        offset.offset(), end.get(partition), Math.max(0, end.get(partition) - offset.offset()))));
            }
            rows.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::topic).thenComparing(PartitionLag::partition));
            Map<String, Long> byGroup = rows.stream().collect(Collectors.groupingBy(PartitionLag::group, java.util.TreeMap::new,
                    Collectors.summingLong(PartitionLag::lag)));
            return new Lag(rows, byGroup, rows.stream().mapToLong(PartitionLag::lag).sum());
        }
    }

    /** The live members of a group (0 when it has none, or when Kafka does not know it). */
    int members(String group) throws Exception {
        try (Admin admin = Admin.create(config)) {
            return admin.describeConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group).members().size();
        }
    }

    /** Whether Kafka knows the group (it has members, or committed offsets). */
    boolean exists(String group) throws Exception {
        try (Admin admin = Admin.create(config)) {
            return admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .anyMatch(listing -> listing.groupId().equals(group));
        }
    }

    /** Where to move a group's offsets: exactly one of a time, an offset, or a duration back from now. */
    record ResetTarget(Instant toTime, Long toOffset, java.time.Duration byDuration) {
    }

    record PartitionReset(int partition, long committed, long target, long reread) {
    }

    record Reset(String group, String topic, boolean executed, List<PartitionReset> partitions, long reread) {
    }

    Reset reset(String group, String topic, Integer onlyPartition, ResetTarget target, boolean execute) throws Exception {
        try (Admin admin = Admin.create(config)) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> partitions = description.partitions().stream()
                    .filter(p -> onlyPartition == null || p.partition() == onlyPartition)
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw bad("partition", topic + " has no partition " + onlyPartition);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
            Map<TopicPartition, Long> earliest = offsets(admin, partitions, p -> OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(admin, partitions, p -> OffsetSpec.latest());
            Map<TopicPartition, Long> targets = new HashMap<>();
            if (target.toOffset() != null) {
                partitions.forEach(p -> targets.put(p, target.toOffset()));
            } else {
                Instant time = target.toTime() != null ? target.toTime() : Instant.now().minus(target.byDuration());
                Map<TopicPartition, Long> atTime = offsets(admin, partitions, p -> OffsetSpec.forTimestamp(time.toEpochMilli()));
                // No record at or after the time: the end, as kafka-consumer-groups does.
                partitions.forEach(p -> targets.put(p, atTime.get(p) < 0 ? latest.get(p) : atTime.get(p)));
            }
            List<PartitionReset> rows = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
            for (TopicPartition p : partitions) {
                long clamped = Math.max(earliest.get(p), Math.min(latest.get(p), targets.get(p)));
                long current = committed.containsKey(p) ? committed.get(p).offset() : latest.get(p);
                rows.add(new PartitionReset(p.partition(), current, clamped, Math.max(0, current - clamped)));
                moves.put(p, new OffsetAndMetadata(clamped));
            }
            rows.sort(Comparator.comparingInt(PartitionReset::partition));
            if (execute) {
                var members = admin.describeConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group).members();
                if (!members.isEmpty()) {
                    throw new ProblemException(Problem.of("group-active", "Conflict", 409, "Consumer group " + group + " has "
                            + members.size() + " live member(s): pause its services first (skylink pause " + group + "), or stop them"));
                }
                admin.alterConsumerGroupOffsets(group, moves).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return new Reset(group, topic, execute, rows, rows.stream().mapToLong(PartitionReset::reread).sum());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        offsets.values().removeIf(java.util.Objects::isNull);
        return offsets;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, java.util.Collection<TopicPartition> partitions,
                                                     Function<TopicPartition, OffsetSpec> spec) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        var result = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    static ProblemException bad(String parameter, String detail) {
        return new ProblemException(Problem.badParameter(parameter, detail));
    }
}
