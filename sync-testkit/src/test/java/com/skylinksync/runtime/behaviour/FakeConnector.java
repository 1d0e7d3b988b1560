package com.skylinksync.runtime.behaviour;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A connector of one instance whose behaviour the test scripts: how long a group takes (as one Retail Express call
 * for the whole group would), and per entity what a sync does — write to the {@link FakeTarget} (the default), fail,
 * or wait for the test. It records every group it was handed.
 */
final class FakeConnector implements EntitySyncer {

    /** What one entity's sync does; throwing is failing. */
    @FunctionalInterface
    interface Behaviour {
        SyncResult sync(SyncTask task) throws Exception;
    }

    /** One group handed over by the runtime. */
    record Group(List<SyncTask> tasks, Instant started, Instant finished) {
    }

    private final String instance;
    private final EntityType type;
    private final Ordering ordering;
    private final FakeTarget target;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Group> groups = new CopyOnWriteArrayList<>();
    private final List<SyncTask> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile Function<List<SyncTask>, Duration> latency = group -> Duration.ZERO;

    FakeConnector(String instance, EntityType type, Ordering ordering, FakeTarget target) {
        this.instance = instance;
        this.type = type;
        this.ordering = ordering;
        this.target = target;
    }

    /** How long a group takes before its entities are synced. */
    FakeConnector latency(Function<List<SyncTask>, Duration> latency) {
        this.latency = latency;
        return this;
    }

    /** What syncing {@code entityId} does from now on (instead of writing it). */
    FakeConnector behave(String entityId, Behaviour behaviour) {
        behaviours.put(entityId, behaviour);
        return this;
    }

    /** Writes the entity to the target: what a sync does unless told otherwise. */
    SyncResult write(SyncTask task) {
        target.applied(new FakeTarget.Applied(instance, task.entityId(), task.latest(), task.attempt(), Instant.now()));
        return SyncResult.synced("target-" + task.entityId(), null);
    }

    @Override
    public EntityType entityType() {
        return type;
    }

    @Override
    public Ordering ordering() {
        return ordering;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        throw new UnsupportedOperationException("the runtime hands over groups (syncAll)");
    }

    @Override
    public List<TaskOutcome> syncAll(List<SyncTask> tasks) {
        Instant started = Instant.now();
        running.incrementAndGet();
        calls.addAll(tasks);
        tasks.forEach(task -> target.entering(instance, task.entityId()));
        try {
            sleep(latency.apply(tasks));
            List<TaskOutcome> outcomes = new ArrayList<>();
            for (SyncTask task : tasks) {
                Behaviour behaviour = behaviours.getOrDefault(task.entityId(), this::write);
                outcomes.add(TaskOutcome.of(task, () -> {
                    try {
                        return behaviour.sync(task);
                    } catch (RuntimeException failure) {
                        throw failure;
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                }));
            }
            return outcomes;
        } finally {
            tasks.forEach(task -> target.leaving(instance, task.entityId()));
            groups.add(new Group(List.copyOf(tasks), started, Instant.now()));
            running.decrementAndGet();
        }
    }

    /** Every task handed over, in the order handed. */
    List<SyncTask> calls() {
        return List.copyOf(calls);
    }

    List<SyncTask> calls(String entityId) {
        return calls.stream().filter(task -> task.entityId().equals(entityId)).toList();
    }

    /** Groups being synced now. */
    int running() {
        return running.get();
    }

    List<Group> groups() {
        return List.copyOf(groups);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: the instance is stopping", e);
        }
    }
}
