package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.skylinksync.schemas.TraceIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The status API, read-only, for operators and the console: {@code GET /changesets} (filtered, paged, newest first)
 * and {@code GET /changesets/{id}} (one change set with a page of its entities).
 */
@RestController
class ChangeSetStatusController {

    static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGING", "ACKNOWLEDGED", "ACKNOWLEDGED_WITH_FAILURES",
            "ACKNOWLEDGEMENT_PARKED");
    /** Deep pages are an OFFSET scan; a console needing more narrows the time range instead. */
    static final int MAX_PAGE = 10_000;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_ENTITY_PAGE_SIZE = 10_000;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ChangeSetStatusController.class);

    private final DatabaseClient db;

    ChangeSetStatusController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/changesets")
    @Operation(summary = "Change sets, newest first, filtered by status and received time, paged",
            parameters = {
                    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = "string",
                            allowableValues = {"OPEN", "ACKNOWLEDGING", "ACKNOWLEDGED", "ACKNOWLEDGED_WITH_FAILURES",
                                    "ACKNOWLEDGEMENT_PARKED"})),
                    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Received at or after (ISO-8601 with offset)",
                            schema = @Schema(type = "string", format = "date-time")),
                    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Received before (ISO-8601 with offset)",
                            schema = @Schema(type = "string", format = "date-time")),
                    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0", maximum = "10000", defaultValue = "0")),
                    @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))},
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChangeSetSummary.Page.class))),
                    @ApiResponse(responseCode = "400", description = "A bad query parameter (named by parameter)",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "503", description = "Database unavailable",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))})
    Mono<ChangeSetSummary.Page> changeSets(@Parameter(hidden = true) ServerHttpRequest request) {
        return Mono.defer(() -> {
            QueryParameters query = new QueryParameters(request.getQueryParams());
            Optional<String> status = query.oneOf("status", STATUSES);
            Optional<Instant> from = query.instant("from");
            Optional<Instant> to = query.instant("to");
            int page = query.integer("page", 0, 0, MAX_PAGE);
            int size = query.integer("size", 50, 1, MAX_PAGE_SIZE);
            if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                throw QueryParameters.bad("from", "from must not be after to");
            }
            List<String> conditions = new ArrayList<>();
            status.ifPresent(s -> conditions.add("status = :status"));
            from.ifPresent(f -> conditions.add("received_at >= :from"));
            to.ifPresent(t -> conditions.add("received_at < :to"));
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            var count = bind(db.sql("SELECT count(*) AS total FROM change_set" + where), status, from, to)
                    .map(row -> row.get("total", Long.class)).one();
            var items = bind(db.sql("""
                            SELECT id, status, sales_channel_id, entity_count, received_at, acknowledged_at, ack_attempts, ack_error
                            FROM change_set""" + where + " ORDER BY received_at DESC, id LIMIT :limit OFFSET :offset"), status, from, to)
                    .bind("limit", size)
                    .bind("offset", (long) page * size)
                    .map(row -> {
                        Instant received = instant(row.get("received_at", OffsetDateTime.class));
                        Instant acknowledged = instant(row.get("acknowledged_at", OffsetDateTime.class));
                        return new ChangeSetSummary(row.get("id", String.class), row.get("status", String.class),
                                row.get("sales_channel_id", Integer.class), row.get("entity_count", Integer.class), received,
                                acknowledged, millisBetween(received, acknowledged), row.get("ack_attempts", Integer.class),
                                row.get("ack_error", String.class));
                    })
                    .all().collectList();
            return Mono.zip(items, count).map(result -> new ChangeSetSummary.Page(result.getT1(), page, size, result.getT2()));
        }).onErrorMap(e -> !(e instanceof ProblemException), ChangeSetStatusController::unavailable);
    }

    @GetMapping("/changesets/{id}")
    @Operation(summary = "One change set: status, acknowledgement timing, outcome counts, bulk enumerations and a page of entities",
            parameters = {
                    @Parameter(name = "entityPage", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0", defaultValue = "0")),
                    @Parameter(name = "entitySize", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "1000"))},
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChangeSetView.class))),
                    @ApiResponse(responseCode = "400", description = "A bad query parameter",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "404", description = "No such change set",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "503", description = "Database unavailable",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))})
    Mono<ChangeSetView> changeSet(@PathVariable String id, @Parameter(hidden = true) ServerHttpRequest request) {
        return Mono.defer(() -> {
            QueryParameters query = new QueryParameters(request.getQueryParams());
            int entityPage = query.integer("entityPage", 0, 0, MAX_PAGE);
            int entitySize = query.integer("entitySize", 1000, 1, MAX_ENTITY_PAGE_SIZE);
            return header(id)
                    .flatMap(changeSet -> Mono.zip(outcomes(id), bulk(id), entities(id, changeSet.receivedAt(), entityPage, entitySize))
                            .map(parts -> new ChangeSetView(changeSet.changeSetId(), changeSet.idDerived(), changeSet.clientId(),
                                    changeSet.salesChannelId(), changeSet.traceId(), changeSet.status(), changeSet.receivedAt(),
                                    changeSet.acknowledgedAt(), changeSet.receiptToAcknowledgementMillis(), changeSet.ackAttempts(),
                                    changeSet.ackError(), parts.getT1(), parts.getT2(), entityPage, entitySize,
                                    parts.getT1().values().stream().mapToLong(Long::longValue).sum(), parts.getT3())))
                    .switchIfEmpty(Mono.error(() -> new ProblemException(Problem.of("unknown-change-set", "Not Found", 404,
                            "No change set " + (id.length() <= 64 ? id : id.substring(0, 64) + "…") + " is registered"))));
        }).onErrorMap(e -> !(e instanceof ProblemException), ChangeSetStatusController::unavailable);
    }

    private Mono<ChangeSetView> header(String id) {
        return db.sql("""
                        SELECT id, id_derived, client_id, sales_channel_id, trace_id, status, received_at, acknowledged_at,
                               ack_attempts, ack_error
                        FROM change_set WHERE id = :id""")
                .bind("id", id)
                .map(row -> {
                    Instant received = instant(row.get("received_at", OffsetDateTime.class));
                    Instant acknowledged = instant(row.get("acknowledged_at", OffsetDateTime.class));
                    return new ChangeSetView(row.get("id", String.class), Boolean.TRUE.equals(row.get("id_derived", Boolean.class)),
                            row.get("client_id", UUID.class), row.get("sales_channel_id", Integer.class), TraceIds.w3c(row.get("trace_id", UUID.class)),
                            row.get("status", String.class), received, acknowledged, millisBetween(received, acknowledged),
                            row.get("ack_attempts", Integer.class), row.get("ack_error", String.class), Map.of(), List.of(), 0, 0, 0,
                            List.of());
                })
                .one();
    }

    private Mono<Map<String, Long>> outcomes(String id) {
        return db.sql("SELECT outcome, count(*) AS entities FROM change_set_entity WHERE change_set_id = :id GROUP BY outcome ORDER BY outcome")
                .bind("id", id)
                .map(row -> Map.entry(row.get("outcome", String.class), row.get("entities", Long.class)))
                .all()
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    private Mono<List<ChangeSetView.BulkView>> bulk(String id) {
        return db.sql("""
                        SELECT eds_type, entity_id, status, attempts, enumerated, last_error, finished_at
                        FROM bulk_expansion WHERE change_set_id = :id ORDER BY eds_type, entity_id""")
                .bind("id", id)
                .map(row -> new ChangeSetView.BulkView(row.get("eds_type", String.class), row.get("entity_id", String.class),
                        row.get("status", String.class), row.get("attempts", Integer.class), row.get("enumerated", Integer.class),
                        row.get("last_error", String.class), instant(row.get("finished_at", OffsetDateTime.class))))
                .all()
                .collectList();
    }

    private Mono<List<ChangeSetView.EntityView>> entities(String id, Instant receivedAt, int page, int size) {
        return db.sql("""
                        SELECT eds_type, entity_id, origin, attribute_code, outcome, attempts, error_code, error_message, service, finished_at
                        FROM change_set_entity WHERE change_set_id = :id ORDER BY origin DESC, eds_type, entity_id
                        LIMIT :limit OFFSET :offset""")
                .bind("id", id)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(row -> {
                    Instant finished = instant(row.get("finished_at", OffsetDateTime.class));
                    return new ChangeSetView.EntityView(row.get("eds_type", String.class), row.get("entity_id", String.class),
                            row.get("origin", String.class), row.get("attribute_code", String.class), row.get("outcome", String.class),
                            row.get("attempts", Integer.class), row.get("error_code", String.class),
                            row.get("error_message", String.class), row.get("service", String.class), finished,
                            millisBetween(receivedAt, finished));
                })
                .all()
                .collectList();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Optional<String> status,
                                                          Optional<Instant> from, Optional<Instant> to) {
        if (status.isPresent()) {
            spec = spec.bind("status", status.get());
        }
        if (from.isPresent()) {
            spec = spec.bind("from", from.get().atOffset(ZoneOffset.UTC));
        }
        if (to.isPresent()) {
            spec = spec.bind("to", to.get().atOffset(ZoneOffset.UTC));
        }
        return spec;
    }

    private static ProblemException unavailable(Throwable cause) {
        // The cause stays out of the answer (no exception names to callers); operators see it in the log.
        log.warn("Status query failed; answering 503: {}", cause.toString());
        return ProblemException.unavailable("The change set registry is unavailable. Retry later.", RETRY_AFTER);
    }

    private static Long millisBetween(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
