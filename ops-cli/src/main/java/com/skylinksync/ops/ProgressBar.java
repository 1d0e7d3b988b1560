package com.skylinksync.ops;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * One line of a bulk run's progress: a bar, counts, rate and ETA. On a terminal each update rewrites the line
 * (carriage return); elsewhere (a pipe, a log, a test) each update is a line of its own.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * @param finished done + unchanged + failed
     * @param rate     entities finished per second, measured
     * @param eta      time left, null when it cannot be told yet
     */
    void render(String status, long total, long finished, long done, long unchanged, long failed, double rate, Duration eta) {
        int filled = total == 0 ? (status.equals("FINISHED") ? WIDTH : 0) : (int) Math.min(WIDTH, finished * WIDTH / total);
        long percent = total == 0 ? (status.equals("FINISHED") ? 100 : 0) : finished * 100 / total;
        String line = String.format("[%s%s] %d/%d %3d%% | done %d unchanged %d failed %d | %.1f/s ETA %s | %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), finished, total, percent, done, unchanged, failed, rate,
                eta == null ? "--:--" : clock(eta), status);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    void end() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }

    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
