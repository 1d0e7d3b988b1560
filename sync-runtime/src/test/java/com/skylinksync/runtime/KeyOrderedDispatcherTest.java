package com.skylinksync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher on real virtual threads: per-key order and exclusivity, coalescing, offsets, retries. */
class KeyOrderedDispatcherTest {

    private static final String TOPIC = "skylink.re.customers";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final OffsetLedger offsets = new OffsetLedger();
    private final SyncProperties properties = new SyncProperties("test", List.of(TOPIC), 8, 10, 1000, 1,
            Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 0.5, Duration.ofMinutes(1), Duration.ofSeconds(5));
    private long nextOffset;

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void keepsEachKeyInOrderAndAloneWhileKeysRunConcurrently() {
        var running = ConcurrentHashMap.<String>newKeySet();
        var overlaps = new AtomicInteger();
        var seen = new ConcurrentHashMap<String, List<Integer>>();
        var peak = new AtomicInteger();
        var random = new Random(7);
        KeyOrderedDispatcher dispatcher = dispatcher(group -> {
            peak.accumulateAndGet(group.size(), Math::max);
            Map<String, KeyOrderedDispatcher.Verdict> verdicts = new HashMap<>();
            for (var work : group) {
                if (!running.add(work.key())) {
                    overlaps.incrementAndGet();
                }
            }
            sleep(random.nextInt(5));
            for (var work : group) {
                // The newest sequence number a run covers is what it syncs.
                int newest = work.records().stream().mapToInt(r -> Integer.parseInt(r.event().getTraceId())).max().orElseThrow();
                seen.computeIfAbsent(work.key(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(newest);
                running.remove(work.key());
                verdicts.put(work.key(), KeyOrderedDispatcher.Verdict.DONE);
            }
            return verdicts;
        });
        int keys = 200;
        int perKey = 20;
        for (int sequence = 0; sequence < perKey; sequence++) {
            for (int key = 0; key < keys; key++) {
                submit(dispatcher, "k" + key, sequence);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> offsets.unfinished() == 0);
        assertThat(overlaps).hasValue(0);
        assertThat(seen).hasSize(keys);
        seen.forEach((key, sequence) -> {
            assertThat(sequence).isSorted();
            assertThat(sequence).doesNotHaveDuplicates();
            assertThat(sequence.getLast()).as("last sync of %s covers its last event", key).isEqualTo(perKey - 1);
        });
        assertThat(offsets.toCommit(null).get(P0).offset()).isEqualTo(nextOffset);
        assertThat(peak.get()).isGreaterThan(1);
    }

    @Test
    void coalescesWaitingEventsAndRunsOnceMoreForAnEventThatArrivesMidSync() throws InterruptedException {
        var runs = new ArrayList<List<Integer>>();
        var firstRunStarted = new CountDownLatch(1);
        var releaseFirstRun = new CountDownLatch(1);
        KeyOrderedDispatcher dispatcher = dispatcher(group -> {
            var work = group.getFirst();
            synchronized (runs) {
                runs.add(work.records().stream().map(r -> Integer.parseInt(r.event().getTraceId())).toList());
            }
            firstRunStarted.countDown();
            awaitLatch(releaseFirstRun);
            return Map.of(work.key(), KeyOrderedDispatcher.Verdict.DONE);
        });
        submit(dispatcher, "300000", 0);
        assertThat(firstRunStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int sequence = 1; sequence <= 100; sequence++) {
            submit(dispatcher, "300000", sequence); // all land while the first run is in progress
        }
        releaseFirstRun.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> offsets.unfinished() == 0);
        synchronized (runs) {
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0)).containsExactly(0);
            assertThat(runs.get(1)).hasSize(100).endsWith(100);
        }
    }

