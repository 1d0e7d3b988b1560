package com.skylinksync.runtime;

import com.skylinksync.connector.Failure;
import com.skylinksync.connector.FailureKind;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.WorkPriority;
import com.skylinksync.runtime.CompletionReporter.Completion;
import com.skylinksync.runtime.KeyOrderedDispatcher.Verdict;
import com.skylinksync.runtime.KeyOrderedDispatcher.Work;
import com.skylinksync.runtime.status.EntityStatus;
import com.skylinksync.runtime.status.EntityStatusStore;
import com.skylinksync.runtime.status.StatusUpdate;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Runs one group of lanes: unreadable records straight to the dead-letter topic; for the rest, status RUNNING (which
 * also reads the last content hashes), the syncer over all of them at once, then per entity the outcome's
 * consequences — status, dead letter or parking, {@code EntitySynced} per change set covered, metrics — and the
 * verdict for the dispatcher. Bookkeeping failures (database, Kafka) propagate: the whole group is retried.
 */
final class SyncExecution implements KeyOrderedDispatcher.Runner {

    private static final Logger log = LoggerFactory.getLogger(SyncExecution.class);
    private static final LogAccessor logAccessor = new LogAccessor(SyncExecution.class);

    private final Map<String, EntitySyncer> syncers;
    private final EntityStatusStore statuses;
    private final CompletionReporter completions;
    private final DeadLetters deadLetters;
    private final SyncMetrics metrics;
    private final RetryBackoff backoff;
    private final Failures failures;
    private final WorkPriority priority;
    private final SyncScope scope;
    private final Clock clock;

    SyncExecution(List<EntitySyncer> syncers, EntityStatusStore statuses, CompletionReporter completions,
                  DeadLetters deadLetters, SyncMetrics metrics, RetryBackoff backoff,
                  Failures failures, WorkPriority priority, SyncScope scope, Clock clock) {
        this.syncers = new HashMap<>();
        syncers.forEach(s -> this.syncers.put(s.entityType().name(), s));
        this.statuses = statuses;
        this.completions = completions;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.backoff = backoff;
        this.failures = failures;
        this.priority = priority;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public Map<String, Verdict> run(List<Work> group) {
        Map<String, Verdict> verdicts = new HashMap<>();
        Map<String, List<Work>> byType = new LinkedHashMap<>();
        for (Work work : group) {
            List<ConsumerRecord<String, Object>> unreadable = work.records().stream()
                    .filter(r -> r.event() == null).map(Received::record).toList();
            for (ConsumerRecord<String, Object> record : unreadable) {
                Exception reason = unreadableReason(record);
                log.error("Dead-lettering unreadable record {}-{}@{}: {}{}", record.topic(), record.partition(),
                        record.offset(), reason.getMessage(), reason.getCause() == null ? "" : " (" + reason.getCause() + ")");
                deadLetters.deadLetter(List.of(record), reason);
                metrics.outcome("unreadable", "dead_lettered", 1);
            }
            if (work.records().stream().anyMatch(r -> r.event() != null)) {
                byType.computeIfAbsent(groupOf(latest(work)), t -> new ArrayList<>()).add(work);
            } else {
                verdicts.put(work.key(), Verdict.DONE);
            }
        }
        byType.forEach((groupKey, works) -> verdicts.putAll(runType(latest(works.getFirst()).getEntityType().name(), works)));
        return verdicts;
    }

    /** The group's run inside its trace and logging context ({@link SyncScope}). */
    private Map<String, Verdict> runType(String type, List<Work> works) {
        List<Received> newest = works.stream().map(SyncExecution::newest).toList();
        return scope.around(type, newest, () -> runTypeInScope(type, works));
    }

    private Map<String, Verdict> runTypeInScope(String type, List<Work> works) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        Map<String, String> changeSets = new HashMap<>();
        for (Work work : works) {
            EntityChanged latest = latest(work);
            attempts.put(EntityKey.of(latest), work.attempt());
            changeSets.put(EntityKey.of(latest), latest.getChangeSetId());
        }
        Map<String, EntityStatus> known = statuses.running(type, attempts, changeSets);
        List<SyncTask> tasks = works.stream().map(work -> {
            EntityChanged latest = latest(work);
            EntityStatus status = known.get(EntityKey.of(latest));
            return new SyncTask(latest, status == null ? null : status.contentHash(),
                    status == null ? null : status.targetId(), work.attempt());
        }).toList();

        Map<String, TaskOutcome> outcomes = new HashMap<>();
        EntitySyncer syncer = syncers.get(type);
        try {
            if (syncer == null) {
                throw new PermanentSyncException("NO_SYNCER", "This service does not sync " + type + " entities");
            }
            WorkPriority.Level level = works.getFirst().realTime() ? WorkPriority.Level.REAL_TIME : WorkPriority.Level.BACKLOG;
            for (TaskOutcome outcome : priority.call(level, () -> syncer.syncAll(tasks))) {
                outcomes.put(outcome.entityId(), outcome);
            }
        } catch (RuntimeException failure) {
            tasks.forEach(task -> outcomes.put(task.entityId(), new TaskOutcome.Failed(task.entityId(), failure)));
        }

        Map<String, Verdict> verdicts = new HashMap<>();
        List<StatusUpdate> updates = new ArrayList<>();
        List<Completion> reports = new ArrayList<>();
        Instant now = clock.instant();
        for (Work work : works) {
            SyncScope.entity(latest(work));
            String entityId = latest(work).getEntityId();
            String statusId = EntityKey.of(latest(work));
            metrics.run(type);
            TaskOutcome outcome = outcomes.getOrDefault(entityId, new TaskOutcome.Failed(entityId,
                    new IllegalStateException("The syncer returned no outcome for " + type + " " + entityId)));
            switch (outcome) {
                case TaskOutcome.Done done -> {
                    SyncResult result = done.result();
                    SyncStatus status = result.outcome() == Outcome.SYNCED ? SyncStatus.SYNCED : SyncStatus.UNCHANGED;
                    updates.add(new StatusUpdate(statusId, status, work.attempt(), null, result.contentHash(),
                            result.targetId()));
                    perChangeSet(work).forEach(event -> reports.add(new Completion(event, result.outcome(),
                            result.targetId(), work.attempt(), null, null)));
                    metrics.outcome(type, status.name(), 1);
                    work.records().forEach(r -> metrics.latency(type, Duration.between(r.receivedAt(), now)));
                    log.debug("{} {} {} after {} attempt(s)", type, entityId, status, work.attempt());
                    verdicts.put(work.key(), Verdict.DONE);
                }
                case TaskOutcome.Failed failed -> verdicts.put(work.key(),
                        failed(type, statusId, work, failed.failure(), now, updates, reports));
            }
        }
        statuses.finished(type, updates);
        completions.report(reports);
        return verdicts;
    }

