package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How much of RE's binding window three replicas in backlog use through the shared budget: three {@link ApiBudget}
 * participants (each with its own RE client and callers that always have another call), a real embedded Kafka broker,
 * the RE simulator enforcing RE's real windows (25/s, 1,200/min, 30,000/h, 150,000/day as sliding windows). Fresh, the
 * binding window is the minute: 1,200 calls/min is less than the second's 25/s and the hour and day still have
 * room, so the measure is the calls RE admitted in full minutes of backlog against 1,200, and the throttle faults.
 *
 * <p>Baseline in the same run, against a fresh simulator: the naive fixed equal split ({@link FixedSplitPermits}),
 * each replica a third of every window, no re-division by demand.
 *
 * <p>Run with {@code ./bench/budget [minutes measured, default 1] [callers per replica, default 16]}; prints the
 * figures and two {@code BENCH|budget|...} lines.
 */
public final class BudgetShareBenchmark {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int REPLICAS = 3;

    private BudgetShareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        BudgetLimits limits = BudgetLimits.retailExpress();
        String load = loadAverage();
        Measure budget;
        Measure baseline;
        try (KafkaBroker broker = KafkaBroker.start(1)) {
            warmUp(callers);
            budget = measureBudget(broker, limits, minutes, callers);
            baseline = measureFixedSplit(limits, minutes, callers);
        }
        double share = budget.share(limits);
        double baseShare = baseline.share(limits);
        System.out.printf(Locale.ROOT, "RE budget, %d replicas in backlog (%d callers each), RE's real windows "
                + "(%d/s, %d/min, %d/h, %d/day); load average at start %s, at end %s%n", REPLICAS, callers,
                limits.perSecond(), limits.perMinute(), limits.perHour(), limits.perDay(), load, loadAverage());
        budget.print(limits);
        baseline.print(limits);
        System.out.printf(Locale.ROOT, "BENCH|budget|share of the binding window used, %d replicas in backlog|≥ 95 %%|"
                + "%.1f %%|%.1f %%|%.2f|%s%n", REPLICAS, 100 * share, 100 * baseShare, share / baseShare,
                share >= 0.95 ? "yes" : "no");
        // Every fault counts: none is injected here, and the budget caps the calls RE may count in a second however
        // late they arrive (calls in reach), so one bunched by late delivery is the budget's too. Permits beyond a
        // window tell the two apart.
        long overspent = budget.overspent(limits) ? budget.throttled() : 0;
        System.out.printf(Locale.ROOT, "throttle faults: %d at RE, of them with permits beyond a window %d "
                + "(the others: calls that arrived late, bunched)%n", budget.throttled(), overspent);
        System.out.printf(Locale.ROOT, "BENCH|budget|RE throttle faults, %d replicas in backlog|0|%d|-|-|%s%n",
                REPLICAS, budget.throttled(), budget.throttled() == 0 ? "yes" : "no");
    }

    /**
     * Warms the JIT on the client's and the simulator's code (a throwaway simulator without limits, no budget), so
     * that the measured minutes are not the first seconds of a cold JVM, when calls are slow and arrive in bunches.
     */
    private static void warmUp(int callers) throws Exception {
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0))) {
            simulator.budget(com.skylinksync.sandbox.retailexpress.SimulatedBudget.unlimited());
            BacklogReplica warm = new BacklogReplica("warm-up", com.skylinksync.retailexpress.CallPermits.UNLIMITED,
                    () -> { }, simulator).startBacklog(callers);
            try {
                waitUntil(() -> warm.calls() >= 1_000, Duration.ofSeconds(120));
            } finally {
                warm.stop();
            }
        }
    }

    private static Measure measureBudget(KafkaBroker broker, BudgetLimits limits, int minutes, int callers)
            throws Exception {
        BudgetSettings settings = BudgetSettings.of(limits);
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0))) {
            List<BacklogReplica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < REPLICAS; i++) {
                    String name = "replica-" + (i + 1);
                    replicas.add(new BacklogReplica(name, ApiBudget.start(settings,
                            new BudgetCoordination("skylink.re.budget.benchmark", name, "benchmark"),
                            BudgetKafka.of(broker.bootstrapServers()), new WorkPriority()), simulator));
                }
                Instant started = Instant.now();
                replicas.forEach(r -> r.startBacklog(callers));
                // measured from the first period after every replica counts all three in and has made calls
                waitUntil(() -> replicas.stream().allMatch(r -> r.calls() > 0
                        && r.budget().status().live().size() == REPLICAS), Duration.ofSeconds(60));
                long period = settings.period().toMillis();
                Instant from = Instant.ofEpochMilli((Instant.now().toEpochMilli() / period + 2) * period);
                GrantLog grants = new GrantLog(replicas);
                Thread sampler = Thread.ofVirtual().start(grants::sampleUntilInterrupted);
                try {
                    Measure measure = measure("shared budget (ApiBudget)", simulator, replicas, started, from, minutes);
                    grants.print(from.toEpochMilli() / period, from.plus(MINUTE.multipliedBy(minutes)).toEpochMilli()
                            / period, minutes);
                    return measure;
                } finally {
                    sampler.interrupt();
                }
            } finally {
                replicas.forEach(BacklogReplica::stop);
            }
        }
    }

    private static Measure measureFixedSplit(BudgetLimits limits, int minutes, int callers) throws Exception {
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0))) {
            List<BacklogReplica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < REPLICAS; i++) {
                    FixedSplitPermits permits = new FixedSplitPermits(limits, REPLICAS);
                    replicas.add(new BacklogReplica("fixed-" + (i + 1), permits, permits, simulator));
                }
                Instant started = Instant.now();
                replicas.forEach(r -> r.startBacklog(callers));
                waitUntil(() -> replicas.stream().allMatch(r -> r.calls() > 0), Duration.ofSeconds(60));
                return measure("baseline: fixed equal split", simulator, replicas, started,
                        Instant.now().plusSeconds(1), minutes);
            } finally {
                replicas.forEach(BacklogReplica::stop);
            }
        }
    }

    private static Measure measure(String name, RetailExpressSimulator simulator, List<BacklogReplica> replicas,
                                   Instant started, Instant from, int minutes) throws InterruptedException {
        Instant to = from.plus(MINUTE.multipliedBy(minutes));
        long wait = Duration.between(Instant.now(), to).toMillis();
        if (wait > 0) {
            Thread.sleep(wait); // the measured stretch itself: the benchmark's point is to run it in full
        }
        List<Instant> ok = simulator.journal().stream().filter(e -> e.outcome() == CallOutcome.OK)
                .map(JournalEntry::at).toList();
        long throttled = simulator.journal().stream().filter(e -> e.outcome() == CallOutcome.THROTTLED).count();
        long inWindows = ok.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
        List<Long> perReplica = replicas.stream().map(r -> r.callsBetween(from, to)).toList();
        List<Instant> permits = replicas.stream().flatMap(r -> r.permitted().stream()).sorted().toList();
        List<Instant> faults = simulator.journal().stream().filter(e -> e.outcome() == CallOutcome.THROTTLED)
                .map(JournalEntry::at).toList();
        return new Measure(name, inWindows / (double) minutes, minInAnyMinute(ok, from, to),
                maxInAny(ok, MINUTE), maxInAny(ok, Duration.ofSeconds(1)), maxInAny(permits, Duration.ofSeconds(1)),
                maxInAny(permits, MINUTE),
                throttled, perReplica, Duration.between(started, from),
                faults.stream().map(at -> Duration.between(started, at).toMillis() / 1000.0).limit(5).toList());
    }

    /** The fewest calls in any sliding minute that lies inside [from, to), at each admitted call's time. */
    private static long minInAnyMinute(List<Instant> ok, Instant from, Instant to) {
        long min = Long.MAX_VALUE;
        for (Instant start = from; !start.plus(MINUTE).isAfter(to); start = start.plusMillis(100)) {
            Instant s = start;
            Instant e = start.plus(MINUTE);
            min = Math.min(min, ok.stream().filter(at -> !at.isBefore(s) && at.isBefore(e)).count());
        }
        return min;
    }

    /** The most of these instants (sorted) in any sliding window of {@code length}. */
    private static long maxInAny(List<Instant> sorted, Duration length) {
        long max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (!sorted.get(start).isAfter(sorted.get(end).minus(length))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replicas did not all start calling within " + limit);
            }
            Thread.sleep(50);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Where the share goes: each replica's grant for every period (read from its budget while the period runs) and
     * the periods in which a replica had none or was fenced, against what RE admitted.
     */
    private static final class GrantLog {
        private final List<BacklogReplica> replicas;
        private final java.util.Map<Long, java.util.Map<String, Grants>> bySlot =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<String> fenced = java.util.concurrent.ConcurrentHashMap.newKeySet();

        GrantLog(List<BacklogReplica> replicas) {
            this.replicas = replicas;
        }

        void sampleUntilInterrupted() {
            while (!Thread.currentThread().isInterrupted()) {
                for (BacklogReplica replica : replicas) {
                    BudgetStatus status = replica.budget().status();
                    bySlot.computeIfAbsent(status.slot(), s -> new java.util.concurrent.ConcurrentHashMap<>())
                            .merge(replica.name, status.grants(), (a, b) -> a.calls() >= b.calls() ? a : b);
                    if (status.fenced()) {
                        fenced.add(replica.name + "@" + status.slot());
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void print(long fromSlot, long toSlot, int minutes) {
            long granted = 0;
            int withoutGrant = 0;
            for (long slot = fromSlot; slot < toSlot; slot++) {
                java.util.Map<String, Grants> grants = bySlot.getOrDefault(slot, java.util.Map.of());
                for (BacklogReplica replica : replicas) {
                    Grants g = grants.get(replica.name);
                    granted += g == null ? 0 : g.calls();
                    if (g == null || g.calls() == 0) {
                        withoutGrant++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  granted %.1f calls per measured minute over %d periods; replica-periods "
                    + "without a grant %d; fenced %s%n", granted / (double) minutes, toSlot - fromSlot, withoutGrant,
                    fenced.isEmpty() ? "never" : fenced);
        }
    }

    private record Measure(String name, double perMinute, long minMinute, long maxMinute, long maxSecond,
                           long maxSecondPermitted, long maxMinutePermitted, long throttled, List<Long> perReplica,
                           Duration warmUp, List<Double> faultsAt) {

        double share(BudgetLimits limits) {
            return perMinute / limits.perMinute();
        }

        /** The permits (every call, admitted or refused) broke the second or the minute window. */
        boolean overspent(BudgetLimits limits) {
            return maxSecondPermitted > limits.perSecond() || maxMinutePermitted > limits.perMinute();
        }

        void print(BudgetLimits limits) {
            System.out.printf(Locale.ROOT, "%s: %.1f calls per measured minute = %.1f %% of %d (fewest in any sliding "
                    + "minute measured %d, most in any minute of the run %d), per replica %s, measured from %.1f s "
                    + "after start; most in any second %d at RE, %d by permit time; most permits in any minute %d; "
                    + "throttle faults %d%s%n", name,
                    perMinute, 100 * share(limits), limits.perMinute(), minMinute, maxMinute, perReplica,
                    warmUp.toMillis() / 1000.0, maxSecond, maxSecondPermitted, maxMinutePermitted, throttled,
                    faultsAt.isEmpty() ? "" : " (the first at " + faultsAt + " s after start)");
        }
    }
}
