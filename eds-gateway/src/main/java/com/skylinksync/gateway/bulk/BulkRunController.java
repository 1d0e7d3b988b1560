package com.skylinksync.gateway.bulk;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tracked bulk runs: start one (or dry-run it), list, show with live counts, cancel. */
@RestController
@Tag(name = "bulk runs")
class BulkRunController {

    private final BulkRuns runs;

    BulkRunController(BulkRuns runs) {
        this.runs = runs;
    }

    /**
     * @param type   customers, products (every configured channel's, unioned), price-groups, attributes (the options
     *               of the 8 attribute codes), outlets (every configured channel's, unioned) or fulfillments (the RE
     *               orders of Magento's active orders; needs the gateway's Magento settings)
     * @param since  ISO-8601 instant: leave out entities whose latest outcome (SYNCED or UNCHANGED) is at or after it
     *               (RE offers no changed-since enumeration, so this is "not synced since then")
     * @param dryRun count the entities and the RE calls it would cost, start nothing
     */
    record BulkRunRequest(String type, String since, Boolean dryRun) {
    }

    @PostMapping("/ops/bulk-runs")
    @Operation(summary = "Start a tracked bulk run (201 with the run), or with dryRun=true count what it would cost (200)")
    Mono<ResponseEntity<Object>> start(@RequestBody BulkRunRequest request) {
        return Mono.defer(() -> {
            BulkRuns.RunType type = BulkRuns.RunType.of(request.type() == null ? "" : request.type()).orElseThrow(() ->
                    new ProblemException(Problem.of("unsupported-bulk-type", "Unprocessable Content", 422,
                            "type must be one of " + BulkRuns.typeNames()).at("/type")));
            runs.unavailable(type).ifPresent(reason -> {
                throw new ProblemException(Problem.of("bulk-type-unavailable", "Unprocessable Content", 422, reason).at("/type"));
            });
            Instant since;
            try {
                since = request.since() == null ? null : Instant.parse(request.since());
            } catch (DateTimeParseException e) {
                throw new ProblemException(Problem.of("invalid-bulk-run", "Bad Request", 400,
                        "since must be an ISO-8601 instant such as 2026-05-01T00:00:00Z").at("/since"));
            }
            if (Boolean.TRUE.equals(request.dryRun())) {
                return runs.dryRun(type, since).map(dryRun -> ResponseEntity.ok().<Object>body(dryRun));
            }
            return runs.start(type, since).flatMap(runs::find)
                    .map(run -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(run));
        });
    }

    @GetMapping("/ops/bulk-runs")
    @Operation(summary = "Bulk runs, newest first: operators' and RE's own (SalesChannel, BulkCustomer), with their counts")
    Mono<BulkRunView.Page> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(new ProblemException(Problem.badParameter("limit", "limit must be 1..500")));
        }
        return runs.list(limit);
    }

    @GetMapping("/ops/bulk-runs/{id}")
    @Operation(summary = "One bulk run with its live counts (done, unchanged, failed, pending), started and finished")
    Mono<BulkRunView> show(@PathVariable String id) {
        return runs.find(id).switchIfEmpty(Mono.error(() -> unknown(id)));
    }

    @PostMapping("/ops/bulk-runs/{id}/cancel")
    @Operation(summary = "Cancel an operator's bulk run: events not published yet are withdrawn (CANCELLED); published ones still sync")
    Mono<BulkRunView> cancel(@PathVariable String id) {
        return runs.find(id)
                .switchIfEmpty(Mono.error(() -> unknown(id)))
                .flatMap(run -> {
                    if (!"OPERATOR".equals(run.source())) {
                        return Mono.error(new ProblemException(Problem.of("not-cancellable", "Conflict", 409,
                                "Run " + id + " is Retail Express's own bulk change set; it is acknowledged to RE and cannot be cancelled")));
                    }
                    return runs.cancel(id).then(runs.find(id));
                });
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(Problem.of("unknown-bulk-run", "Not Found", 404,
                "No bulk run " + (id.length() <= 64 ? id : id.substring(0, 64) + "…")));
    }

}
