package com.skylinksync.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink sync TYPE ID}: syncs one entity now through the service that owns its type (inline: the gateway
 * sends it to the pod that owns the entity, which runs it in the entity's lane) and prints the outcome;
 * {@code --queue} publishes it with origin SINGLE (real time: ahead of any bulk work) and waits for its outcome
 * unless {@code --no-wait}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync one entity now through the service that owns it and print its outcome (written, unchanged, or why it failed).",
                "TYPE: customer, price-group, attribute (ID <code>:<option id>, e.g. brand:7), product, order, fulfillments",
                "(order and fulfillments: an RE order id such as 16-00000001: its invoice and shipments in Magento)."})
final class SyncCommand extends ApiCommand {

    private static final Set<String> PENDING = Set.of("PENDING", "FAILED");

    @Parameters(index = "0", paramLabel = "TYPE")
    String type;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Option(names = "--queue", description = "Queue it through Kafka (origin SINGLE, ahead of backlog work) instead of syncing it inline.")
    boolean queue;

    @Option(names = "--no-wait", description = "Queue it (implies --queue), print the change set id and exit; see the outcome with 'skylink status changeset ID'.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M", description = "How long to wait for the outcome (default PT2M).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        OperatorApi api = api();
        if (!queue && !noWait) {
            JsonNode outcome = api.post("/ops/sync/inline", Map.of(), Map.of("type", type, "id", id));
            String status = outcome.path("outcome").asString("");
            if (!printedJson(outcome)) {
                String error = outcome.path("error").asString("");
                String target = outcome.path("targetId").asString("");
                String said = switch (status) {
                    case "SYNCED" -> "written (SYNCED)" + (target.isEmpty() ? "" : ", Magento id " + target);
                    case "UNCHANGED" -> "unchanged (Magento already held it)" + (target.isEmpty() ? "" : ", Magento id " + target);
                    case "FAILED" -> "failed, still being retried (FAILED)";
                    default -> status;
                };
                out().printf("%s %s: %s%s%n", type, id, said, error.isEmpty() || status.equals("SYNCED") || status.equals("UNCHANGED")
                        ? "" : " (" + error + ")");
                out().flush();
            }
            return status.equals("SYNCED") || status.equals("UNCHANGED") ? ExitCode.OK : ExitCode.WORK_FAILED;
        }
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
