package com.skylinksync.runtime;

import com.skylinksync.connector.Ordering;
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
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs entity syncs concurrently across keys while keeping each key strictly sequential.
 *
 * <p>Every key with work has a lane. A lane is QUEUED (waiting for a worker), RUNNING or BACKING_OFF (a transient
 * failure; its retry is scheduled). What one run of a lane covers is its connector's {@link Ordering}: under
 * {@code currentState} every waiting event is <em>coalesced</em> into one run (a sync fetches current state); under
 * {@code inOrder} the next waiting event runs alone, or with the events before it that the next ones supersede. An
 * event that arrives while its lane runs waits in the lane and runs afterwards. Up to {@code concurrency} groups of up
 * to {@code batchSize} queued lanes run at once, each group on a virtual thread, so parallelism is not bounded by the
 * partition count and one RE call can serve a whole group.
 *
 * <p>Real time before backlog: a lane with a real-time event (EDS, single sync, a change found in Magento) queues
 * ahead of lanes with only backlog events (bulk, replay), groups are of one priority, and backlog groups leave a
 * quarter of the slots free for real-time ones, so a change made now never waits behind a resync. One entity's
 * real-time and backlog events share its lane (they may come from two topics), so they never run concurrently.
 *
 * <p>A backing-off lane keeps its records unfinished (their offsets stay uncommitted, so a crash re-delivers them)
 * while every other key keeps flowing. Only records of finished runs are marked finished in the {@link OffsetLedger}.
 */
final class KeyOrderedDispatcher {

    private static final Logger log = LoggerFactory.getLogger(KeyOrderedDispatcher.class);

    /** One lane's share of a group handed to the {@link Runner}. */
    record Work(String key, List<Received> records, int attempt, Instant failingSince, boolean realTime) {
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

    private final Runner runner;
    private final OffsetLedger offsets;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final int concurrency;
    private final int backlogSlots;
    private final int batchSize;
    private final Function<Received, Ordering> orderings;

    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> urgent = new ArrayDeque<>();
    private final ArrayDeque<Lane> backlog = new ArrayDeque<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private int groupsRunning;
    private int backlogGroupsRunning;
    private boolean stopping;

    KeyOrderedDispatcher(Runner runner, OffsetLedger offsets, Executor workers, ScheduledExecutorService timers,
                         RetryBackoff backoff, Clock clock, int concurrency, int batchSize,
                         Function<Received, Ordering> orderings) {
        this.runner = runner;
        this.offsets = offsets;
        this.workers = workers;
        this.timers = timers;
        this.backoff = backoff;
        this.clock = clock;
        this.concurrency = concurrency;
        this.backlogSlots = Math.max(1, concurrency - (concurrency + 3) / 4);
        this.batchSize = batchSize;
        this.orderings = orderings;
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
            lane = new Lane(received.key());
            lanes.put(lane.key, lane);
            lane.waiting.add(received);
            enqueue(lane);
        } else {
            lane.waiting.add(received);
            if (lane.state == Lane.State.QUEUED && received.realTime() && backlog.remove(lane)) {
                urgent.add(lane); // a real-time event lifts a queued backlog lane
            }
        }
        launch();
    }

    /**
     * Takes an inline sync into its key's lane, so it runs after (or together with, where the connector coalesces)
     * whatever the consumer holds for the same key, never beside it. Refused while stopped or paused.
     */
    synchronized void submitInline(Received received) {
        if (stopping) {
            throw new IllegalStateException("This pod is not consuming (paused or stopping)");
        }
        Lane lane = lanes.get(received.key());
        if (lane == null) {
            lane = new Lane(received.key());
            lanes.put(lane.key, lane);
            lane.waiting.add(received);
            enqueue(lane);
        } else {
            lane.waiting.add(received);
            if (lane.state == Lane.State.QUEUED && backlog.remove(lane)) {
                urgent.add(lane);
            }
        }
        launch();
    }

