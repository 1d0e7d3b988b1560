package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pods come and go while syncs run — one joins the group, one is stopped — and nothing is lost: every change is
 * applied at least once, no entity's change is applied before the one before it, no entity is synced by two pods at
 * once, each ends on its last change, and the group's committed offsets cover every record. Outbound connectors
 * (strict order), where all of that matters most.
 */
@ExtendWith(SharedInfrastructure.class)
class RebalanceAndStopTest {

    private static final int KEYS = 40;
    private static final int VERSIONS = 10;
    private static final String[] SETTINGS = {"--skylink.sync.concurrency=2", "--skylink.sync.batch-size=2",
            "--skylink.sync.shutdown-grace=5s"};

    private SyncServiceHarness harness;
    private final FakeTarget target = new FakeTarget();
    /** How long each group takes: slow while the test arranges the pods, fast once it only waits for the rest. */
    private final AtomicReference<Duration> pace = new AtomicReference<>();

    @BeforeEach
    void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).settings(SETTINGS).start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aSecondInstanceJoiningMidBatchLosesNothingAndKeepsEachEntitysOrder() {
        String topic = "fake.rebalance.magento-customers";
        pace.set(Duration.ofMillis(300));
        FakeConnector first = connector("pod1");
        FakeConnector second = connector("pod2");
        start(first, topic);
        harness.events().publishAll(topic, changes("joined"));
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> target.applied().size() >= 20);

        start(second, topic);
        // The group rebalanced while the first pod was syncing: the second now owns some partitions.
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> !second.calls().isEmpty());
        assertThat(target.applied().size()).as("joined mid-batch").isLessThan(KEYS * VERSIONS);
        pace.set(Duration.ofMillis(20));

        assertEveryChangeAppliedInOrder("joined", topic);
        assertThat(first.calls().size() + second.calls().size()).isGreaterThanOrEqualTo(KEYS * VERSIONS);
    }

    @Test
    void anInstanceStoppedMidBatchHandsItsWorkOverAndNothingIsLost() {
        String topic = "fake.stop.magento-customers";
        pace.set(Duration.ofMillis(100));
        FakeConnector first = connector("pod1");
        FakeConnector second = connector("pod2");
        RunningService stopping = start(first, topic);
        start(second, topic);
        harness.events().publishAll(topic, changes("stopped"));
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> target.applied().size() >= KEYS * VERSIONS / 4);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> first.running() > 0);

        assertThat(target.applied().size()).as("stopped mid-batch").isLessThan(KEYS * VERSIONS);
        stopping.stop();
        int firstCallsAtStop = first.calls().size();
        pace.set(Duration.ofMillis(20));

        assertEveryChangeAppliedInOrder("stopped", topic);
        assertThat(first.calls()).as("the stopped pod synced nothing after it stopped").hasSize(firstCallsAtStop);
        assertThat(second.calls()).isNotEmpty();
    }

    private FakeConnector connector(String instance) {
        return new FakeConnector(instance, EntityType.MAGENTO_CUSTOMER, Ordering.strict(), target)
                .latency(group -> pace.get());
    }

    private RunningService start(FakeConnector connector, String topic) {
        return harness.startService(FakeConnectorApplication.beans(Map.of("fake", connector)), "--skylink.sync.topics=" + topic);
    }

    /** Every key's changes, interleaved as they would arrive. */
    private List<EntityChanged> changes(String prefix) {
        List<EntityChanged> changes = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            for (int k = 0; k < KEYS; k++) {
                changes.add(harness.events().builder(EntityType.MAGENTO_CUSTOMER, prefix + "-" + k, null, Origin.POLL)
                        .setVersion(String.valueOf(v)).build());
            }
        }
        return changes;
    }

    private void assertEveryChangeAppliedInOrder(String prefix, String topic) {
        List<Integer> inOrder = IntStream.rangeClosed(1, VERSIONS).boxed().toList();
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> IntStream.range(0, KEYS).allMatch(k ->
                target.applied(prefix + "-" + k).stream().map(FakeTarget.Applied::version).distinct().count() == VERSIONS));
        for (int k = 0; k < KEYS; k++) {
            List<Integer> applied = target.applied(prefix + "-" + k).stream().map(FakeTarget.Applied::version).toList();
            // At least once: a change may be applied again after a hand-over, but never before the one before it.
            assertThat(applied.stream().distinct().toList()).as("first applications of %s-%d: %s", prefix, k, applied)
                    .containsExactlyElementsOf(inOrder);
            assertThat(applied.getLast()).as("%s-%d ends on its last change: %s", prefix, k, applied).isEqualTo(VERSIONS);
        }
        assertThat(target.overlaps()).isEmpty();
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(topic) == 0);
    }
}
