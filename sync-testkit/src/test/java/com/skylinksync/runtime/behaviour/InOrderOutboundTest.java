package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound ({@code Ordering.inOrder}): each change is a write, so each entity's changes are applied one at a time,
 * in order, none dropped, while many entities run concurrently — except changes the connector says the next one
 * supersedes, which that one's run covers.
 */
@ExtendWith(SharedInfrastructure.class)
class InOrderOutboundTest {

    private static final String STRICT_TOPIC = "fake.strict.magento-customers";
    private static final String SUPERSEDING_TOPIC = "fake.superseding.magento-orders";

    private static SyncServiceHarness harness;
    private static RunningService service;
    private static final FakeTarget target = new FakeTarget();
    private static final FakeConnector strict = new FakeConnector("pod1", EntityType.MAGENTO_CUSTOMER,
            Ordering.strict(), target).latency(group -> Duration.ofMillis(20));
    /** A full snapshot replaces whatever change came before it. */
    private static final FakeConnector superseding = new FakeConnector("pod1", EntityType.MAGENTO_ORDER,
            Ordering.inOrder((earlier, later) -> "full".equals(later.getSnapshot())), target);

    @BeforeAll
    static void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).start();
        service = harness.startService(FakeConnectorApplication.beans(Map.of("strict", strict, "superseding", superseding)),
                "--skylink.sync.topics=" + STRICT_TOPIC + "," + SUPERSEDING_TOPIC,
                "--skylink.sync.concurrency=4", "--skylink.sync.batch-size=3");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void eachEntitysChangesAreAppliedExactlyInOrderWhileEntitiesRunConcurrently() {
        int keys = 25;
        int versions = 8;
        List<EntityChanged> changes = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            for (int k = 0; k < keys; k++) {
                changes.add(change(EntityType.MAGENTO_CUSTOMER, "strict-" + k, v, null));
            }
        }
        harness.events().publishAll(STRICT_TOPIC, changes);

        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.completions().all().stream()
                .filter(o -> o.getEntityId().startsWith("strict-") && o.getOutcome() == Outcome.SYNCED).count() == keys * versions);
        List<Integer> inOrder = IntStream.rangeClosed(1, versions).boxed().toList();
        for (int k = 0; k < keys; k++) {
            assertThat(target.applied("strict-" + k)).as("writes of strict-%d", k)
                    .extracting(FakeTarget.Applied::version).containsExactlyElementsOf(inOrder);
        }
        assertThat(strict.calls()).as("one run per change").hasSize(keys * versions);
        assertThat(target.overlaps()).isEmpty();
        assertThat(concurrentGroups(strict)).as("groups ran at once").isGreaterThan(1);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(STRICT_TOPIC) == 0);
    }

    @Test
    void aChangeTheNextSupersedesIsCoveredByItsRunAndStillReportedAndCommitted() {
        String id = "superseded-1";
        var held = new HeldSyncs();
        FakeConnector.Behaviour holdFirst = held.holding(superseding);
        superseding.behave(id, task -> "1".equals(task.latest().getVersion()) ? holdFirst.sync(task) : superseding.write(task));

        harness.events().publish(SUPERSEDING_TOPIC, change(EntityType.MAGENTO_ORDER, id, 1, "delta"));
        held.awaitRunning(1);
        // Waiting behind the first: a delta, two full snapshots (each replacing what came before), two deltas.
        harness.events().publishAll(SUPERSEDING_TOPIC, List.of(change(EntityType.MAGENTO_ORDER, id, 2, "delta"),
                change(EntityType.MAGENTO_ORDER, id, 3, "full"), change(EntityType.MAGENTO_ORDER, id, 4, "full"),
                change(EntityType.MAGENTO_ORDER, id, 5, "delta"), change(EntityType.MAGENTO_ORDER, id, 6, "delta")));
        MeterRegistry registry = service.context().getBean(MeterRegistry.class);
        await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> registry.get("skylink.sync.in.flight").gauge().value() == 6);
        held.release();

        Set<String> changeSets = IntStream.rangeClosed(1, 6).mapToObj(v -> id + "-" + v).collect(Collectors.toSet());
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.completions().of(id).stream()
                .filter(o -> o.getOutcome() == Outcome.SYNCED).map(EntitySynced::getChangeSetId)
                .collect(Collectors.toSet()).equals(changeSets));
        // 2 and 3 are superseded by 3 and 4: one run, applying 4; 4 is not superseded by the delta 5.
        assertThat(superseding.calls(id)).extracting(task -> task.latest().getVersion())
                .containsExactly("1", "4", "5", "6");
        assertThat(target.applied(id)).extracting(FakeTarget.Applied::version).containsExactly(1, 4, 5, 6);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(SUPERSEDING_TOPIC) == 0);
    }

    /** A Magento-side change as a change source would publish it (version and snapshot), one change set each. */
    private static EntityChanged change(EntityType type, String id, int version, String snapshot) {
        return harness.events().builder(type, id, id + "-" + version, Origin.POLL)
                .setVersion(String.valueOf(version)).setSnapshot(snapshot).build();
    }

    /** The most groups that were running at one instant. */
    private static int concurrentGroups(FakeConnector connector) {
        List<FakeConnector.Group> groups = connector.groups();
        int most = 0;
        for (FakeConnector.Group group : groups) {
            int atOnce = (int) groups.stream().filter(other -> other.started().isBefore(group.finished())
                    && group.started().isBefore(other.finished())).count();
            most = Math.max(most, atOnce);
        }
        return most;
    }
}
