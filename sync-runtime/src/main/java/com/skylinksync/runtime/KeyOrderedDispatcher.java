package com.skylinksync.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs entity syncs concurrently across keys while keeping each key strictly sequential.
 *
 * <p>Every key with work has a lane. A lane is QUEUED (waiting for a worker), RUNNING or BACKING_OFF (a transient
 * failure; its retry is scheduled). Events that arrive for a lane that is not running yet are <em>coalesced</em>: one
 * run covers all of them, since a sync fetches the entity's current state. An event that arrives while its lane runs
 * waits in the lane and causes exactly one more run afterwards, however many arrive. Up to {@code concurrency} groups
 * of up to {@code batchSize} queued lanes run at once, each group on a virtual thread, so parallelism is not bounded
 * by the partition count and one RE call can serve a whole group.
 *
 * <p>A backing-off lane keeps its records unfinished (their offsets stay uncommitted, so a crash re-delivers them)
 * while every other key keeps flowing. Only records of finished runs are marked finished in the {@link OffsetLedger}.
 */
final class KeyOrderedDispatcher {

    private static final Logger log = LoggerFactory.getLogger(KeyOrderedDispatcher.class);

    /** One lane's share of a group handed to the {@link Runner}. */
    record Work(String key, List<Received> records, int attempt, Instant failingSince) {
    }

    /** How a lane's run ended: done (its records are finished) or to be retried after a delay. */
    sealed interface Verdict {
        Verdict DONE = new Done();

        record Done() implements Verdict {
        }

        record Retry(Duration delay) implements Verdict {
        }
    }

    /** Runs a group of lanes; returns a verdict per lane key (a missing one counts as a retry). */
    interface Runner {
        Map<String, Verdict> run(List<Work> group);
    }

    private enum State { QUEUED, RUNNING, BACKING_OFF }

    private static final class Lane {
        final String key;
        final TopicPartition partition;
        final List<Received> waiting = new ArrayList<>();
        final List<Received> covered = new ArrayList<>();
        State state = State.QUEUED;
        int attempt;
        Instant failingSince;

        Lane(String key, TopicPartition partition) {
            this.key = key;
            this.partition = partition;
        }
    }

    private final Runner runner;
    private final OffsetLedger offsets;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final int concurrency;
    private final int batchSize;

    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private int groupsRunning;
    private boolean stopping;

    KeyOrderedDispatcher(Runner runner, OffsetLedger offsets, Executor workers, ScheduledExecutorService timers,
                         RetryBackoff backoff, Clock clock, int concurrency, int batchSize) {
        this.runner = runner;
        this.offsets = offsets;
        this.workers = workers;
        this.timers = timers;
        this.backoff = backoff;
        this.clock = clock;
        this.concurrency = concurrency;
        this.batchSize = batchSize;
    }

    synchronized void assigned(Collection<TopicPartition> partitions) {
        assigned.addAll(partitions);
    }

    /** Takes one record (already tracked in the ledger) into its key's lane. */
    synchronized void submit(Received received) {
        if (stopping || !assigned.contains(received.partition())) {
            return; // not finished, so not committed: whoever owns the partition next re-reads it
        }
        Lane lane = lanes.get(received.key());
        if (lane == null) {
            lane = new Lane(received.key(), received.partition());
            lanes.put(lane.key, lane);
            ready.add(lane);
        }
        lane.waiting.add(received);
        launch();
    }

    /**
     * Hands back the lanes of partitions this pod loses: waiting and backing-off work is dropped unfinished (the new
     * owner re-reads it); running work gets up to {@code wait} to finish so its offsets can still be committed.
     */
    synchronized void revoke(Collection<TopicPartition> partitions, Duration wait) throws InterruptedException {
        assigned.removeAll(partitions);
        lanes.values().removeIf(lane -> partitions.contains(lane.partition) && lane.state != State.RUNNING);
        ready.removeIf(lane -> partitions.contains(lane.partition));
        long deadline = System.nanoTime() + wait.toNanos();
        while (lanes.values().stream().anyMatch(lane -> partitions.contains(lane.partition))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Starts no more runs and waits up to {@code grace} for running ones; what is left stays unfinished. */
    synchronized void stop(Duration grace) throws InterruptedException {
        stopping = true;
        ready.clear();
        long deadline = System.nanoTime() + grace.toNanos();
        while (groupsRunning > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("Stopping with {} sync groups still running: their events are handed back uncommitted", groupsRunning);
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized int lanes() {
        return lanes.size();
    }

    private void launch() {
        while (!stopping && groupsRunning < concurrency && !ready.isEmpty()) {
            List<Work> group = new ArrayList<>();
            while (group.size() < batchSize && !ready.isEmpty()) {
                Lane lane = ready.poll();
                lane.state = State.RUNNING;
                lane.covered.addAll(lane.waiting);
                lane.waiting.clear();
                lane.attempt++;
                group.add(new Work(lane.key, List.copyOf(lane.covered), lane.attempt, lane.failingSince));
            }
            groupsRunning++;
            workers.execute(() -> run(group));
        }
    }

    private void run(List<Work> group) {
        Map<String, Verdict> verdicts;
        try {
            verdicts = runner.run(group);
        } catch (RuntimeException | Error failure) {
            // Not an entity's fault (the database or Kafka refused the bookkeeping): retry the whole group.
            log.warn("A sync group of {} entities failed as a whole; retrying: {}", group.size(), failure.toString());
            verdicts = Map.of();
        }
        synchronized (this) {
            groupsRunning--;
            for (Work work : group) {
                Lane lane = lanes.get(work.key());
                if (lane != null) {
                    settle(lane, verdicts.getOrDefault(work.key(), new Verdict.Retry(backoff.after(work.attempt()))));
                }
            }
            launch();
            notifyAll();
        }
    }

    private void settle(Lane lane, Verdict verdict) {
        if (!assigned.contains(lane.partition) || stopping) {
            lanes.remove(lane.key); // handed back: its records stay unfinished
            return;
        }
        switch (verdict) {
            case Verdict.Done ignored -> {
                lane.covered.forEach(r -> offsets.finish(r.partition(), r.record().offset()));
                lane.covered.clear();
                lane.attempt = 0;
                lane.failingSince = null;
                if (lane.waiting.isEmpty()) {
                    lanes.remove(lane.key);
                } else {
                    lane.state = State.QUEUED;
                    ready.add(lane);
                }
            }
            case Verdict.Retry retry -> {
                lane.state = State.BACKING_OFF;
                if (lane.failingSince == null) {
                    lane.failingSince = clock.instant();
                }
                timers.schedule(() -> requeue(lane), retry.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void requeue(Lane lane) {
        if (lanes.get(lane.key) != lane || lane.state != State.BACKING_OFF || stopping) {
            return;
        }
        lane.state = State.QUEUED;
        ready.add(lane);
        launch();
    }
}