    @Test
    void entitiesOfTwoTypesSharingAKeyRunApartAndInOrderNeverCoalescedIntoOneRun() throws InterruptedException {
        // RE price group 2 and Magento customer 2 reach one service under one key: a run syncs one entity type, so
        // coalescing them would sync one and report the other done without syncing it.
        var runs = new ArrayList<List<String>>();
        var firstRunStarted = new CountDownLatch(1);
        var releaseFirstRun = new CountDownLatch(1);
        KeyOrderedDispatcher dispatcher = dispatcher(group -> {
            var work = group.getFirst();
            synchronized (runs) {
                runs.add(work.records().stream().map(r -> r.event().getEntityType() + ":" + r.event().getTraceId()).toList());
            }
            firstRunStarted.countDown();
            awaitLatch(releaseFirstRun);
            return Map.of(work.key(), KeyOrderedDispatcher.Verdict.DONE);
        });
        submit(dispatcher, "2", 0, EntityType.PRICE_GROUP);
        assertThat(firstRunStarted.await(5, TimeUnit.SECONDS)).isTrue();
        submit(dispatcher, "2", 1, EntityType.MAGENTO_CUSTOMER);
        submit(dispatcher, "2", 2, EntityType.PRICE_GROUP);
        submit(dispatcher, "2", 3, EntityType.PRICE_GROUP);
        submit(dispatcher, "2", 4, EntityType.MAGENTO_CUSTOMER);
        releaseFirstRun.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> offsets.unfinished() == 0);
        synchronized (runs) {
            assertThat(runs).containsExactly(List.of("PRICE_GROUP:0"), List.of("MAGENTO_CUSTOMER:1"),
                    List.of("PRICE_GROUP:2", "PRICE_GROUP:3"), List.of("MAGENTO_CUSTOMER:4"));
        }
    }

    @Test
    void retriesAKeyWithoutHoldingUpOthersAndKeepsItsOffsetUnfinishedMeanwhile() {
        var failuresLeft = new AtomicInteger(3);
        var done = ConcurrentHashMap.<String>newKeySet();
        KeyOrderedDispatcher dispatcher = dispatcher(group -> {
            Map<String, KeyOrderedDispatcher.Verdict> verdicts = new HashMap<>();
            for (var work : group) {
                if (work.key().equals("flaky") && failuresLeft.getAndDecrement() > 0) {
                    verdicts.put(work.key(), new KeyOrderedDispatcher.Verdict.Retry(Duration.ofMillis(300)));
                } else {
                    done.add(work.key());
                    verdicts.put(work.key(), KeyOrderedDispatcher.Verdict.DONE);
                }
            }
            return verdicts;
        });
        submit(dispatcher, "flaky", 0);
        for (int key = 0; key < 50; key++) {
            submit(dispatcher, "k" + key, 0);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 50);
        assertThat(done).doesNotContain("flaky");
        // offset 0 (flaky) is not finished: nothing past it may be committed, though 50 later records are done
        assertThat(offsets.toCommit(null).get(P0).offset()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("flaky"));
        assertThat(offsets.toCommit(null).get(P0).offset()).isEqualTo(51);
    }

    private KeyOrderedDispatcher dispatcher(KeyOrderedDispatcher.Runner runner) {
        var dispatcher = new KeyOrderedDispatcher(runner, offsets, workers, timers,
                new RetryBackoff(properties, new Random(1)), Clock.systemUTC(), properties.concurrency(), properties.batchSize(),
                received -> Ordering.currentState());
        dispatcher.assigned(Set.of(P0));
        return dispatcher;
    }

    private void submit(KeyOrderedDispatcher dispatcher, String key, int sequence) {
        submit(dispatcher, key, sequence, EntityType.CUSTOMER);
    }

    private void submit(KeyOrderedDispatcher dispatcher, String key, int sequence, EntityType type) {
        EntityChanged event = EntityChanged.newBuilder().setChangeSetId(null).setOrigin(Origin.EDS)
                .setClientId("client").setSalesChannelId(1).setEntityType(type).setEntityId(key)
                .setAttributeCode(null).setObservedAt(Instant.now()).setTraceId(Integer.toString(sequence)).build();
        long offset = nextOffset++;
        offsets.track(P0, offset);
        dispatcher.submit(new Received(new ConsumerRecord<>(TOPIC, 0, offset, key, event), Instant.now()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // simulated RE/Magento latency
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
