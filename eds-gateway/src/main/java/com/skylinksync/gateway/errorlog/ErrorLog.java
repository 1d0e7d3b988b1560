package com.skylinksync.gateway.errorlog;

import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The log of recent errors: every failure outcome a sync service reported (retried failures as WARN, dead letters and
 * parked writes as ERROR), newest {@value #KEPT} kept. The console's errors page and {@code GET /ops/errors} read it.
 */
@Component
public class ErrorLog {

    /** How many entries are kept; older ones are purged as new ones arrive. */
    static final int KEPT = 10_000;
    /** Purge once every this many entries rather than on each insert. */
    private static final int PURGE_EVERY = 500;

    private final DatabaseClient db;

    ErrorLog(DatabaseClient db) {
        this.db = db;
    }

    /** A level of the log; a filter by level means "this level and higher", as the original's log page did. */
    enum Level {
        WARN, ERROR;

        List<String> andHigher() {
            return this == WARN ? List.of("WARN", "ERROR") : List.of("ERROR");
        }
    }

    /**
     * One entry.
     *
     * @param id            ascending: a live view asks for the entries after the newest it holds
     * @param loggedAt      when the outcome was reached (the service's finished-at)
     * @param level         WARN (failed, being retried) or ERROR (dead-lettered or parked: an operator is needed)
     * @param outcome       FAILED, DEAD_LETTERED or PARKED
     * @param service       the service that reported it
     * @param entityType    the entity's type (CUSTOMER, PRODUCT, ...)
     * @param entityId      its id
     * @param attributeCode for attribute options, the attribute
     * @param changeSetId   the change set (or bulk run, single sync, redrive) it belonged to, if any
     * @param traceId       the trace id of its events and logs
     * @param attempts      attempts made so far
     * @param errorCode     the error code the service gave
     * @param message       the error message
     */
    record Entry(long id, Instant loggedAt, String level, String outcome, String service, String entityType, String entityId,
                        String attributeCode, String changeSetId, String traceId, int attempts, String errorCode, String message) {
    }

    /** Entries newest first, and the newest id there is (0 when the log is empty), to ask for what comes after it. */
    record Page(List<Entry> items, long latestId) {
    }

    /** Logs a completion if it reports a failure; anything else is not an error and is ignored. */
    public Mono<Void> record(EntitySynced synced, String recordRef) {
        Outcome outcome = synced.getOutcome();
        if (outcome != Outcome.FAILED && outcome != Outcome.DEAD_LETTERED && outcome != Outcome.PARKED) {
            return Mono.empty();
        }
        var spec = db.sql("""
                        INSERT INTO error_log (record_ref, logged_at, level, outcome, service, entity_type, entity_id, attribute_code,
                                               change_set_id, trace_id, attempts, error_code, message)
                        VALUES (:ref, :at, :level, :outcome, :service, :type, :entityId, :attributeCode, :changeSetId, :traceId,
                                :attempts, :errorCode, :message)
                        ON CONFLICT (record_ref) DO NOTHING RETURNING id""")
                .bind("ref", truncate(recordRef, 300))
                .bind("at", synced.getFinishedAt().atOffset(ZoneOffset.UTC))
                .bind("level", outcome == Outcome.FAILED ? Level.WARN.name() : Level.ERROR.name())
                .bind("outcome", outcome.name())
                .bind("service", truncate(synced.getService(), 64))
                .bind("type", synced.getEntityType().name())
                .bind("entityId", truncate(synced.getEntityId(), 64))
                .bind("attempts", synced.getAttempts());
        spec = bindNullable(spec, "attributeCode", synced.getAttributeCode(), 64);
        spec = bindNullable(spec, "changeSetId", synced.getChangeSetId(), 64);
        spec = bindNullable(spec, "traceId", synced.getTraceId(), 64);
        spec = bindNullable(spec, "errorCode", synced.getErrorCode(), 128);
        spec = bindNullable(spec, "message", synced.getErrorMessage(), 4000);
        return spec.map(row -> row.get("id", Long.class)).one()
                .filter(id -> id % PURGE_EVERY == 0)
                .flatMap(id -> db.sql("DELETE FROM error_log WHERE id <= :oldest").bind("oldest", id - KEPT).fetch().rowsUpdated())
                .then();
    }

    /** Newest first: at most {@code limit} entries of {@code level} and higher, with an id above {@code after}. */
    Mono<Page> read(Level level, long after, int limit) {
        var items = db.sql("""
                        SELECT id, logged_at, level, outcome, service, entity_type, entity_id, attribute_code, change_set_id, trace_id,
                               attempts, error_code, message
                        FROM error_log WHERE id > :after AND level IN (:levels) ORDER BY id DESC LIMIT :limit""")
                .bind("after", after)
                .bind("levels", level.andHigher())
                .bind("limit", limit)
                .map(row -> new Entry(row.get("id", Long.class), row.get("logged_at", OffsetDateTime.class).toInstant(),
                        row.get("level", String.class), row.get("outcome", String.class), row.get("service", String.class),
                        row.get("entity_type", String.class), row.get("entity_id", String.class), row.get("attribute_code", String.class),
                        row.get("change_set_id", String.class), row.get("trace_id", String.class), row.get("attempts", Integer.class),
                        row.get("error_code", String.class), row.get("message", String.class)))
                .all()
                .collectList();
        var latest = db.sql("SELECT coalesce(max(id), 0) AS latest FROM error_log").map(row -> row.get("latest", Long.class)).one();
        return Mono.zip(items, latest).map(parts -> new Page(parts.getT1(), parts.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, CharSequence value,
                                                                  int max) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, truncate(value.toString(), max));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
