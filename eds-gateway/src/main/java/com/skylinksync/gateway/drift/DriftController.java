package com.skylinksync.gateway.drift;

import com.skylinksync.drift.DriftCategory;
import com.skylinksync.drift.DriftCost;
import com.skylinksync.drift.DriftReport;
import com.skylinksync.drift.DriftReportFormat;
import com.skylinksync.drift.DriftScope;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Drift: compare RE with Magento (in the background), read the last report or any report as JSON or CSV, and heal
 * a report's drift as a tracked run. Behind the operator filter like every {@code /ops} route: reading needs the
 * read-only role, running and healing the operator role.
 */
@RestController
@Tag(name = "drift")
class DriftController {

    private final DriftReports reports;
    private final DriftHealRuns heals;
    private final com.skylinksync.drift.DriftProperties properties;

    DriftController(DriftReports reports, DriftHealRuns heals, com.skylinksync.drift.DriftProperties properties) {
        this.reports = reports;
        this.heals = heals;
        this.properties = properties;
    }

    /**
     * @param scope   products, customers, orders or all (default all)
     * @param channel one of the compared RE sales channels only (skylink.drift.channels); all of them when absent
     * @param dryRun  state the cost (RE calls, time at the budget share) without comparing
     */
    record DriftRequest(String scope, Integer channel, Boolean dryRun) {
    }

    /** A comparison started; its report becomes {@code GET /ops/drift/reports/latest} when it is done. */
    record Started(String scope, java.time.Instant startedAt, String status) {
    }

    /** @param category one category's items only (e.g. price), or all healable items when absent */
    record HealRequest(String category) {
    }

    @PostMapping("/ops/drift")
    @Operation(summary = "Start a comparison of RE with Magento (202; the report is then GET /ops/drift/reports/latest), "
            + "or with dryRun=true state its cost: RE calls and time at the configured budget share (200)")
    Mono<ResponseEntity<Object>> run(@RequestBody(required = false) DriftRequest request) {
        return Mono.defer(() -> {
            DriftScope scope = scope(request == null ? null : request.scope());
            Integer channel = request == null ? null : request.channel();
            if (channel != null && !properties.channels().containsKey(channel)) {
                throw new ProblemException(Problem.of("invalid-drift-channel", "Unprocessable Content", 422, "channel " + channel
                        + " is not compared; skylink.drift.channels has " + properties.channelIds()).at("/channel"));
            }
            if (request != null && Boolean.TRUE.equals(request.dryRun())) {
                return reports.estimate(scope, channel).map(cost -> ResponseEntity.ok().<Object>body(cost));
            }
            return reports.start(scope, channel).map(running -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .<Object>body(new Started(running.scope(), running.startedAt(), "RUNNING")));
        });
    }

    @GetMapping("/ops/drift")
    @Operation(summary = "Whether a comparison is running on this replica")
    Mono<Started> status() {
        var running = reports.running();
        return Mono.justOrEmpty(running).map(r -> new Started(r.scope(), r.startedAt(), "RUNNING"))
                .switchIfEmpty(Mono.error(() -> new ProblemException(Problem.of("drift-idle", "Not Found", 404,
                        "No comparison is running on this replica; the last report is GET /ops/drift/reports/latest"))));
    }

    @GetMapping(value = "/ops/drift/reports/latest", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The last report: every difference with its category and both sides' values (format=json, csv or table)")
    Mono<ResponseEntity<String>> latest(@RequestParam(defaultValue = "json") String format) {
        return render(reports.latest(), format, "latest");
    }

    @GetMapping(value = "/ops/drift/reports/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "One report by id (format=json, csv as a download, or table as people read it)")
    Mono<ResponseEntity<String>> report(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        return render(reports.find(id), format, id);
    }

    @PostMapping("/ops/drift/reports/{id}/heal")
    @Operation(summary = "Heal a report's drift: a tracked run (GET /ops/bulk-runs/{runId}) of corrective syncs with origin "
            + "DRIFT at backlog priority; what cannot be healed is listed with its reason")
    Mono<ResponseEntity<DriftHealRuns.Started>> heal(@PathVariable String id, @RequestBody(required = false) HealRequest request) {
        return Mono.defer(() -> {
            DriftCategory category = category(request == null ? null : request.category());
            Mono<DriftReport> report = "latest".equals(id) ? reports.latest() : reports.find(id);
            return report.switchIfEmpty(Mono.error(() -> unknown(id)))
                    .flatMap(found -> heals.heal(found, category))
                    .map(started -> ResponseEntity.status(started.runId() == null ? HttpStatus.OK : HttpStatus.CREATED).body(started));
        });
    }

    private static Mono<ResponseEntity<String>> render(Mono<DriftReport> report, String format, String id) {
        if (!format.equals("json") && !format.equals("csv") && !format.equals("table")) {
            return Mono.error(new ProblemException(Problem.badParameter("format", "format must be json, csv or table")));
        }
        return report.switchIfEmpty(Mono.error(() -> unknown(id))).map(found -> switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + found.id() + ".csv\"")
                    .body(DriftReportFormat.csv(found));
            case "table" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body(DriftReportFormat.table(found));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DriftReportFormat.json(found));
        });
    }

    private static DriftScope scope(String name) {
        try {
            return name == null ? DriftScope.ALL : DriftScope.of(name);
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(Problem.of("invalid-drift-scope", "Unprocessable Content", 422, unknown.getMessage()).at("/scope"));
        }
    }

    private static DriftCategory category(String name) {
        try {
            return name == null || name.isBlank() ? null : DriftCategory.of(name);
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(Problem.of("invalid-drift-category", "Unprocessable Content", 422, unknown.getMessage()
                    + "; categories: " + java.util.Arrays.stream(DriftCategory.values()).map(DriftCategory::label).toList()).at("/category"));
        }
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(Problem.of("unknown-drift-report", "Not Found", 404,
                "latest".equals(id) ? "No drift report yet: POST /ops/drift runs one"
                        : "No drift report " + (id.length() <= 64 ? id : id.substring(0, 64) + "…")));
    }
}