    private Verdict failed(String type, String entityId, Work work, RuntimeException failure, Instant now,
                           List<StatusUpdate> updates, List<Completion> reports) {
        Failure verdict = failures.classify(failure);
        FailureKind kind = verdict.kind();
        String code = verdict.code();
        String message = Failures.rootMessage(failure);
        List<ConsumerRecord<String, Object>> records = work.records().stream()
                .filter(r -> r.event() != null).map(Received::record).toList();
        Instant since = work.failingSince() == null ? now : work.failingSince();
        if (kind == FailureKind.TRANSIENT && backoff.keepTrying(Duration.between(since, now))) {
            Duration delay = backoff.after(work.attempt());
            log.warn("{} {} failed (attempt {}), retrying in {} ms: {} {}", type, entityId, work.attempt(),
                    delay.toMillis(), code, message);
            updates.add(new StatusUpdate(entityId, SyncStatus.FAILED, work.attempt(), code + ": " + message, null, null));
            perChangeSet(work).forEach(event -> reports.add(new Completion(event, Outcome.FAILED, null,
                    work.attempt(), code, message)));
            metrics.outcome(type, "failed", 1);
            return new Verdict.Retry(delay);
        }
        if (kind == FailureKind.UNCERTAIN) {
            log.error("{} {} parked for an operator (the write's outcome is unknown): {} {}", type, entityId, code, message);
            deadLetters.park(records, failure);
            updates.add(new StatusUpdate(entityId, SyncStatus.PARKED, work.attempt(), code + ": " + message, null, null));
            // PARKED is terminal, with failure: the change set is acknowledged as processed with failures.
            perChangeSet(work).forEach(event -> reports.add(new Completion(event, Outcome.PARKED, null,
                    work.attempt(), code, message)));
            metrics.outcome(type, "parked", 1);
            return Verdict.DONE;
        }
        String reason = kind == FailureKind.TRANSIENT ? "RETRIES_EXHAUSTED_" + code : code;
        log.error("{} {} dead-lettered after {} attempt(s): {} {}", type, entityId, work.attempt(), reason, message);
        deadLetters.deadLetter(records, failure);
        updates.add(new StatusUpdate(entityId, SyncStatus.DEAD_LETTERED, work.attempt(), reason + ": " + message, null, null));
        perChangeSet(work).forEach(event -> reports.add(new Completion(event, Outcome.DEAD_LETTERED, null,
                work.attempt(), reason, message)));
        metrics.outcome(type, "dead_lettered", 1);
        return Verdict.DONE;
    }

    /** One report per change set the run covered (the newest event of each): the gateway tracks change sets. */
    private static List<EntityChanged> perChangeSet(Work work) {
        Map<String, EntityChanged> latestPerChangeSet = new LinkedHashMap<>();
        for (Received received : work.records()) {
            EntityChanged event = received.event();
            if (event != null) {
                latestPerChangeSet.put(String.valueOf(event.getChangeSetId()), event);
            }
        }
        return List.copyOf(latestPerChangeSet.values());
    }

    /** Entities of one connector call: one entity type and, for attribute options, one attribute. */
    private static String groupOf(EntityChanged event) {
        String code = event.getAttributeCode();
        return code == null ? event.getEntityType().name() : event.getEntityType().name() + ":" + code;
    }

    private static EntityChanged latest(Work work) {
        Received newest = newest(work);
        return newest == null ? null : newest.event();
    }

    /** The newest readable record of the work (it has one: unreadable-only work never gets here). */
    private static Received newest(Work work) {
        Received newest = null;
        for (Received received : work.records()) {
            if (received.event() != null) {
                newest = received;
            }
        }
        return newest;
    }


    private static Exception unreadableReason(ConsumerRecord<String, Object> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        if (cause != null) {
            return cause;
        }
        return new PermanentSyncException("WRONG_EVENT_TYPE", "Expected EntityChanged on " + record.topic() + " but got "
                + (record.value() == null ? "an empty value" : record.value().getClass().getSimpleName()));
    }
}
