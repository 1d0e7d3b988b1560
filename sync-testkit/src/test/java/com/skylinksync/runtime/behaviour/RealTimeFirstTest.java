package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A change made now is never queued behind a resync: backlog groups leave slots free, real-time lanes queue first. */
@ExtendWith(SharedInfrastructure.class)
class RealTimeFirstTest {

    private static final String TOPIC = "fake.priority.customers";
    /** One backlog group: as long as one Retail Express call for a page of a resync under a tight budget. */
    private static final Duration BACKLOG_GROUP = Duration.ofSeconds(3);
    private static final int BACKLOG = 200;

    private static SyncServiceHarness harness;

    @BeforeAll
    static void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aRealTimeChangeIsSyncedAtOnceWhileALargeBacklogIsStillRunning() {
        var target = new FakeTarget();
        var connector = new FakeConnector("pod1", EntityType.CUSTOMER, Ordering.currentState(), target)
                .latency(group -> group.getFirst().latest().getOrigin() == Origin.BULK ? BACKLOG_GROUP : Duration.ZERO);
        AtomicReference<Long> backlogDoneThen = new AtomicReference<>();
        connector.behave("now-1", task -> {
            backlogDoneThen.set(connector.groups().stream().filter(RealTimeFirstTest::isBacklog).count());
            return connector.write(task);
        });
        // Four slots: backlog groups may take three. Shutdown does not wait for the backlog the test leaves behind.
        harness.startService(FakeConnectorApplication.beans(Map.of("fake", connector)), "--skylink.sync.topics=" + TOPIC,
                "--skylink.sync.concurrency=4", "--skylink.sync.batch-size=5", "--skylink.sync.shutdown-grace=0ms");

        List<EntityChanged> resync = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            resync.add(harness.events().backlog(EntityType.CUSTOMER, "resync-" + i, "cs-resync"));
        }
        harness.events().publishAll(Topics.backlog(TOPIC), resync);
        // The first backlog groups have just started (in every backlog slot) and run for seconds.
        await().atMost(SyncServiceHarness.DEADLINE).pollInterval(Duration.ofMillis(10)).until(() -> connector.running() == 3);
        assertThat(connector.groups()).as("no backlog group has finished yet").isEmpty();

        Instant published = Instant.now();
        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, "now-1", "cs-now"));
        EntitySynced synced = harness.completions().awaitOutcome("cs-now", "now-1");
        Duration latency = Duration.between(published, synced.getFinishedAt());

        assertThat(synced.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(backlogDoneThen.get()).as("backlog groups finished before the real-time change ran (it should take the"
                + " slot kept free, not wait for one)").isZero();
        assertThat(latency).as("real-time latency behind a backlog of %d", BACKLOG).isLessThan(BACKLOG_GROUP);
        long backlogSynced = harness.completions().all().stream()
                .filter(o -> "cs-resync".equals(o.getChangeSetId()) && o.getOutcome() == Outcome.SYNCED).count();
        assertThat(backlogSynced).as("most of the backlog is still unfinished").isLessThan(BACKLOG / 2);
        System.out.printf("Real-time change synced %d ms after publishing, %d of %d backlog entities synced by then%n",
                latency.toMillis(), backlogSynced, BACKLOG);
    }

    private static boolean isBacklog(FakeConnector.Group group) {
        return group.tasks().getFirst().latest().getOrigin() == Origin.BULK;
    }
}
