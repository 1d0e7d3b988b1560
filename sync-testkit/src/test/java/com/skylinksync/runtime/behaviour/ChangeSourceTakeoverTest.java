package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.Ordering;
import com.skylinksync.runtime.source.ChangeSourcePoller;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import com.skylinksync.testkit.TopicRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One poller per change source across pods, under a lease in the database: a pod that dies keeps its lease until it
 * runs out, then another polls on from the stored cursor; a pod that stops gives the lease up at once. Every change
 * is published at least once either way.
 */
@ExtendWith(SharedInfrastructure.class)
class ChangeSourceTakeoverTest {

    private static final String SOURCE = "fake-magento-customers";
    private static final String SOURCE_TOPIC = Topics.forEntityType(EntityType.MAGENTO_CUSTOMER);

    private SyncServiceHarness harness;
    private String prefix;

    @BeforeEach
    void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).start();
        // The source topic is shared by every test of the run: each tells its changes by their ids.
        prefix = "polled-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aDeadPodsLeaseRunsOutAndAnotherPodPollsOnFromTheStoredCursor() {
        Duration lease = Duration.ofSeconds(3);
        var changes = new FakeChangeSource.Changes(prefix);
        var schedule = new ChangeSource.Schedule(Duration.ofMillis(100), lease);
        var first = new FakeChangeSource(SOURCE, changes, schedule);
        var second = new FakeChangeSource(SOURCE, changes, schedule);
        RunningService dying = start(first);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> !first.polls().isEmpty());
        start(second);

        List<String> before = changes.make(12);
        awaitPublished(before);
        // Caught up: its latest poll started from the stored cursor 12 (and renewed its lease just before).
        FakeChangeSource.Poll lastOfTheDead = await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> first.polls().getLast(), poll -> poll.cursor().equals("12"));
        assertThat(second.polls()).as("the other pod does not poll while the lease is held").isEmpty();

        // A dead pod: see RunningService.kill — its database login is cut before its context closes, so its poller
        // can neither move the cursor nor give the lease up; the lease must run out.
        dying.kill();
        List<String> after = changes.make(8);

        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        awaitPublished(all);
        FakeChangeSource.Poll takeover = second.polls().getFirst();
        assertThat(takeover.cursor()).as("polls on from the stored cursor").isEqualTo("12");
        assertThat(takeover.at()).as("only once the dead pod's lease ran out")
                .isAfterOrEqualTo(lastOfTheDead.at().plus(lease).minusMillis(500));
        assertThat(first.polls()).allMatch(poll -> !poll.at().isAfter(takeover.at()));
    }

    @Test
    void aStoppingPodGivesTheLeaseUpSoAnotherTakesOverAtOnce() {
        Duration lease = Duration.ofSeconds(10);
        var changes = new FakeChangeSource.Changes(prefix);
        var schedule = new ChangeSource.Schedule(Duration.ofMillis(100), lease);
        var first = new FakeChangeSource(SOURCE, changes, schedule);
        var second = new FakeChangeSource(SOURCE, changes, schedule);
        RunningService stopping = start(first);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> !first.polls().isEmpty());
        start(second);
        List<String> before = changes.make(5);
        awaitPublished(before);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> first.polls().getLast().cursor().equals("5"));

        Instant stopped = Instant.now();
        stopping.stop();
        List<String> after = changes.make(5);

        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        awaitPublished(all);
        FakeChangeSource.Poll takeover = second.polls().getFirst();
        assertThat(takeover.cursor()).isEqualTo("5");
        assertThat(Duration.between(stopped, takeover.at())).as("taken over long before the %s lease ran out", lease)
                .isLessThan(lease.dividedBy(2));
    }

    @Test
    void aPollAskedForWhileTheTimersPollRunsWaitsForIt() throws InterruptedException {
        var changes = new FakeChangeSource.Changes(prefix);
        var held = new CountDownLatch(1);
        var source = new FakeChangeSource(SOURCE, changes, new ChangeSource.Schedule(Duration.ofSeconds(30), Duration.ofMinutes(1)));
        source.hold(() -> {
            if (source.polls().size() == 1) {
                try {
                    held.await(SyncServiceHarness.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        changes.make(3);
        RunningService service = start(source);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> source.polls().size() == 1);

        Thread now = Thread.ofPlatform().name("poll-now").start(service::pollChangeSources);
        // Without waiting, both polls would read the same cursor and move it in turn (it could go back).
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> source.overlaps() > 0 || waitsForThePoller(now));
        held.countDown();
        now.join(SyncServiceHarness.DEADLINE.toMillis());

        assertThat(source.overlaps()).isZero();
        assertThat(source.polls()).extracting(FakeChangeSource.Poll::cursor).containsExactly("0", "3");
        awaitPublished(List.of(prefix + "-1", prefix + "-2", prefix + "-3"));
    }

    private RunningService start(FakeChangeSource source) {
        var connector = new FakeConnector("pod", EntityType.CUSTOMER, Ordering.currentState(), new FakeTarget());
        // The pod's own connector consumes another topic: this test reads what the source publishes straight from Kafka.
        return harness.startService(FakeConnectorApplication.beans(Map.of("fake", connector, "source", source)),
                "--skylink.sync.topics=fake.sources.customers");
    }

    private void awaitPublished(List<String> ids) {
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().read(SOURCE_TOPIC).stream()
                .filter(r -> r.key().startsWith(prefix + "-")).map(TopicRecord::key).toList().containsAll(ids));
        List<TopicRecord> published = harness.topics().read(SOURCE_TOPIC).stream()
                .filter(r -> r.key().startsWith(prefix + "-")).toList();
        assertThat(published).allSatisfy(r -> {
            assertThat(r.event().getOrigin()).isEqualTo(Origin.POLL);
            assertThat(r.event().getSnapshot()).contains(r.key());
        });
    }

    private static boolean waitsForThePoller(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
        return info != null && info.getThreadState() == Thread.State.BLOCKED
                && info.getLockInfo() != null && info.getLockInfo().getClassName().equals(ChangeSourcePoller.class.getName());
    }
}
