package com.skylinksync.ops;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code skylink}: the operators' command line, over the gateway's operator API (which talks to Kafka and RE for it).
 * Exit codes: see {@link ExitCode}.
 */
@Command(name = "skylink", mixinStandardHelpOptions = true, version = "skylink 0.1.0",
        description = "Operate SkyLink Sync: bulk resync, single syncs, replay with pause/resume, dead letters, parked writes, status, lag, budget.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:done, but the work failed (failed entities)", "2:bad command line",
                "3:operator API unreachable", "4:credential refused", "5:request refused (not found, invalid, conflict)",
                "6:operator API failed"},
        footer = {"", "Configuration: --api-url/--token, or SKYLINK_API_URL/SKYLINK_TOKEN, or a config file (--config, SKYLINK_CONFIG,",
                "~/.config/skylink/config.properties) with api-url= and token=."})
public final class SkylinkCommand implements Runnable {

    /** Bulk types an operator can name; the gateway says which it can run today (see the README). */
    static final List<String> BULK_TYPES = List.of("customers", "price-groups", "attributes", "products", "outlets", "fulfillments");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The whole command tree, with one line and an exit code for every API failure instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine bulk = new CommandLine(new Group("bulk", "Tracked bulk runs: start one per type, list, show, cancel."));
        for (String type : BULK_TYPES) {
            bulk.addSubcommand(type, new BulkCommands.Start(type));
        }
        bulk.addSubcommand(new BulkCommands.ListRuns()).addSubcommand(new BulkCommands.Show()).addSubcommand(new BulkCommands.Cancel());
        CommandLine dlt = new CommandLine(new Group("dlt", "Dead letters: list, show, redrive."))
                .addSubcommand(new QuarantineCommands.ListDeadLetters()).addSubcommand(new QuarantineCommands.ShowDeadLetter())
                .addSubcommand(new QuarantineCommands.Redrive());
        CommandLine parked = new CommandLine(new Group("parked", "Writes of unknown outcome: list, resolve."))
                .addSubcommand(new QuarantineCommands.ListParked()).addSubcommand(new QuarantineCommands.Resolve());
        for (CommandLine group : List.of(bulk, dlt, parked)) {
            group.getCommandSpec().usageMessage().description(((Group) group.getCommand()).description);
        }
        CommandLine cli = new CommandLine(new SkylinkCommand())
                .addSubcommand("bulk", bulk).addSubcommand("dlt", dlt).addSubcommand("parked", parked)
                .addSubcommand(new SyncCommand()).addSubcommand(new ClusterCommands.Status()).addSubcommand(new ClusterCommands.Replay())
                .addSubcommand(new ClusterCommands.Lag()).addSubcommand(new ClusterCommands.Budget())
                .addSubcommand(new GroupCommands.Pause()).addSubcommand(new GroupCommands.Resume());
        cli.addSubcommand(new DriftCommand());
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (error instanceof ApiFailure failure) {
                commandLine.getErr().println(failure.getMessage());
                commandLine.getErr().flush();
                return failure.exitCode();
            }
            throw error;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A command that only groups subcommands: run alone, it is a usage error (exit 2) with its usage. */
    @Command(mixinStandardHelpOptions = true)
    static final class Group implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final String name;

        Group(String name, String description) {
            this.name = name;
            this.description = description;
        }

        private final String description;

        @Override
        public void run() {
            spec.usageMessage().description(description);
            throw new CommandLine.ParameterException(spec.commandLine(), "skylink " + name + ": missing subcommand");
        }
    }
}
