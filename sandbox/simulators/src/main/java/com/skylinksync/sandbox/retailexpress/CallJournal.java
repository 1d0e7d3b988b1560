package com.skylinksync.sandbox.retailexpress;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.Call;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every SOAP call the simulator received (accepted or rejected) and every change set acknowledged, oldest first.
 * Lock-free queues: benchmarks record hundreds of thousands of calls, and copying happens only when a test reads.
 */
final class CallJournal {

    private final Clock clock;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> processedChangeSets = new ConcurrentLinkedQueue<>();

    CallJournal(Clock clock) {
        this.clock = clock;
    }

    void record(String operation, List<String> ids, boolean rejected) {
        record(operation, ids, null, rejected);
    }

    /** A call with the sales channel it named (the ChannelId of a *ByChannel operation), or null. */
    void record(String operation, List<String> ids, Integer channelId, boolean rejected) {
        calls.add(new Call(clock.instant(), operation, List.copyOf(ids), rejected, channelId));
    }

    void changeSetProcessed(String changeSetId) {
        processedChangeSets.add(changeSetId);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> processedChangeSets() {
        return List.copyOf(processedChangeSets);
    }
}
