package com.skylinksync.sandbox.chaos.cluster;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.workload.ChaosWorkload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * One chaos run: the cluster started with the workload's store, the workload driven on one thread while a second
 * kills a random service process (gateways included) {@code kills} times at seeded random moments — each restarted —
 * and restarts the broker once; then the workload's checks. Prints the checks' table, a summary and the footprint
 * rows ({@code BENCH|footprint|...}). {@code ./chaos} runs it ({@link #main}); {@code ChaosSuiteTest} runs its short form.
 *
 * @param seed       the workload's and the kills' seed: the same seed, the same workload and kill plan
 * @param entities   at least this many entities in the workload
 * @param kills      SIGKILLs of service processes (each followed by its restart)
 * @param spread     about how long the workload is spread over; the kills and the broker restart fall inside it
 * @param settle     how long the checks may wait for the system to become quiet
 * @param brokerStop how the broker is stopped for its restart
 * @param workDir    where the broker's data and every process's log go ({@code logs/<name>.log})
 */
public record ChaosRun(long seed, int entities, int kills, Duration spread, Duration settle, BrokerStop brokerStop, Path workDir) {

    public ChaosRun {
        if (entities < 1 || kills < 0) {
            throw new IllegalArgumentException("entities must be positive and kills not negative");
        }
        if (spread.isNegative() || spread.isZero() || settle.isNegative()) {
            throw new IllegalArgumentException("spread must be positive and settle not negative");
        }
    }

    /** The full form: 10,000 entities, 5 kills, one broker restart. */
    public static ChaosRun fullForm(long seed) {
        return new ChaosRun(seed, 10_000, 5, Duration.ofMinutes(15), Duration.ofMinutes(15), BrokerStop.GRACEFUL,
                Path.of("target", "chaos"));
    }

    /** The short form {@code ./mvnw verify} runs ({@code ChaosSuiteTest}): sized for about five minutes on two cores. */
    public static ChaosRun shortForm(long seed) {
        return new ChaosRun(seed, 1_500, 2, Duration.ofSeconds(90), Duration.ofMinutes(3), BrokerStop.GRACEFUL,
                Path.of("target", "chaos"));
    }

    /**
     * What the run did and found.
     *
     * @param report    the workload's checks
     * @param events    everything done to the cluster, in order
     * @param restarts  each kill and the broker restart, with how long the process was down
     * @param readyIn   how long the cluster took to start
     * @param wall      the whole run, cluster start to report
     * @param footprint the {@code BENCH|footprint|...} rows
     */
    public record Result(ChaosReport report, List<ChaosEvent> events, List<ChaosCluster.Restart> restarts,
                         Duration readyIn, Duration wall, List<String> footprint) {
        public boolean passed() {
            return report.passed();
        }
    }

    /** Runs the whole thing against {@code workload} (planned with this run's seed and entities) and prints it to {@code out}. */
    public Result run(ChaosWorkload workload, PrintStream out) {
        long starting = System.nanoTime();
        try (ChaosCluster cluster = ChaosCluster.start(workload.store(), workDir.toAbsolutePath());
             Footprint footprint = new Footprint(cluster, cluster.targets().operatorToken())) {
            out.printf("Chaos cluster ready in %.1f s (10 processes, %d CPU-s, load average %s); logs in %s%n",
                    cluster.readyIn().toMillis() / 1000.0, cluster.cpuToReady().toSeconds(), ChaosCluster.loadAverage(),
                    workDir.toAbsolutePath().resolve("logs"));
            // Daemon threads: a run that fails (a process not ready again) must not be kept alive by the other one.
            var drive = CompletableFuture.runAsync(() -> workload.drive(cluster.targets(), spread),
                    command -> Thread.ofPlatform().daemon().name("chaos-drive").start(command));
            var chaos = CompletableFuture.supplyAsync(() -> inflict(cluster, drive),
                    command -> Thread.ofPlatform().daemon().name("chaos-kills").start(command));
            List<ChaosCluster.Restart> restarts = ChaosCluster.join(chaos);
            ChaosCluster.join(drive);
            ChaosReport report = workload.check(cluster.targets(), cluster.events(), settle);
            Duration wall = Duration.ofNanos(System.nanoTime() - starting);
            Result result = new Result(report, cluster.events(), restarts, cluster.readyIn(), wall, footprint.rows());
            print(result, out);
            return result;
        }
    }

    /** The kill plan: {@code kills} moments and one broker restart, seeded, between 10 % and 90 % of the spread. */
    List<Action> plan() {
        Random random = new Random(seed);
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            actions.add(new Action(at(random, 0.1, 0.9), false));
        }
        actions.add(new Action(at(random, 0.3, 0.7), true));
        actions.sort(java.util.Comparator.comparing(Action::at));
        return actions;
    }

    /** @param at when, from the start of the workload; {@code broker}: the broker restart, else a random kill */
    record Action(Duration at, boolean broker) {
    }

    private Duration at(Random random, double from, double to) {
        return Duration.ofMillis((long) (spread.toMillis() * (from + random.nextDouble() * (to - from))));
    }

    private List<ChaosCluster.Restart> inflict(ChaosCluster cluster, CompletableFuture<Void> drive) {
        Random victims = new Random(seed ^ 0x5DEECE66DL);
        long began = System.nanoTime();
        List<ChaosCluster.Restart> restarts = new ArrayList<>();
        for (Action action : plan()) {
            // Waiting for the planned moment, not for luck; a failed drive ends the chaos early.
            while (Duration.ofNanos(System.nanoTime() - began).compareTo(action.at()) < 0 && !drive.isCompletedExceptionally()) {
                ServiceProcess.pause(Duration.ofMillis(200));
            }
            if (drive.isCompletedExceptionally()) {
                break;
            }
            restarts.add(action.broker() ? cluster.restartBroker(brokerStop) : cluster.killRandom(victims));
        }
        return restarts;
    }

    private void print(Result result, PrintStream out) {
        out.println();
        out.print(result.report().table());
        long kills = result.events().stream().filter(e -> e.kind() == ChaosEvent.Kind.KILLED && !ChaosCluster.BROKER.equals(e.target())).count();
        long brokerRestarts = result.events().stream().filter(e -> e.kind() == ChaosEvent.Kind.BROKER_RESTARTED).count();
        out.printf("%nChaos run %s: seed %d, %,d entities, %d kills, %d broker restart(s) (%s), cluster ready in %.1f s, wall time %.1f s%n",
                result.passed() ? "PASSED" : "FAILED", seed, entities, kills, brokerRestarts, brokerStop.name().toLowerCase(),
                result.readyIn().toMillis() / 1000.0, result.wall().toMillis() / 1000.0);
        result.restarts().forEach(r -> out.printf("  %-28s down %.1f s%s%n", r.target(), r.down().toMillis() / 1000.0,
                r.exitCode() >= 0 ? " (exit " + r.exitCode() + ")" : ""));
        out.println("  load average at the end: " + ChaosCluster.loadAverage());
        result.footprint().forEach(out::println);
        out.printf("BENCH|footprint|chaos cluster ready (10 processes)|-|%.1f s|-|-|-%n", result.readyIn().toMillis() / 1000.0);
    }

    /**
     * {@code ./chaos [--seed N] [--entities N] [--kills N] [--spread 900s] [--settle 900s] [--broker-stop graceful|crash]}:
     * the full form by default; exits 1 when a check failed, 2 on bad arguments.
     */
    public static void main(String[] args) {
        ChaosRun run;
        try {
            run = ChaosRunArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(ChaosRunArguments.USAGE);
            System.exit(2);
            return;
        }
        Result result = run.run(ChaosWorkload.plan(run.seed(), run.entities()), System.out);
        System.exit(result.passed() ? 0 : 1);
    }
}
