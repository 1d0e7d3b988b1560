package com.skylinksync.runtime;

import com.skylinksync.connector.Ordering;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One entity's work in the {@link KeyOrderedDispatcher}: its records waiting to run, the records its current (or
 * retried) run covers, and where it stands. Which waiting records a run covers is the connector's {@link Ordering}.
 * Not thread-safe: the dispatcher guards every lane with its own lock.
 */
final class Lane {

    enum State { QUEUED, RUNNING, BACKING_OFF }

    final String key;
    final List<Received> waiting = new ArrayList<>();
    final List<Received> covered = new ArrayList<>();
    State state = State.QUEUED;
    int attempt;
    Instant failingSince;

    Lane(String key) {
        this.key = key;
    }

    /** Whether someone waits for one of its changes (then it queues ahead of backlog lanes). */
    boolean realTime() {
        return covered.stream().anyMatch(Received::realTime) || waiting.stream().anyMatch(Received::realTime);
    }

    boolean holds(Collection<TopicPartition> partitions) {
        return covered.stream().anyMatch(r -> partitions.contains(r.partition()))
                || waiting.stream().anyMatch(r -> partitions.contains(r.partition()));
    }

    boolean idle() {
        return covered.isEmpty() && waiting.isEmpty();
    }

    /**
     * Moves what the next run covers from waiting to covered: under {@code currentState} every waiting record (they
     * coalesce, and a retry covers them too); under {@code inOrder} the next one, or the run of records each
     * superseded by the next — and nothing more while a retried write is still covered (it runs again alone first).
     */
    void takeNext(Ordering ordering) {
        if (waiting.isEmpty()) {
            return;
        }
        if (ordering instanceof Ordering.InOrder inOrder) {
            if (!covered.isEmpty()) {
                return;
            }
            int last = 0;
            while (last + 1 < waiting.size() && supersedes(inOrder, waiting.get(last), waiting.get(last + 1))) {
                last++;
            }
            List<Received> next = waiting.subList(0, last + 1);
            covered.addAll(next);
            next.clear();
        } else {
            covered.addAll(waiting);
            waiting.clear();
        }
    }

    private static boolean supersedes(Ordering.InOrder ordering, Received earlier, Received later) {
        return earlier.event() != null && later.event() != null
                && ordering.supersedes().test(earlier.event(), later.event());
    }
}
