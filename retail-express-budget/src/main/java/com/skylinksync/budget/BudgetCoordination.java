package com.skylinksync.budget;

import com.skylinksync.schemas.Topics;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and as whom a participant coordinates the budget (how it reaches Kafka is {@link BudgetKafka}).
 *
 * @param topic         the compacted budget topic (default {@code skylink.re.budget}); created if missing
 * @param participantId unique per process run (a fresh one for every start: a restarted process is a new participant)
 * @param service       the service name, for operators reading the topic
 */
public record BudgetCoordination(String topic, String participantId, String service) {

    public BudgetCoordination {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(service, "service");
    }

    /** The default topic and a fresh participant id for a service. */
    public static BudgetCoordination of(String service) {
        return new BudgetCoordination(Topics.RE_BUDGET, service + "-" + UUID.randomUUID(), service);
    }
}
