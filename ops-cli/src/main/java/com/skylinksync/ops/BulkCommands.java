package com.skylinksync.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code skylink bulk ...}: tracked bulk runs. */
final class BulkCommands {

    private BulkCommands() {
    }

    /** {@code skylink bulk customers|products|price-groups|attributes|outlets|fulfillments}: one per type (see {@link SkylinkCommand}). */
    @Command(mixinStandardHelpOptions = true,
            description = {"Resync every entity of this type from Retail Express as one tracked bulk run (origin BULK, behind real-time work),",
                    "and follow its progress until it finishes. Ctrl-C detaches; the run goes on."})
    static final class Start extends ApiCommand {

        private final String type;

        @Option(names = "--dry-run", description = "Say how many entities and RE calls it would cost; start nothing.")
        boolean dryRun;

        @Option(names = "--since", paramLabel = "ISO-INSTANT",
                description = "Only entities not synced (or found unchanged) since then, e.g. 2026-05-01T00:00:00Z. RE has no"
                        + " changed-since enumeration, so this is what --since can honestly mean.")
        Instant since;

        @Option(names = "--no-follow", description = "Print the run's id and exit; follow it later with 'skylink bulk show RUN --follow'.")
        boolean noFollow;

        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S", description = "How often progress is read (default PT1S).")
        Duration interval;

        Start(String type) {
            this.type = type;
        }

        @Override
        public Integer call() {
            OperatorApi api = api();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("dryRun", dryRun);
            if (since != null) {
                body.put("since", since.toString());
            }
            JsonNode answer = api.post("/ops/bulk-runs", Map.of(), body);
            if (dryRun) {
                if (!printedJson(answer)) {
                    out().printf("Dry run: %s would resync %d entities%s, costing about %d Retail Express calls (%d to enumerate).%n",
                            type, answer.path("entities").asLong(), since == null ? "" : " not synced since " + since,
                            answer.path("estimatedRetailExpressCalls").asLong(), answer.path("enumerationCalls").asLong());
                    out().flush();
                }
                return ExitCode.OK;
            }
            String run = answer.path("id").asString();
            if (noFollow || options.json) {
                if (!printedJson(answer)) {
                    out().println(run);
                    out().flush();
                }
                return ExitCode.OK;
            }
            out().println("Bulk run " + run + " started (" + type + (since == null ? "" : ", not synced since " + since) + ")");
            return new RunFollower(api, out(), interval).follow(run);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Bulk runs, newest first: operators' and RE's own (SalesChannel, BulkCustomer).")
    static final class ListRuns extends ApiCommand {

        @Override
        public Integer call() {
            JsonNode answer = api().get("/ops/bulk-runs");
            if (!printedJson(answer)) {
                new Table().column("RUN", "id").column("SOURCE", "source").column("TYPE", "type").column("STATUS", "status")
                        .column("TOTAL", "total").column("DONE", "done").column("UNCHANGED", "unchanged").column("FAILED", "failed")
                        .column("PENDING", "pending").column("STARTED", "startedAt").column("FINISHED", "finishedAt")
                        .print(out(), answer.path("items"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One bulk run's counts; --follow shows its progress until it finishes.")
    static final class Show extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id")
        String run;

        @Option(names = "--follow", description = "Follow its progress until it finishes.")
        boolean follow;

        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S")
        Duration interval;

        @Override
        public Integer call() {
            OperatorApi api = api();
            if (follow && !options.json) {
                return new RunFollower(api, out(), interval).follow(run);
            }
            JsonNode answer = api.get("/ops/bulk-runs/" + OperatorApi.segment(run));
            if (!printedJson(answer)) {
                new Table().column("FIELD", row -> row.path("k").asString()).column("VALUE", row -> Table.text(row.path("v")))
                        .print(out(), RunFollower.fields(answer));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an operator's run: events not published yet are withdrawn; published ones still sync.")
    static final class Cancel extends ApiCommand {

        @Parameters(paramLabel = "RUN")
        String run;

        @Override
        public Integer call() {
            JsonNode answer = api().post("/ops/bulk-runs/" + OperatorApi.segment(run) + "/cancel", Map.of(), null);
            if (!printedJson(answer)) {
                out().printf("Run %s %s: %d cancelled, %d of %d finished%n", run, answer.path("status").asString(),
                        answer.path("cancelled").asLong(), answer.path("done").asLong() + answer.path("unchanged").asLong()
                                + answer.path("failed").asLong(), answer.path("total").asLong());
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
