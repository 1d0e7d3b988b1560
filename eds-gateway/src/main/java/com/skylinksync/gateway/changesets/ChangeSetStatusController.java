package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /changesets/{id}}: read-only status of one change set and its entities, for operators and the console. */
@RestController
class ChangeSetStatusController {

    private final DatabaseClient db;

    ChangeSetStatusController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/changesets/{id}")
    Mono<ChangeSetView> changeSet(@PathVariable String id) {
        Mono<ChangeSetView> header = db.sql("""
                        SELECT id, id_derived, client_id, sales_channel_id, trace_id, status, received_at, acknowledged_at,
                               ack_attempts, ack_error
                        FROM change_set WHERE id = :id""")
                .bind("id", id)
                .map(row -> new ChangeSetView(row.get("id", String.class), Boolean.TRUE.equals(row.get("id_derived", Boolean.class)),
                        row.get("client_id", UUID.class), row.get("sales_channel_id", Integer.class), row.get("trace_id", UUID.class),
                        row.get("status", String.class), instant(row.get("received_at", OffsetDateTime.class)),
                        instant(row.get("acknowledged_at", OffsetDateTime.class)), row.get("ack_attempts", Integer.class),
                        row.get("ack_error", String.class), List.of()))
                .one();
        return header
                .flatMap(changeSet -> db.sql("""
                                SELECT eds_type, entity_id, attribute_code, outcome, attempts, error_code, error_message, service, finished_at
                                FROM change_set_entity WHERE change_set_id = :id ORDER BY eds_type, entity_id""")
                        .bind("id", id)
                        .map(row -> new ChangeSetView.EntityView(row.get("eds_type", String.class), row.get("entity_id", String.class),
                                row.get("attribute_code", String.class), row.get("outcome", String.class),
                                row.get("attempts", Integer.class), row.get("error_code", String.class),
                                row.get("error_message", String.class), row.get("service", String.class),
                                instant(row.get("finished_at", OffsetDateTime.class))))
                        .all()
                        .collectList()
                        .map(entities -> new ChangeSetView(changeSet.changeSetId(), changeSet.idDerived(), changeSet.clientId(),
                                changeSet.salesChannelId(), changeSet.traceId(), changeSet.status(), changeSet.receivedAt(),
                                changeSet.acknowledgedAt(), changeSet.ackAttempts(), changeSet.ackError(), entities)))
                .switchIfEmpty(Mono.error(() -> new ProblemException(Problem.of("unknown-change-set", "Not Found", 404,
                        "No change set " + (id.length() <= 64 ? id : id.substring(0, 64) + "…") + " is registered"))))
                .onErrorMap(e -> !(e instanceof ProblemException),
                        e -> ProblemException.unavailable("The change set registry is unavailable: " + e.getClass().getSimpleName(),
                                Duration.ofSeconds(10)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
