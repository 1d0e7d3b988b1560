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
    private final Queue<JournalEntry> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> processedChangeSets = new ConcurrentLinkedQueue<>();

    CallJournal(Clock clock) {
        this.clock = clock;
    }

    void record(String operation, List<String> ids, boolean rejected) {
        record(operation, ids, null, rejected ? CallOutcome.REJECTED : CallOutcome.OK);
    }

    void record(String operation, List<String> ids, CallOutcome outcome) {
        record(operation, ids, null, outcome);
    }

    /** A call with the sales channel it named (the ChannelId of a *ByChannel operation, else null). */
    void record(String operation, List<String> ids, Integer channelId, CallOutcome outcome) {
        calls.add(new JournalEntry(clock.instant(), operation, ids, outcome, channelId));
    }

    /** A call answered with an injected throttle fault (not a budget window's). */
    void injectedThrottle(String operation, List<String> ids, Integer channelId) {
        calls.add(new JournalEntry(clock.instant(), operation, ids, CallOutcome.THROTTLED, channelId, true));
    }

    void changeSetProcessed(String changeSetId) {
        processedChangeSets.add(changeSetId);
    }

    /** Every call; {@code rejected} means it never reached the operation (refused, throttled or a fault). */
    List<Call> calls() {
        return calls.stream().map(e -> new Call(e.at(), e.operation(), e.ids(), e.outcome() != CallOutcome.OK, e.channelId()))
                .toList();
    }

    List<JournalEntry> entries() {
        return List.copyOf(calls);
    }

    List<String> processedChangeSets() {
        return List.copyOf(processedChangeSets);
    }
}
