package com.skylinksync.sandbox.chaos.cluster;

import java.time.Duration;

/** {@code ./chaos}'s command line: the full form's values unless a flag says otherwise. */
final class ChaosRunArguments {

    static final String USAGE = "usage: ./chaos [--seed N] [--entities N] [--kills N] [--spread 900s] [--settle 900s]"
            + " [--broker-stop graceful|crash]";

    private ChaosRunArguments() {
    }

    static ChaosRun parse(String[] args) {
        ChaosRun run = ChaosRun.fullForm(1);
        long seed = run.seed();
        int entities = run.entities();
        int kills = run.kills();
        Duration spread = run.spread();
        Duration settle = run.settle();
        BrokerStop brokerStop = run.brokerStop();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int equals = flag.indexOf('=');
            if (equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--seed" -> seed = number(flag, value);
                case "--entities" -> entities = (int) number(flag, value);
                case "--kills" -> kills = (int) number(flag, value);
                case "--spread" -> spread = seconds(flag, value);
                case "--settle" -> settle = seconds(flag, value);
                case "--broker-stop" -> brokerStop = switch (value) {
                    case "graceful" -> BrokerStop.GRACEFUL;
                    case "crash" -> BrokerStop.CRASH;
                    default -> throw new IllegalArgumentException("--broker-stop is graceful (SIGTERM) or crash (SIGKILL), not " + value);
                };
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new ChaosRun(seed, entities, kills, spread, settle, brokerStop, run.workDir());
    }

    private static long number(String flag, String value) {
        try {
            return Long.parseLong(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not " + value);
        }
    }

    private static Duration seconds(String flag, String value) {
        String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        return Duration.ofSeconds(number(flag, digits));
    }
}