    /**
     * Hands back the work of partitions this pod loses: their waiting and backing-off records are dropped unfinished
     * (the new owner re-reads them); running work gets up to {@code wait} to finish so its offsets can be committed.
     */
    synchronized void revoke(Collection<TopicPartition> partitions, Duration wait) throws InterruptedException {
        assigned.removeAll(partitions);
        for (Lane lane : List.copyOf(lanes.values())) {
            lane.waiting.removeIf(r -> partitions.contains(r.partition()));
            if (lane.state != Lane.State.RUNNING) {
                lane.covered.removeIf(r -> partitions.contains(r.partition()));
                if (lane.idle()) {
                    forget(lane);
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (lanes.values().stream().anyMatch(lane -> lane.state == Lane.State.RUNNING && lane.holds(partitions))) {
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
        urgent.clear();
        backlog.clear();
        for (Lane lane : lanes.values()) {
            lane.waiting.forEach(Received::abandon);
            if (lane.state != Lane.State.RUNNING) {
                lane.covered.forEach(Received::abandon);
            }
        }
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

    /**
     * After a {@link #stop} (a pause): takes work again. What was waiting or backing off when it stopped was handed
     * back uncommitted, so it is forgotten here; the next consumer re-reads it. Runs still going past the grace
     * settle into nothing (their lanes are gone), and inline syncs waiting on them are told to try again.
     */
    synchronized void restart() {
        for (Lane lane : lanes.values()) {
            lane.covered.forEach(Received::abandon);
            lane.waiting.forEach(Received::abandon);
        }
        lanes.clear();
        urgent.clear();
        backlog.clear();
        assigned.clear();
        stopping = false;
    }

    synchronized int lanes() {
        return lanes.size();
    }

    private void enqueue(Lane lane) {
        lane.state = Lane.State.QUEUED;
        (lane.realTime() ? urgent : backlog).add(lane);
    }

    private void forget(Lane lane) {
        lanes.remove(lane.key);
        urgent.remove(lane);
        backlog.remove(lane);
    }

    private void launch() {
        while (!stopping && groupsRunning < concurrency) {
            boolean realTime = !urgent.isEmpty();
            if (!realTime && (backlog.isEmpty() || backlogGroupsRunning >= backlogSlots)) {
                return;
            }
            ArrayDeque<Lane> queue = realTime ? urgent : backlog;
            List<Work> group = new ArrayList<>();
            while (group.size() < batchSize && !queue.isEmpty()) {
                Lane lane = queue.poll();
                lane.state = Lane.State.RUNNING;
                if (!lane.waiting.isEmpty()) {
                    lane.takeNext(orderings.apply(lane.waiting.getFirst()));
                }
                lane.attempt++;
                group.add(new Work(lane.key, List.copyOf(lane.covered), lane.attempt, lane.failingSince, realTime));
            }
            groupsRunning++;
            if (!realTime) {
                backlogGroupsRunning++;
            }
            workers.execute(() -> run(group, realTime));
        }
    }


    private void run(List<Work> group, boolean realTime) {
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
            if (!realTime) {
                backlogGroupsRunning--;
            }
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
        if (stopping) {
            lanes.remove(lane.key); // handed back: its records stay unfinished
            if (verdict instanceof Verdict.Done) {
                lane.covered.forEach(Received::done);
            }
            lane.covered.forEach(Received::abandon);
            lane.waiting.forEach(Received::abandon);
            return;
        }
        lane.covered.removeIf(r -> !r.isInline() && !assigned.contains(r.partition())); // handed back to their new owner
        switch (verdict) {
            case Verdict.Done ignored -> {
                lane.covered.forEach(r -> {
                    if (r.isInline()) {
                        r.done();
                    } else {
                        offsets.finish(r.partition(), r.record().offset());
                    }
                });
                lane.covered.clear();
                lane.attempt = 0;
                lane.failingSince = null;
                if (lane.waiting.isEmpty()) {
                    lanes.remove(lane.key);
                } else {
                    enqueue(lane);
                }
            }
            case Verdict.Retry retry -> {
                if (lane.idle()) {
                    lanes.remove(lane.key);
                    return;
                }
                lane.state = Lane.State.BACKING_OFF;
                if (lane.failingSince == null) {
                    lane.failingSince = clock.instant();
                }
                timers.schedule(() -> requeue(lane), retry.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void requeue(Lane lane) {
        if (lanes.get(lane.key) != lane || lane.state != Lane.State.BACKING_OFF || stopping) {
            return;
        }
        enqueue(lane);
        launch();
    }
}
