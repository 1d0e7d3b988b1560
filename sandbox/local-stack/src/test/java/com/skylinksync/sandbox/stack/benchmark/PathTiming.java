package com.skylinksync.sandbox.stack.benchmark;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One change set's path, read from the simulators' journals: when it was sent, when the entity's Magento write
 * arrived, and how many calls on the way carried injected latency, so that latency can be taken off.
 *
 * <p>The RE journal stamps a call when it is answered, after the injected latency (the simulator sleeps in front of
 * the SOAP endpoint); the Magento journal stamps a request when it arrives, before its latency. A call counts as on
 * the entity's path when it names the entity (RE: its id; Magento: the id in path, query or body) and was answered
 * before the write arrived. Calls that do not name the entity (a cached website list, another poller's reads) are not
 * taken off: the figure errs on the slow side.
 *
 * @param sent         just before the change set was sent (the EDS PUT, or the baseline's enqueue)
 * @param write        when the entity's first Magento write (a non-GET request naming it) arrived
 * @param firstReCall  when the first RE call for the entity was sent (answer minus latency)
 * @param reCalls      RE calls on the path
 * @param magentoReads Magento reads on the path
 */
record PathTiming(Instant sent, Instant write, Instant firstReCall, int reCalls, int magentoReads) {

    static Optional<PathTiming> of(Probe probe, Instant sent, List<JournalEntry> reCalls,
                                   List<MagentoSimulator.Request> magento, Latencies latencies) {
        Optional<MagentoSimulator.Request> write = magento.stream()
                .filter(r -> !r.method().equals("GET") && !r.at().isBefore(sent) && names(r, probe))
                .findFirst();
        if (write.isEmpty()) {
            return Optional.empty();
        }
        Instant writeAt = write.get().at();
        List<JournalEntry> re = reCalls.stream()
                .filter(c -> c.ids().contains(probe.key()) && c.at().isAfter(sent) && !c.at().isAfter(writeAt))
                .toList();
        long reads = magento.stream()
                .filter(r -> r.method().equals("GET") && !r.at().isBefore(sent)
                        && !r.at().plus(latencies.magento()).isAfter(writeAt) && names(r, probe))
                .count();
        Instant firstRe = re.isEmpty() ? writeAt : re.getFirst().at().minus(latencies.retailExpress());
        return Optional.of(new PathTiming(sent, writeAt, firstRe, re.size(), (int) reads));
    }

    private static boolean names(MagentoSimulator.Request request, Probe probe) {
        return request.path().contains(probe.key()) || (request.body() != null && request.body().contains(probe.key()));
    }

    /** Sent to write arrival, minus the injected latency of every call on the path. */
    Duration aboveLatency(Latencies latencies) {
        return Duration.between(sent, write).minus(latencies.retailExpress().multipliedBy(reCalls))
                .minus(latencies.magento().multipliedBy(magentoReads));
    }

    /** Latency injected in the simulators, the same for the system and the baseline. */
    record Latencies(Duration retailExpress, Duration magento) {
    }
}
