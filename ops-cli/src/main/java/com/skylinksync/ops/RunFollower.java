package com.skylinksync.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows a bulk run until it finishes, rendering its progress: counts from the run, the rate measured between reads,
 * and the ETA from that rate, capped by the shared RE budget's pace (the live participants' grants per second), since
 * no run goes faster than RE lets it. Ctrl-C detaches (the run goes on) and says how to follow it again.
 */
final class RunFollower {

    private final OperatorApi api;
    private final PrintWriter out;
    private final Duration interval;

    RunFollower(OperatorApi api, PrintWriter out, Duration interval) {
        this.api = api;
        this.out = out;
        this.interval = interval;
    }

    int follow(String run) {
        ProgressBar bar = new ProgressBar(out, onTerminal());
        AtomicBoolean finished = new AtomicBoolean();
        Thread detach = new Thread(() -> {
            if (!finished.get()) {
                out.println();
                out.println("Detached; run " + run + " goes on. Follow it with: skylink bulk show " + run + " --follow");
                out.flush();
            }
        });
        Runtime.getRuntime().addShutdownHook(detach);
        try {
            double budgetRate = budgetRate();
            long startedAt = System.nanoTime();
            long firstFinished = -1;
            while (true) {
                JsonNode state = api.get("/ops/bulk-runs/" + OperatorApi.segment(run));
                String status = state.path("status").asString();
                long done = state.path("done").asLong();
                long unchanged = state.path("unchanged").asLong();
                long failed = state.path("failed").asLong();
                long total = state.path("total").asLong();
                long count = done + unchanged + failed;
                if (firstFinished < 0) {
                    firstFinished = count;
                }
                double seconds = Math.max(0.001, (System.nanoTime() - startedAt) / 1e9);
                double measured = (count - firstFinished) / seconds;
                double pace = measured > 0 ? (budgetRate > 0 ? Math.min(measured, budgetRate) : measured) : budgetRate;
                Duration eta = pace > 0 ? Duration.ofMillis((long) ((total - count) / pace * 1000)) : null;
                bar.render(status, total, count, done, unchanged, failed, measured, status.equals("FINISHED") ? Duration.ZERO : eta);
                if (status.equals("FINISHED") || status.equals("CANCELLED")) {
                    finished.set(true);
                    bar.end();
                    out.printf("Run %s %s: %d done, %d unchanged, %d failed of %d%n", run, status.toLowerCase(), done, unchanged,
                            failed, total);
                    out.flush();
                    return failed > 0 ? ExitCode.WORK_FAILED : ExitCode.OK;
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        } finally {
            finished.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(detach);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it prints the detach line
            }
        }
    }

    /**
     * Whether standard output is a terminal. From Java 22 {@code System.console()} exists even when output is redirected,
     * and {@code Console.isTerminal()} tells; the CLI is built for Java 21, so that method is looked up when present.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }

    /** The cluster's RE pace now: what the live participants may spend per second (0 when nobody reports). */
    private double budgetRate() {
        try {
            for (JsonNode window : api.get("/ops/budget").path("windows")) {
                if (window.path("window").asString().equals("second") && window.path("grantedNext").asDouble() > 0) {
                    return window.path("grantedNext").asDouble();
                }
                if (window.path("window").asString().equals("minute")) {
                    return window.path("limit").asDouble() / 60;
                }
            }
        } catch (ApiFailure e) {
            // no budget view: the ETA is the measured rate's
        }
        return 0;
    }

    /** A run as field/value rows, for {@code bulk show}. */
    static List<JsonNode> fields(JsonNode run) {
        List<JsonNode> rows = new ArrayList<>();
        for (String field : List.of("id", "source", "type", "status", "total", "done", "unchanged", "failed", "retrying", "pending",
                "cancelled", "since", "startedAt", "finishedAt")) {
            ObjectNode row = OperatorApi.JSON.createObjectNode();
            row.put("k", field);
            row.set("v", run.path(field).isMissingNode() ? null : run.path(field));
            rows.add(row);
        }
        return rows;
    }
}
