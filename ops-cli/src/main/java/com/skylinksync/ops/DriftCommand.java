package com.skylinksync.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink drift [products|customers|orders|all]}: compare Retail Express with Magento through the operator API
 * ({@code POST /ops/drift}), wait for the report and print it as a table, {@code --json} or {@code --csv}; with
 * {@code --heal} start the corrective syncs as a tracked run and follow it; {@code --dry-run} states the cost first.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare Retail Express with Magento and report every difference (products, customers, orders or all),",
                "reading both systems and writing nothing; --heal then publishes corrective syncs as a tracked run.",
                "Exit 0 when the comparison was complete (drift or not), 1 when it stopped early (see its note)."})
final class DriftCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "SCOPE",
            description = "products, customers, orders or all (default all)")
    String scope;

    @Option(names = "--channel", paramLabel = "ID", description = "Only this RE sales channel (one of skylink.drift.channels).")
    Integer channel;

    @Option(names = "--csv", description = "Print the report as CSV (one row per difference).")
    boolean csv;

    @Option(names = "--latest", description = "Print the last report instead of comparing now.")
    boolean latest;

    @Option(names = "--dry-run", description = "State the cost (RE calls, time at the budget share); compare nothing.")
    boolean dryRun;

    @Option(names = "--heal", description = "After the report, heal its drift: corrective syncs (origin DRIFT) as a tracked run, followed.")
    boolean heal;

    @Option(names = "--category", paramLabel = "C", description = "With --heal: only this category (e.g. price, stock, customer-fields).")
    String category;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S", description = "How often progress is read (default PT1S).")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2H", description = "How long to wait for the report (default PT2H).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        OperatorApi api = api();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        body.put("dryRun", dryRun);
        if (channel != null) {
            body.put("channel", channel);
        }
        if (dryRun) {
            JsonNode cost = api.post("/ops/drift", Map.of(), body);
            if (!printedJson(cost)) {
                out().printf("Dry run: comparing %s costs about %d Retail Express calls (%d of them to count), %s at %.0f %% of RE's"
                                + " windows (%d calls/min); cap %d calls a run%s.%n", scope, cost.path("retailExpressCalls").asLong(),
                        cost.path("estimateCalls").asLong(), duration(cost.path("retailExpressTime")).toString()
                                .substring(2).toLowerCase(), cost.path("budgetShare").asDouble() * 100, cost.path("callsPerMinute").asInt(),
                        cost.path("callCap").asLong(), cost.path("withinCap").asBoolean() ? "" : " - OVER THE CAP: it would stop early");
                out().flush();
            }
            return ExitCode.OK;
        }
        String reportId;
        if (latest) {
            reportId = "latest";
        } else {
            JsonNode started = api.post("/ops/drift", Map.of(), body);
            Instant since = Instant.parse(started.path("startedAt").asString());
            reportId = awaitReport(api, since);
        }
        String format = options.json ? "json" : csv ? "csv" : "table";
        String report = api.getText("/ops/drift/reports/" + OperatorApi.segment(reportId), Map.of("format", format));
        out().print(report.endsWith("\n") ? report : report + "\n");
        out().flush();
        JsonNode summary = api.get("/ops/drift/reports/" + OperatorApi.segment(reportId));
        int exit = summary.path("complete").asBoolean() ? ExitCode.OK : ExitCode.WORK_FAILED;
        if (heal) {
            Map<String, Object> healBody = new LinkedHashMap<>();
            healBody.put("category", category);
            JsonNode healed = api.post("/ops/drift/reports/" + OperatorApi.segment(summary.path("id").asString()) + "/heal", Map.of(), healBody);
            int unhealable = healed.path("unhealable").size();
            if (healed.path("runId").isNull() || healed.path("runId").isMissingNode()) {
                out().printf("Nothing to heal%s.%n", unhealable == 0 ? "" : "; " + unhealable + " differences need an operator (see their reason)");
                out().flush();
                return exit;
            }
            out().printf("Heal run %s started: %d corrective syncs%s.%n", healed.path("runId").asString(), healed.path("entities").asInt(),
                    unhealable == 0 ? "" : "; " + unhealable + " differences cannot be healed automatically (see their reason)");
            out().flush();
            int followed = new RunFollower(api, out(), interval).follow(healed.path("runId").asString());
            return Math.max(exit, followed);
        }
        return exit;
    }

    /** A duration as the API writes it: ISO-8601 text, or seconds. */
    private static Duration duration(JsonNode value) {
        return value.isNumber() ? Duration.ofMillis((long) (value.asDouble() * 1000)) : Duration.parse(value.asString("PT0S"));
    }

    /** Waits until a report that started at or after {@code since} is the last one; returns its id. */
    private String awaitReport(OperatorApi api, Instant since) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode last = api.getOptional("/ops/drift/reports/latest");
            if (last != null && !Instant.parse(last.path("startedAt").asString()).isBefore(since)) {
                return last.path("id").asString();
            }
            Thread.sleep(interval.toMillis());
        }
        throw new ApiFailure(ExitCode.API_FAILED, "skylink: no drift report after " + timeout + "; it may still be running (skylink drift --latest)");
    }
}
