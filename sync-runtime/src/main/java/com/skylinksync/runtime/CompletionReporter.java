package com.skylinksync.runtime;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Emits one {@code EntitySynced} per entity outcome to {@code skylink.sync.completions}, keyed by change set
 * (entity id when there is none) so one change set's outcomes stay in order for the gateway.
 * Sends are awaited: an offset is committed only after its outcome is on Kafka.
 */
final class CompletionReporter {

    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String service;
    private final Clock clock;

    CompletionReporter(KafkaTemplate<String, SpecificRecord> kafka, String service, Clock clock) {
        this.kafka = kafka;
        this.service = service;
        this.clock = clock;
    }

    void succeeded(EntityChanged event, SyncResult result, int attempts) {
        send(event, result.outcome(), result.magentoId(), attempts, null, null);
    }

    void deadLettered(EntityChanged event, int attempts, String code, String message) {
        send(event, Outcome.DEAD_LETTERED, null, attempts, code, message);
    }

    private void send(EntityChanged event, Outcome outcome, String magentoId, int attempts, String code, String message) {
        var synced = EntitySynced.newBuilder()
                .setChangeSetId(event.getChangeSetId())
                .setOrigin(event.getOrigin())
                .setClientId(event.getClientId())
                .setSalesChannelId(event.getSalesChannelId())
                .setEntityType(event.getEntityType())
                .setEntityId(event.getEntityId())
                .setOutcome(outcome)
                .setMagentoId(magentoId)
                .setAttempts(attempts)
                .setErrorCode(code)
                .setErrorMessage(message == null ? null : truncate(message))
                .setService(service)
                .setFinishedAt(clock.instant())
                .setTraceId(event.getTraceId())
                .build();
        String key = event.getChangeSetId() != null ? event.getChangeSetId() : event.getEntityId();
        try {
            kafka.send(Topics.COMPLETIONS, key, synced).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reporting an outcome", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not reported means not done: the record is retried and its outcome reported again later.
            throw new IllegalStateException("Could not report the outcome of " + event.getEntityType() + " "
                    + event.getEntityId() + " to " + Topics.COMPLETIONS, e);
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
