package com.skylinksync.runtime;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Emits one {@code EntitySynced} per entity outcome and change set to {@code skylink.sync.completions}, keyed by
 * change set (entity id when there is none) so one change set's outcomes stay in order for the gateway.
 * A group's sends go out together and are then awaited: an offset is committed only after its outcome is on Kafka.
 */
final class CompletionReporter {

    private static final int MAX_MESSAGE_LENGTH = 1000;

    /**
     * One outcome to report for one event (the event gives the change set and identity).
     *
     * @param targetId the written entity's id in the system written (Magento inbound, Retail Express outbound), or null
     */
    record Completion(EntityChanged event, Outcome outcome, String targetId, int attempts, String code, String message) {
    }

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String service;
    private final Clock clock;

    CompletionReporter(KafkaTemplate<String, SpecificRecord> kafka, String service, Clock clock) {
        this.kafka = kafka;
        this.service = service;
        this.clock = clock;
    }

    void report(List<Completion> completions) {
        List<CompletableFuture<?>> sends = new ArrayList<>(completions.size());
        for (Completion completion : completions) {
            EntityChanged event = completion.event();
            String key = event.getChangeSetId() != null ? event.getChangeSetId() : event.getEntityId();
            sends.add(kafka.send(Topics.COMPLETIONS, key, toEvent(completion)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reporting outcomes", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not reported means not done: the entities are retried and their outcomes reported again later.
            throw new IllegalStateException("Could not report " + completions.size() + " outcomes to " + Topics.COMPLETIONS, e);
        }
    }

    private EntitySynced toEvent(Completion completion) {
        EntityChanged event = completion.event();
        return EntitySynced.newBuilder()
                .setChangeSetId(event.getChangeSetId())
                .setOrigin(event.getOrigin())
                .setClientId(event.getClientId())
                .setSalesChannelId(event.getSalesChannelId())
                .setEntityType(event.getEntityType())
                .setEntityId(event.getEntityId())
                .setAttributeCode(event.getAttributeCode())
                .setOutcome(completion.outcome())
                .setTargetId(completion.targetId())
                .setAttempts(completion.attempts())
                .setErrorCode(completion.code())
                .setErrorMessage(completion.message() == null ? null : truncate(completion.message()))
                .setService(service)
                .setFinishedAt(clock.instant())
                .setTraceId(event.getTraceId())
                .build();
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
