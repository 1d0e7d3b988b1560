package com.skylinksync.gateway.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable queue of bulk entities to enumerate ({@code bulk_expansion}) and the change-set rows they fill. Every
 * step is one conditional statement, so replicas racing for a request, or a request taken over after a crash, cannot
 * record an entity twice.
 */
@Component
class BulkQueue {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final DatabaseClient db;

    BulkQueue(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Claims the most overdue pending request: pushes its next attempt a lease into the future, so no other replica
     * takes it unless this one dies. {@code SKIP LOCKED} hands each row to one replica.
     */
    Mono<BulkRequest> claimNext(Duration lease) {
        return db.sql("""
                        UPDATE bulk_expansion b SET attempts = b.attempts + 1, next_attempt_at = now() + make_interval(secs => :lease)
                        FROM change_set c
                        WHERE c.id = b.change_set_id AND (b.change_set_id, b.eds_type, b.entity_id) = (
                            SELECT change_set_id, eds_type, entity_id FROM bulk_expansion
                            WHERE status = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING b.change_set_id, b.eds_type, b.entity_id, b.attempts, c.client_id, c.sales_channel_id, c.trace_id, c.since""")
                .bind("lease", seconds(lease))
                .map(row -> new BulkRequest(row.get("change_set_id", String.class), row.get("eds_type", String.class),
                        row.get("entity_id", String.class), row.get("attempts", Integer.class), row.get("client_id", UUID.class),
                        row.get("sales_channel_id", Integer.class), row.get("trace_id", UUID.class),
                        Optional.ofNullable(row.get("since", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant).orElse(null)))
                .one();
    }

    /**
     * Adds enumerated entities to the change set; returns the ids that were not in it yet (named by RE itself, or
     * added by an earlier attempt at this request). Only those get an event: a retried enumeration publishes nothing twice.
     */
    Flux<BulkKind.Enumerated> addEntities(BulkRequest request, BulkKind kind, List<BulkKind.Enumerated> entities) {
        // '' stands for "no attribute code" in the array: a NULL element is not worth the driver's edge cases.
        return db.sql("""
                        INSERT INTO change_set_entity (change_set_id, eds_type, entity_id, entity_type, attribute_code, outcome, origin)
                        SELECT :changeSet, e.eds_type, e.id, :entityType, NULLIF(e.code, ''), 'PENDING', 'BULK'
                        FROM unnest(CAST(:edsTypes AS varchar[]), CAST(:ids AS varchar[]), CAST(:codes AS varchar[])) AS e(eds_type, id, code)
                        WHERE CAST(:since AS timestamptz) IS NULL OR NOT EXISTS (
                            SELECT 1 FROM change_set_entity s WHERE s.entity_type = :entityType AND s.entity_id = e.id
                              AND s.attribute_code IS NOT DISTINCT FROM NULLIF(e.code, '')
                              AND s.outcome IN ('SYNCED', 'UNCHANGED') AND s.finished_at >= CAST(:since AS timestamptz))
                        ON CONFLICT DO NOTHING
                        RETURNING eds_type, entity_id, attribute_code""")
                .bind("changeSet", request.changeSetId())
                .bind("entityType", kind.entityType().name())
                .bind("edsTypes", entities.stream().map(BulkKind.Enumerated::edsType).toArray(String[]::new))
                .bind("ids", entities.stream().map(BulkKind.Enumerated::entityId).toArray(String[]::new))
                .bind("codes", entities.stream().map(e -> e.attributeCode() == null ? "" : e.attributeCode()).toArray(String[]::new))
                .bind("since", since(request))
                .map(row -> new BulkKind.Enumerated(row.get("eds_type", String.class), row.get("attribute_code", String.class),
                        row.get("entity_id", String.class)))
                .all();
    }

    /** Every enumerated entity is in the change set: the bulk entity itself is done (terminal: EXPANDED). */
    Mono<Void> finish(BulkRequest request, int enumerated) {
        return db.sql("""
                        UPDATE bulk_expansion SET status = 'DONE', enumerated = :enumerated, last_error = NULL, finished_at = now()
                        WHERE change_set_id = :changeSet AND eds_type = :edsType AND entity_id = :entityId AND status = 'PENDING'""")
                .bind("enumerated", enumerated)
                .bind("changeSet", request.changeSetId()).bind("edsType", request.edsType()).bind("entityId", request.entityId())
                .fetch().rowsUpdated()
                .then(closeEntity(request, "EXPANDED", null, null));
    }

    /** Enumeration failed in a way that may pass: try again after {@code delay}, and show why meanwhile. */
    Mono<Void> retryLater(BulkRequest request, Duration delay, String error) {
        return db.sql("""
                        UPDATE bulk_expansion SET next_attempt_at = now() + make_interval(secs => :delay), last_error = :error
                        WHERE change_set_id = :changeSet AND eds_type = :edsType AND entity_id = :entityId AND status = 'PENDING'""")
                .bind("delay", seconds(delay)).bind("error", truncate(error))
                .bind("changeSet", request.changeSetId()).bind("edsType", request.edsType()).bind("entityId", request.entityId())
                .fetch().rowsUpdated()
                .then(db.sql("""
                                UPDATE change_set_entity SET attempts = :attempts, error_message = :error
                                WHERE change_set_id = :changeSet AND eds_type = :edsType AND entity_id = :entityId""")
                        .bind("attempts", request.attempts()).bind("error", truncate(error))
                        .bind("changeSet", request.changeSetId()).bind("edsType", request.edsType()).bind("entityId", request.entityId())
                        .fetch().rowsUpdated())
                .then();
    }

    /**
     * Enumeration cannot succeed (RE refuses it for good, or the request makes no sense here): the bulk entity gets a
     * terminal outcome with the reason, so the change set can still be acknowledged, with failures if it is one.
     */
    Mono<Void> giveUp(BulkRequest request, String outcome, String errorCode, String error) {
        return db.sql("""
                        UPDATE bulk_expansion SET status = 'FAILED', last_error = :error, finished_at = now()
                        WHERE change_set_id = :changeSet AND eds_type = :edsType AND entity_id = :entityId AND status = 'PENDING'""")
                .bind("error", truncate(error))
                .bind("changeSet", request.changeSetId()).bind("edsType", request.edsType()).bind("entityId", request.entityId())
                .fetch().rowsUpdated()
                .then(closeEntity(request, outcome, errorCode, error));
    }

    private Mono<Void> closeEntity(BulkRequest request, String outcome, String errorCode, String error) {
        var spec = db.sql("""
                        UPDATE change_set_entity SET outcome = :outcome, attempts = :attempts, error_code = :errorCode,
                            error_message = :error, service = 'eds-gateway', finished_at = now()
                        WHERE change_set_id = :changeSet AND eds_type = :edsType AND entity_id = :entityId AND outcome = 'PENDING'""")
                .bind("outcome", outcome).bind("attempts", request.attempts())
                .bind("changeSet", request.changeSetId()).bind("edsType", request.edsType()).bind("entityId", request.entityId());
        spec = errorCode == null ? spec.bindNull("errorCode", String.class) : spec.bind("errorCode", errorCode);
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", truncate(error));
        return spec.fetch().rowsUpdated().then();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** A typed null when the run has no {@code --since}: PostgreSQL must know the parameter's type either way. */
    private static io.r2dbc.spi.Parameter since(BulkRequest request) {
        return request.since() == null ? io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.TIMESTAMP_WITH_TIME_ZONE)
                : io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.TIMESTAMP_WITH_TIME_ZONE, request.since().atOffset(java.time.ZoneOffset.UTC));
    }
}
