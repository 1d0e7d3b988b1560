package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import com.skylinksync.schemas.TraceIds;
import com.skylinksync.schemas.avro.EntityType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An entity's history as the gateway saw it: every change set (EDS, bulk run, redrive) that named it, with the outcome
 * the sync service reported, attempts, error and trace id, newest first. The owning service's own status
 * ({@code GET /entities/{type}/{id}} on it) says what it holds now.
 */
@RestController
@Tag(name = "entity status")
class EntityHistoryController {

    private final DatabaseClient db;

    EntityHistoryController(DatabaseClient db) {
        this.db = db;
    }

    record Event(String changeSetId, String origin, Instant receivedAt, String outcome, int attempts, String errorCode,
                 String errorMessage, String service, Instant finishedAt, String traceId) {
    }

    record History(String type, String entityId, String latest, List<Event> history) {
    }

    @GetMapping("/ops/entities/{type}/{id}")
    @Operation(summary = "An entity's history (type as customer, price-group, product, order, magento-customer, ...), newest first;"
            + " latest is NEVER_SYNCED when no change set named it")
    Mono<History> history(@PathVariable String type, @PathVariable String id) {
        EntityType entityType = parse(type);
        return db.sql("""
                        SELECT e.change_set_id, e.origin, c.received_at, e.outcome, e.attempts, e.error_code, e.error_message,
                               e.service, e.finished_at, c.trace_id
                        FROM change_set_entity e JOIN change_set c ON c.id = e.change_set_id
                        WHERE e.entity_type = :type AND e.entity_id = :id
                        ORDER BY c.received_at DESC, e.change_set_id LIMIT 200""")
                .bind("type", entityType.name()).bind("id", id)
                .map(row -> new Event(row.get("change_set_id", String.class), row.get("origin", String.class),
                        instant(row.get("received_at", OffsetDateTime.class)), row.get("outcome", String.class),
                        row.get("attempts", Integer.class), row.get("error_code", String.class), row.get("error_message", String.class),
                        row.get("service", String.class), instant(row.get("finished_at", OffsetDateTime.class)), TraceIds.w3c(row.get("trace_id", UUID.class))))
                .all()
                .collectList()
                .map(events -> new History(type, id, events.isEmpty() ? "NEVER_SYNCED" : events.getFirst().outcome(), events));
    }

    private static EntityType parse(String type) {
        try {
            return EntityType.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("unknown-entity-type", "Not Found", 404, "No entity type " + (type.length() <= 40 ? type : "")
                    + "; one of " + Arrays.stream(EntityType.values()).map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
