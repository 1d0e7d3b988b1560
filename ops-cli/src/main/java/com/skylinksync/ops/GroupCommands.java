package com.skylinksync.ops;

import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink pause GROUP} and {@code skylink resume GROUP}: every pod of the group's sync service stops consuming
 * and leaves the consumer group (so {@code skylink replay ... --execute} may move its offsets), or joins it again.
 * Both wait until the group's live members say it happened (none left; some back), unless {@code --no-wait}.
 */
final class GroupCommands {

    private GroupCommands() {
    }

    abstract static class GroupCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "GROUP", description = "The consumer group: a sync service's name, e.g. customer-sync-service")
        String group;

        @Option(names = "--no-wait", description = "Do not wait for the pods to leave (pause) or join (resume).")
        boolean noWait;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1M", description = "How long to wait (default PT1M).")
        Duration timeout;

        Integer run(String action, boolean paused) throws InterruptedException {
            OperatorApi api = api();
            JsonNode state = api.post("/ops/groups/" + OperatorApi.segment(group) + "/" + action, Map.of(), null);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!noWait && (paused ? state.path("members").asInt() > 0 : state.path("members").asInt() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(250); // polling the API for the group's members; the deadline bounds it
                state = api.get("/ops/groups/" + OperatorApi.segment(group));
            }
            boolean happened = paused ? state.path("members").asInt() == 0 : state.path("members").asInt() > 0;
            if (!printedJson(state)) {
                if (noWait) {
                    out().printf("%s %s: %d live member(s) now%n", paused ? "Pausing" : "Resuming", group, state.path("members").asInt());
                } else if (happened) {
                    out().println(paused ? "Paused " + group + ": no live members; skylink replay --group " + group + " ... --execute may run now"
                            : "Resumed " + group + ": " + state.path("members").asInt() + " live member(s) consuming");
                } else {
                    out().printf("%s %s: still %d live member(s) after %s%n", paused ? "Pausing" : "Resuming", group,
                            state.path("members").asInt(), timeout);
                }
                out().flush();
            }
            return noWait || happened ? ExitCode.OK : ExitCode.WORK_FAILED;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = {"Pause a sync service: every pod stops consuming and leaves its consumer group (running syncs finish,",
                    "finished offsets are committed). Then 'skylink replay ... --execute' may move the group's offsets."})
    static final class Pause extends GroupCommand {

        @Override
        public Integer call() throws InterruptedException {
            return run("pause", true);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused sync service: its pods join the consumer group again and consume from the committed offsets.")
    static final class Resume extends GroupCommand {

        @Override
        public Integer call() throws InterruptedException {
            return run("resume", false);
        }
    }
}
