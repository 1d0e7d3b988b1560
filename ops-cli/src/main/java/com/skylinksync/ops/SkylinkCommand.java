package com.skylinksync.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code skylink}: the operators' command line. Its subcommands (bulk resync, replay, dead letters, status, lag)
 * arrive with the issues that build them; until then it shows its help and version.
 */
@Command(name = "skylink", mixinStandardHelpOptions = true, version = "skylink 0.1.0",
        description = "Operate SkyLink Sync: resync, replay, dead letters, status, lag.")
public final class SkylinkCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkylinkCommand()).execute(args));
    }
}
