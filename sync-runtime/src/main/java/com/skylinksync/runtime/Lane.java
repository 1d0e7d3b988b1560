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
     * Moves what the next run covers from waiting to covered: under {@code currentState} the waiting records (they
     * coalesce, and a retry covers them too); under {@code inOrder} the next one, or the run of records each
     * superseded by the next — and nothing more while a retried write is still covered (it runs again alone first).
     *
     * <p>A run covers one entity type. A key is an entity id, and entities of two types can share one (RE price group
     * 2 and Magento customer 2 in one service), or share it on purpose (a Magento order and its invoice): a run takes
     * only the leading records of its type, and the next type's records run after it, in order.
     */
    void takeNext(Ordering ordering) {
        if (waiting.isEmpty()) {
            return;
        }
        Received first = covered.isEmpty() ? waiting.getFirst() : covered.getFirst();
        int sameType = 0;
        while (sameType < waiting.size() && sameType(first, waiting.get(sameType))) {
            sameType++;
        }
        if (ordering instanceof Ordering.InOrder inOrder) {
            if (!covered.isEmpty()) {
                return;
            }
            int last = 0;
            while (last + 1 < sameType && supersedes(inOrder, waiting.get(last), waiting.get(last + 1))) {
                last++;
            }
            sameType = last + 1;
        }
        List<Received> next = waiting.subList(0, sameType);
        covered.addAll(next);
        next.clear();
    }

    /** Whether two records are of one entity type (an unreadable record joins any run: it is dead-lettered there). */
    private static boolean sameType(Received a, Received b) {
        return a.event() == null || b.event() == null || a.event().getEntityType() == b.event().getEntityType();
    }

    private static boolean supersedes(Ordering.InOrder ordering, Received earlier, Received later) {
        return earlier.event() != null && later.event() != null
                && ordering.supersedes().test(earlier.event(), later.event());
    }
}
