package com.skylinksync.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink sync TYPE ID}: queues one entity (origin SINGLE, real-time: ahead of any bulk work) and waits for its
 * outcome. Syncing inline through the owning service is not built yet: the sync always goes through Kafka.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync one entity now and print its outcome (written, unchanged, or why it failed).",
                "TYPE: customer, price-group, product, order. Queued with origin SINGLE, ahead of backlog work."})
final class SyncCommand extends ApiCommand {

    private static final Set<String> PENDING = Set.of("PENDING", "FAILED");

    @Parameters(index = "0", paramLabel = "TYPE")
    String type;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Option(names = "--queue", description = "Queue it through Kafka (what every sync does today).")
    boolean queue;

    @Option(names = "--no-wait", description = "Print the change set id and exit; see the outcome with 'skylink status changeset ID'.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M", description = "How long to wait for the outcome (default PT2M).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        OperatorApi api = api();
        JsonNode queued = api.post("/ops/sync", Map.of(), Map.of("type", type, "id", id));
        String changeSet = queued.path("changeSetId").asString();
        if (noWait) {
            if (!printedJson(queued)) {
                out().println(changeSet);
                out().flush();
            }
            return ExitCode.OK;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode state = api.get("/changesets/" + OperatorApi.segment(changeSet));
            JsonNode entity = state.path("entities").path(0);
            String outcome = entity.path("outcome").asString("PENDING");
            if (!PENDING.contains(outcome) || System.nanoTime() > deadline) {
                if (!printedJson(state)) {
                    String code = entity.path("errorCode").asString("");
                    String message = entity.path("error").asString("");
                    String error = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
                    out().printf("%s %s: %s%s%n", type, id, describe(outcome), error.isEmpty() ? "" : " (" + error + ")");
                    out().flush();
                }
                return outcome.equals("SYNCED") || outcome.equals("UNCHANGED") ? ExitCode.OK : ExitCode.WORK_FAILED;
            }
            Thread.sleep(200);
        }
    }

    private static String describe(String outcome) {
        return switch (outcome) {
            case "SYNCED" -> "written (SYNCED)";
            case "UNCHANGED" -> "unchanged (Magento already held it)";
            case "PENDING", "FAILED" -> "no outcome yet (" + outcome + ") when the wait ended";
            default -> outcome;
        };
    }
}
