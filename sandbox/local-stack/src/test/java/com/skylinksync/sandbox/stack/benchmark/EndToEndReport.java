package com.skylinksync.sandbox.stack.benchmark;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.stack.benchmark.EndToEndBenchmark.Sample;
import com.skylinksync.sandbox.stack.benchmark.PathTiming.Latencies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The end-to-end figures of one run: per change set, its path (from the journals), its last outcome and when the
 * gateway sent RE's acknowledgement (the ChangeSetProcessed call's answer minus its injected latency); then the p99s,
 * where the time goes (medians of each leg), and the two {@code BENCH|} rows.
 */
record EndToEndReport(List<Leg> legs, Latencies latencies, java.util.Map<String, String> exampleCalls) {

    /** One change set's legs, each in ms. */
    record Leg(Probe probe, long intake, long toFirstReCall, long reCallToWrite, long writeToOutcome,
               long outcomeToAck, long aboveLatency, int reCalls, int magentoReads) {
    }

    static EndToEndReport of(List<Sample> samples, List<JournalEntry> reJournal, List<MagentoSimulator.Request> magento,
                             OutcomeClock outcomes, Latencies latencies) {
        List<JournalEntry> acks = EndToEndBenchmark.acknowledgements(reJournal);
        List<Leg> legs = new ArrayList<>();
        var exampleCalls = new java.util.TreeMap<String, String>();
        for (Sample sample : samples) {
            PathTiming path = PathTiming.of(sample.probe(), sample.sent(), reJournal, magento, latencies)
                    .orElseThrow(() -> new IllegalStateException("No Magento write of " + sample.probe() + " after "
                            + sample.sent() + " (change set " + sample.changeSetId() + ")"));
            Instant outcome = outcomes.lastOutcome(sample.changeSetId()).orElseThrow();
            Instant ack = acks.stream().filter(a -> a.ids().contains(sample.changeSetId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No acknowledgement of " + sample.changeSetId()))
                    .at().minus(latencies.retailExpress());
            long above = path.aboveLatency(latencies).toMillis();
            exampleCalls.computeIfAbsent(sample.probe().edsType(), type -> callsBetween(sample.sent(), path.write(), reJournal, magento));
            long intake = ms(sample.sent(), sample.accepted());
            long toFirstRe = ms(sample.accepted(), path.firstReCall());
            legs.add(new Leg(sample.probe(), intake, toFirstRe, above - intake - toFirstRe, ms(path.write(), outcome),
                    ms(outcome, ack), above, path.reCalls(), path.magentoReads()));
        }
        return new EndToEndReport(List.copyOf(legs), latencies, exampleCalls);
    }

    /** Every call the simulators saw from {@code from} to {@code to}, in order: what one change set's path looked like. */
    private static String callsBetween(Instant from, Instant to, List<JournalEntry> reJournal,
                                       List<MagentoSimulator.Request> magento) {
        record Call(Instant at, String what) {
        }
        List<Call> calls = new ArrayList<>();
        reJournal.stream().filter(c -> c.at().isAfter(from) && !c.at().isAfter(to))
                .forEach(c -> calls.add(new Call(c.at(), "RE " + c.operation() + c.ids())));
        magento.stream().filter(r -> !r.at().isBefore(from) && !r.at().isAfter(to))
                .forEach(r -> calls.add(new Call(r.at(), "Magento " + r.method() + " " + r.path())));
        return String.join("; ", calls.stream().sorted(Comparator.comparing(Call::at)).map(Call::what).toList());
    }

    void print(List<Duration> baseline, String loadAverage) {
        long p99 = p99(legs, Leg::aboveLatency);
        long ackP99 = p99(legs, Leg::outcomeToAck);
        long baselineP99 = p99(baseline.stream().map(Duration::toMillis).toList(), Function.identity());
        System.out.printf("%nEnd to end: %d single-entity change sets (customers 300000, 300001; products 124005, 124006),"
                        + " one at a time and four at once; injected latency RE %d ms, Magento %d ms per call;"
                        + " load average %s%n", legs.size(), latencies.retailExpress().toMillis(),
                latencies.magento().toMillis(), loadAverage);
        System.out.printf("  EDS PUT -> Magento write, above simulated latency: p50 %d ms, p99 %d ms, max %d ms"
                        + " (%s RE calls and %s Magento reads taken off per change set)%n",
                p50(legs, Leg::aboveLatency), p99, max(legs, Leg::aboveLatency),
                range(legs, Leg::reCalls), range(legs, Leg::magentoReads));
        System.out.printf("  last outcome -> RE acknowledgement sent: p50 %d ms, p99 %d ms, max %d ms%n",
                p50(legs, Leg::outcomeToAck), ackP99, max(legs, Leg::outcomeToAck));
        System.out.printf("  where the time goes (p50 / p99, ms): intake (PUT -> 201) %d / %d; 201 -> first RE call %d / %d;"
                        + " first RE call -> Magento write, less latency %d / %d; write -> outcome %d / %d;"
                        + " outcome -> acknowledgement %d / %d%n",
                p50(legs, Leg::intake), p99(legs, Leg::intake), p50(legs, Leg::toFirstReCall), p99(legs, Leg::toFirstReCall),
                p50(legs, Leg::reCallToWrite), p99(legs, Leg::reCallToWrite), p50(legs, Leg::writeToOutcome),
                p99(legs, Leg::writeToOutcome), p50(legs, Leg::outcomeToAck), ackP99);
        for (String type : List.of("Customer", "Product")) {
            List<Leg> ofType = legs.stream().filter(l -> l.probe().edsType().equals(type)).toList();
            System.out.printf("  %-8s p50 %d ms, p99 %d ms above latency (%d change sets)%n", type,
                    p50(ofType, Leg::aboveLatency), p99(ofType, Leg::aboveLatency), ofType.size());
        }
        exampleCalls.forEach((type, calls) -> System.out.printf("  calls from a %s change set's PUT to its write: %s%n", type, calls));
        legs.stream().sorted(Comparator.comparingLong(Leg::aboveLatency).reversed()).limit(3).forEach(leg ->
                System.out.printf("  slow: %s %d, %d ms above latency: intake %d, to first RE call %d, RE call to write %d,"
                                + " write to outcome %d, outcome to acknowledgement %d (%d RE calls, %d Magento reads)%n",
                        leg.probe().edsType(), leg.probe().id(), leg.aboveLatency(), leg.intake(), leg.toFirstReCall(),
                        leg.reCallToWrite(), leg.writeToOutcome(), leg.outcomeToAck(), leg.reCalls(), leg.magentoReads()));
        System.out.printf("  baseline (queue table polled every %d s when empty, one worker, one RE call and one Magento"
                        + " write per entity): %d change sets, p50 %d ms, p99 %d ms above latency%n",
                QueueTableWorker.PAUSE_WHEN_EMPTY.toSeconds(), baseline.size(),
                p50(baseline.stream().map(Duration::toMillis).toList(), Function.identity()), baselineP99);
        System.out.println(BenchRow.of("end to end", "EDS PUT to Magento write p99, above simulated latency", "≤ 300 ms",
                p99 + " ms", baselineP99 + " ms", ratio(p99, baselineP99), p99 <= 300));
        System.out.println(BenchRow.of("end to end", "last outcome to RE acknowledgement p99", "≤ 1 s",
                ackP99 + " ms", "-", "-", ackP99 <= 1_000));
    }

    private static String ratio(long measured, long baseline) {
        return baseline <= 0 ? "-" : String.format("%.2f", (double) measured / baseline);
    }

    private static long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static String range(List<Leg> legs, Function<Leg, Integer> count) {
        int min = legs.stream().map(count).min(Comparator.naturalOrder()).orElse(0);
        int max = legs.stream().map(count).max(Comparator.naturalOrder()).orElse(0);
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    private static <T> long p50(List<T> values, Function<T, Long> of) {
        return percentile(values, of, 0.50);
    }

    static <T> long p99(List<T> values, Function<T, Long> of) {
        return percentile(values, of, 0.99);
    }

    private static <T> long max(List<T> values, Function<T, Long> of) {
        return percentile(values, of, 1.0);
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    static <T> long percentile(List<T> values, Function<T, Long> of, double q) {
        List<Long> sorted = values.stream().map(of).sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
