package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.changesets.EntityOutcome;
import com.skylinksync.gateway.errorlog.ErrorLog;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntitySynced;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records each entity outcome the sync services report and, when a change set is complete, has it acknowledged.
 * Delivery is at least once: a repeated or late record is harmless because an outcome only replaces an older one,
 * a non-terminal outcome never replaces a terminal one, and the acknowledgement claim succeeds once.
 */
@Component
class CompletionListener {

    private static final Logger log = LoggerFactory.getLogger(CompletionListener.class);
    /** Longer than the database pool's acquire timeout, so a database outage surfaces as its own error. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ID = 64;

    private final DatabaseClient db;
    private final Acknowledgements acknowledgements;
    private final MeterRegistry meters;
    private final ErrorLog errorLog;

    CompletionListener(DatabaseClient db, Acknowledgements acknowledgements, MeterRegistry meters, ErrorLog errorLog) {
        this.db = db;
        this.acknowledgements = acknowledgements;
        this.meters = meters;
        this.errorLog = errorLog;
    }

    /**
     * Blocks the listener thread on the database on purpose: the offset is committed only after the outcome is
     * stored, and a database outage makes the error handler retry the same record with backoff instead of skipping it.
     */
    @KafkaListener(id = "eds-gateway-completions", topics = Topics.COMPLETIONS, groupId = "eds-gateway")
    void onCompletion(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof EntitySynced synced)) {
            log.warn("Skipping a {} on {} at {}-{}: not an EntitySynced", record.value() == null ? "null" : record.value().getSchema().getName(),
                    record.topic(), record.partition(), record.offset());
            return;
        }
        // Failures go to the console's error log whether or not a change set waits for them (Magento-side pushes have none).
        errorLog.record(synced, record.topic() + ":" + record.partition() + ":" + record.offset()).block(DATABASE_WAIT);
        String changeSetId = synced.getChangeSetId();
        if (changeSetId == null) {
            return; // bulk or single syncs: no change set waits for them
        }
        if (changeSetId.length() > MAX_ID || synced.getEntityId().length() > MAX_ID) {
            log.warn("Skipping a completion with an over-long change set or entity id at {}-{}", record.partition(), record.offset());
            return;
        }
        meters.counter("skylink.gateway.completions", "outcome", synced.getOutcome().name()).increment();
        boolean terminal = EntityOutcome.valueOf(synced.getOutcome().name()).terminal();
        try (var c = MDC.putCloseable("skylink.changeSetId", changeSetId);
             var t = MDC.putCloseable("skylink.entityType", synced.getEntityType().name());
             var e = MDC.putCloseable("skylink.entityId", synced.getEntityId())) {
            record(synced, terminal)
                    .then(terminal ? acknowledgements.acknowledgeIfComplete(changeSetId) : Mono.empty())
                    .block(DATABASE_WAIT);
        }
    }

    private Mono<Long> record(EntitySynced synced, boolean terminal) {
        // finished_at orders reports of one entity: an older report arriving late does not overwrite a newer one.
        // The attribute code tells attribute options of the same id apart (Brand 7, Colour 7); null for other types.
        String sql = """
                UPDATE change_set_entity SET outcome = :outcome, attempts = GREATEST(attempts, :attempts),
                    error_code = :errorCode, error_message = :errorMessage, service = :service, finished_at = :finishedAt
                WHERE change_set_id = :changeSetId AND entity_type = :entityType AND entity_id = :entityId
                  AND attribute_code IS NOT DISTINCT FROM :attributeCode
                  AND outcome NOT IN ('UNSUPPORTED', 'IGNORED')
                  AND (finished_at IS NULL OR finished_at <= :finishedAt)""";
        if (!terminal) {
            sql += " AND outcome IN " + EntityOutcome.sqlList(outcome -> !outcome.terminal());
        }
        var spec = db.sql(sql)
                .bind("outcome", synced.getOutcome().name())
                .bind("attempts", synced.getAttempts())
                .bind("service", truncate(synced.getService(), 64))
                .bind("finishedAt", synced.getFinishedAt().atOffset(ZoneOffset.UTC))
                .bind("changeSetId", synced.getChangeSetId())
                .bind("entityType", synced.getEntityType().name())
                .bind("entityId", synced.getEntityId());
        spec = synced.getAttributeCode() == null ? spec.bindNull("attributeCode", String.class)
                : spec.bind("attributeCode", synced.getAttributeCode());
        spec = synced.getErrorCode() == null ? spec.bindNull("errorCode", String.class) : spec.bind("errorCode", truncate(synced.getErrorCode(), 128));
        spec = synced.getErrorMessage() == null ? spec.bindNull("errorMessage", String.class)
                : spec.bind("errorMessage", truncate(synced.getErrorMessage(), 4000));
        return spec.fetch().rowsUpdated()
                .doOnNext(updated -> {
                    if (updated == 0) {
                        log.debug("Completion {} {} of change set {} changed nothing (unknown, repeated or stale)",
                                synced.getEntityType(), EntityKey.of(synced), synced.getChangeSetId());
                    }
                });
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
