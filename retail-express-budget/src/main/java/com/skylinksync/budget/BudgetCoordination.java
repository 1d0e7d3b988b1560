package com.skylinksync.budget;

import com.skylinksync.schemas.Topics;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and as whom a participant coordinates the budget.
 *
 * @param bootstrapServers the Kafka cluster every participant uses
 * @param topic            the compacted budget topic (default {@code skylink.re.budget}); created if missing
 * @param participantId    unique per process run (a fresh one for every start: a restarted process is a new participant)
 * @param service          the service name, for operators reading the topic
 * @param kafka            further Kafka client properties (security, client id prefix...), applied to both clients
 */
public record BudgetCoordination(String bootstrapServers, String topic, String participantId, String service,
                                 Map<String, Object> kafka) {

    public BudgetCoordination {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(service, "service");
        kafka = Map.copyOf(kafka);
    }

    /** The default topic and a fresh participant id for a service. */
    public static BudgetCoordination of(String bootstrapServers, String service) {
        return new BudgetCoordination(bootstrapServers, Topics.RE_BUDGET, service + "-" + UUID.randomUUID(), service,
                Map.of());
    }
}
