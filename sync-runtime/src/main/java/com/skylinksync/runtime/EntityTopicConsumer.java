package com.skylinksync.runtime;

import com.skylinksync.runtime.status.EntityStatusStore;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.avro.EntityChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The pod's one consumer of the entity topic, on its own thread: polls, records QUEUED, hands records to the
 * {@link KeyOrderedDispatcher} and commits, for each partition, only the offsets below which everything is finished.
 * Polling never waits for syncs (the work runs elsewhere), so the consumer stays in its group however slow Magento is;
 * when too many records are unfinished it pauses its partitions instead of fetching more.
 *
 * <p>Stopping (graceful shutdown): no more polling, running syncs get {@code shutdown-grace} to finish, finished
 * offsets are committed, the rest is handed back uncommitted for the next owner. Also the Kafka health indicator:
 * DOWN when the loop died or has not completed a poll for a while.
 *
 * <p>Pausing ({@code skylink pause GROUP}, followed by {@link PauseControl}) stops the same way but keeps the
 * application running: the consumer is closed, so the pod <em>leaves</em> the consumer group (a Kafka
 * {@code pause()} would keep it a live member, and a replay could not move the group's offsets). Resuming starts a
 * new consumer, which joins the group and reads on from the committed offsets. While paused the health component
 * answers {@code OUT_OF_SERVICE} with {@code state: PAUSED}, so readiness shows it.
 */
final class EntityTopicConsumer implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EntityTopicConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REBALANCE_WAIT = Duration.ofSeconds(10);
    private static final Duration STALE_POLL = Duration.ofSeconds(60);

    private final ConsumerFactory<String, Object> consumers;
    private final SyncProperties properties;
    private final KeyOrderedDispatcher dispatcher;
    private final OffsetLedger offsets;
    private final EntityStatusStore statuses;
    private final Clock clock;

    private volatile boolean running;
    /** Whether the application has started this bean (SmartLifecycle), paused or not. */
    private volatile boolean started;
    private volatile boolean paused;
    private volatile Thread thread;
    private volatile Consumer<String, Object> consumer;
    private volatile Instant lastPoll;
    private final AtomicReference<String> fatal = new AtomicReference<>();

    EntityTopicConsumer(ConsumerFactory<String, Object> consumers, SyncProperties properties,
                        KeyOrderedDispatcher dispatcher, OffsetLedger offsets, EntityStatusStore statuses, Clock clock) {
        this.consumers = consumers;
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.offsets = offsets;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (!paused) {
            startLoop();
        }
    }

    /** Leaves the consumer group (running syncs finish, finished offsets are committed) until {@link #resume()}. */
    synchronized void pause() {
        if (paused) {
            return;
        }
        paused = true;
        log.info("Pausing the consumer of {}: leaving consumer group {}", properties.topics(), properties.service());
        halt();
    }

    /** Joins the consumer group again and consumes from the committed offsets. */
    synchronized void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        if (started) {
            log.info("Resuming the consumer of {} in consumer group {}", properties.topics(), properties.service());
            dispatcher.restart();
            startLoop();
        }
    }

    boolean paused() {
        return paused;
    }

    private void startLoop() {
        var overrides = new Properties();
        // Offsets are committed by this class only, below finished work.
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        consumer = consumers.createConsumer(null, properties.service(), null, overrides);
        running = true;
        thread = Thread.ofPlatform().name("sync-consumer").start(this::loop);
    }

    @Override
    public synchronized void stop() {
        started = false;
        halt();
    }

    private void halt() {
        running = false;
        Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(properties.shutdownGrace().plusSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        consumer = null;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Late start, early stop: the web server and the database outlive the consumer. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    @Override
    public Health health() {
        String failure = fatal.get();
        if (failure != null) {
            return Health.down().withDetail("consumer", "stopped: " + failure).build();
        }
        if (paused) {
            return Health.outOfService().withDetail("state", "PAUSED").withDetail("topics", properties.topics())
                    .withDetail("resume", "skylink resume " + properties.service()).build();
        }
        Instant last = lastPoll;
        if (running && (last == null || Duration.between(last, clock.instant()).compareTo(STALE_POLL) < 0)) {
            return Health.up().withDetail("topics", properties.topics()).withDetail("unfinished", offsets.unfinished()).build();
        }
        return Health.down().withDetail("topics", properties.topics()).withDetail("lastPoll", String.valueOf(last)).build();
    }

    private void loop() {
        Set<TopicPartition> paused = new HashSet<>();
        try {
            consumer.subscribe(subscribed(), new Rebalance());
            while (running) {
                ConsumerRecords<String, Object> records;
                try {
                    records = consumer.poll(POLL);
                } catch (WakeupException stopping) {
                    break;
                }
                lastPoll = clock.instant();
                if (!records.isEmpty()) {
                    take(records);
                }
                commit(null, false);
                paused = pressure(paused);
            }
        } catch (RuntimeException failure) {
            fatal.set(failure.toString());
            log.error("The consumer of {} stopped", properties.topics(), failure);
        } finally {
            shutDown();
        }
    }

    private void take(ConsumerRecords<String, Object> records) {
        Instant now = clock.instant();
        Map<String, Map<String, String>> queuedByType = new LinkedHashMap<>();
        for (ConsumerRecord<String, Object> record : records) {
            if (record.value() instanceof EntityChanged event) {
                queuedByType.computeIfAbsent(event.getEntityType().name(), t -> new LinkedHashMap<>())
                        .put(EntityKey.of(event), event.getChangeSetId());
            }
        }
        try {
            queuedByType.forEach(statuses::queued);
        } catch (RuntimeException databaseTrouble) {
            // Status is for operators; the sync itself records RUNNING and the outcome (and retries if it cannot).
            log.warn("Could not record {} entities as QUEUED: {}", records.count(), databaseTrouble.toString());
        }
        for (ConsumerRecord<String, Object> record : records) {
            offsets.track(new TopicPartition(record.topic(), record.partition()), record.offset());
            dispatcher.submit(new Received(record, now));
        }
    }

    /** Each entity topic and its backlog twin ({@link Topics#backlog}). */
    private List<String> subscribed() {
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : properties.topics()) {
            topics.add(topic);
            topics.add(Topics.backlog(topic));
        }
        return List.copyOf(topics);
    }

    /**
     * Back-pressure, backlog first: past {@code max-pending-records} unfinished records the backlog partitions stop
     * fetching, so real-time events keep arriving while a resync fills the pod; past twice that, everything pauses.
     * Each resumes below half its threshold.
     */
    private Set<TopicPartition> pressure(Set<TopicPartition> paused) {
        int unfinished = offsets.unfinished();
        int max = properties.maxPendingRecords();
        Set<TopicPartition> wanted = new HashSet<>();
        for (TopicPartition partition : consumer.assignment()) {
            boolean backlog = partition.topic().endsWith(Topics.BACKLOG_SUFFIX);
            int threshold = backlog ? max : 2 * max;
            boolean pausedNow = paused.contains(partition);
            if (unfinished >= threshold || (pausedNow && unfinished >= threshold / 2)) {
                wanted.add(partition);
            }
        }
        if (!wanted.equals(paused)) {
            Set<TopicPartition> resume = new HashSet<>(paused);
            resume.removeAll(wanted);
            resume.retainAll(consumer.assignment());
            consumer.resume(resume);
            consumer.pause(wanted);
        }
        return wanted;
    }

    private void commit(Collection<TopicPartition> only, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.toCommit(only);
        if (ready.isEmpty()) {
            return;
        }
        try {
            if (sync) {
                try {
                    consumer.commitSync(ready);
                } catch (WakeupException stopSignal) {
                    consumer.commitSync(ready); // the wake-up meant for poll(); the commit still matters
                }
                offsets.committed(ready);
            } else {
                consumer.commitAsync(ready, (committed, failure) -> {
                    if (failure == null) {
                        offsets.committed(committed);
                    } else {
                        log.debug("Offset commit failed (retried with the next one): {}", failure.toString());
                    }
                });
            }
        } catch (RuntimeException failure) {
            // Uncommitted finished work is only re-read after a crash; the next commit covers it.
            log.warn("Could not commit offsets {}: {}", ready, failure.toString());
        }
    }

    private void shutDown() {
        try {
            dispatcher.stop(properties.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit(null, true);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            running = false;
            log.info("Consumer of {} stopped; {} unfinished records handed back", properties.topics(), offsets.unfinished());
        }
    }

    /** Runs inside poll(), on the consumer thread. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            dispatcher.assigned(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                dispatcher.revoke(partitions, REBALANCE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit(partitions, true);
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            try {
                dispatcher.revoke(partitions, Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            offsets.forget(partitions);
        }
    }
}
