package com.skylinksync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every command, and usage errors as exit code 2 with the usage. */
class HelpTest {

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(SkylinkCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).extracting(path -> String.join(" ", path)).contains("bulk customers", "bulk products", "bulk list",
                "bulk show", "bulk cancel", "dlt list", "dlt show", "dlt redrive", "parked list", "parked resolve", "sync", "status", "replay",
                "lag", "budget", "pause", "resume");
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage: skylink");
        }
    }

    @Test
    void aGroupWithoutItsSubcommandOrAReplayWithoutATargetIsAUsageError() {
        CliRun bulk = CliRun.of("bulk");
        assertThat(bulk.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bulk.err()).contains("missing subcommand").contains("Usage: skylink bulk");
        CliRun replay = CliRun.of("replay", "--group", "g", "--topic", "t");
        assertThat(replay.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(replay.err()).contains("--to-time").contains("--to-offset").contains("--by-duration");
        CliRun both = CliRun.of("dlt", "redrive", "x:0:1", "--all");
        assertThat(both.exit()).isEqualTo(ExitCode.USAGE);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
            }
        });
    }

}
