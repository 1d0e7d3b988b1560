package com.skylinksync.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic the system uses, with the settings it is created with: the one source for the topics the services
 * declare when they start (KafkaAdmin creates missing ones) and for the Strimzi {@code KafkaTopic}s in {@code deploy/},
 * which a test in {@code deploy-tests} checks against this class.
 *
 * <p>Retention is chosen for recovery: entity topics, their backlog twins and completions keep
 * {@link #REPLAY_RETENTION} (7 days), so a consumer group can be replayed up to a week back and a bulk resync that
 * takes days under RE's daily budget is never deleted before it is read; dead letters and parked writes keep
 * {@link #OPERATOR_RETENTION} (30 days), the time an operator has to fix the cause and redrive or resolve them.
 */
public final class TopicCatalog {

    /** Partitions of every entity topic and its twins: the ceiling on consumer pods per group. */
    public static final int DEFAULT_PARTITIONS = 12;
    public static final Duration REPLAY_RETENTION = Duration.ofDays(7);
    public static final Duration OPERATOR_RETENTION = Duration.ofDays(30);
    /** Suffix of the topic where writes of unknown outcome wait for an operator. */
    public static final String PARKED_SUFFIX = ".parked";

    /** The entity topics; each has a {@code .bulk} twin, a {@code .dlt} and a {@code .parked} topic. */
    public static final List<String> ENTITY_TOPICS = List.of(Topics.CUSTOMERS, Topics.PRICE_GROUPS, Topics.ATTRIBUTES,
            Topics.PRODUCTS, Topics.ORDERS, Topics.OUTLETS, Topics.MAGENTO_CUSTOMERS, Topics.MAGENTO_ORDERS);

    /**
     * A topic's name, partition count and topic-level configuration ({@code cleanup.policy}, {@code retention.ms}).
     */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {
        public TopicSpec {
            config = Map.copyOf(config);
        }
    }

    private TopicCatalog() {
    }

    /** Every topic, entity topics and their twins with {@code partitions} partitions. */
    public static List<TopicSpec> all(int partitions) {
        List<TopicSpec> topics = new ArrayList<>();
        for (String topic : ENTITY_TOPICS) {
            topics.add(spec(topic, partitions));
            topics.add(spec(Topics.backlog(topic), partitions));
            topics.add(spec(Topics.deadLetters(topic), partitions));
            topics.add(spec(topic + PARKED_SUFFIX, partitions));
        }
        topics.add(spec(Topics.COMPLETIONS, partitions));
        topics.add(budget(Topics.RE_BUDGET));
        return List.copyOf(topics);
    }

    /**
     * The settings a topic is created with, by its kind: dead-letter and parked topics keep
     * {@link #OPERATOR_RETENTION}, every other (entity topics, backlog twins, completions) {@link #REPLAY_RETENTION}.
     * Topics outside the catalogue (a connector's own, in tests) get the settings of their kind too.
     */
    public static TopicSpec spec(String name, int partitions) {
        boolean forOperators = name.endsWith(PARKED_SUFFIX) || name.endsWith(Topics.DEAD_LETTER_SUFFIX);
        return new TopicSpec(name, partitions, deleteAfter(forOperators ? OPERATOR_RETENTION : REPLAY_RETENTION));
    }

    /**
     * The compacted budget topic: one partition, so every participant reads every report in the order written;
     * compacted, keyed by participant, so it holds the latest report of each.
     */
    public static TopicSpec budget(String name) {
        return new TopicSpec(name, 1, Map.of("cleanup.policy", "compact"));
    }

    private static Map<String, String> deleteAfter(Duration retention) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cleanup.policy", "delete");
        config.put("retention.ms", Long.toString(retention.toMillis()));
        return config;
    }
}
