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
        record(operation, ids, rejected ? CallOutcome.REJECTED : CallOutcome.OK);
    }

    void record(String operation, List<String> ids, CallOutcome outcome) {
        calls.add(new JournalEntry(clock.instant(), operation, ids, outcome));
    }

    void changeSetProcessed(String changeSetId) {
        processedChangeSets.add(changeSetId);
    }

    /** Every call; {@code rejected} means it never reached the operation (refused, throttled or a fault). */
    List<Call> calls() {
        return calls.stream().map(e -> new Call(e.at(), e.operation(), e.ids(), e.outcome() != CallOutcome.OK))
                .toList();
    }

    List<JournalEntry> entries() {
        return List.copyOf(calls);
    }

    List<String> processedChangeSets() {
        return List.copyOf(processedChangeSets);
    }
}
