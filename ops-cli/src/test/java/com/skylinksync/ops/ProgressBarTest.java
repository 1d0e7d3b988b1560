package com.skylinksync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress bar as a terminal shows it: each frame rewrites the line (carriage return, erase to its end). */
class ProgressBarTest {

    @Test
    void onATerminalEachUpdateRewritesOneLine() {
        StringWriter screen = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(screen), true);

        bar.render("RUNNING", 200, 0, 0, 0, 0, 0, null);
        bar.render("RUNNING", 200, 50, 40, 8, 2, 25.0, Duration.ofSeconds(6));
        bar.render("FINISHED", 200, 200, 180, 15, 5, 31.5, Duration.ZERO);
        bar.end();

        String text = screen.toString();
        // One line on screen, redrawn: a single newline, written when the run ends.
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(text).endsWith("\n");
        List<String> frames = Arrays.stream(text.strip().split("\r")).filter(frame -> !frame.isEmpty())
                .map(frame -> frame.replace("\u001b[K", "").strip()).toList();
        assertThat(frames).containsExactly(
                "[..............................] 0/200   0% | done 0 unchanged 0 failed 0 | 0.0/s ETA --:-- | RUNNING",
                "[#######.......................] 50/200  25% | done 40 unchanged 8 failed 2 | 25.0/s ETA 00:06 | RUNNING",
                "[##############################] 200/200 100% | done 180 unchanged 15 failed 5 | 31.5/s ETA 00:00 | FINISHED");
    }

    @Test
    void elsewhereEachUpdateIsALine() {
        StringWriter log = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(log), false);
        bar.render("RUNNING", 10, 5, 5, 0, 0, 2.0, Duration.ofSeconds(3725));
        bar.render("FINISHED", 10, 10, 10, 0, 0, 2.0, Duration.ZERO);
        assertThat(log.toString().lines()).containsExactly(
                "[###############...............] 5/10  50% | done 5 unchanged 0 failed 0 | 2.0/s ETA 1:02:05 | RUNNING",
                "[##############################] 10/10 100% | done 10 unchanged 0 failed 0 | 2.0/s ETA 00:00 | FINISHED");
    }
}
