package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Inbound ({@code Ordering.currentState()}): every sync fetches current state, so the events waiting for a busy
 * entity are covered by one run — and one that arrives while the entity is being synced causes exactly one more.
 */
@ExtendWith(SharedInfrastructure.class)
class CoalescingInboundTest {

    private static final String TOPIC = "fake.coalescing.customers";

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
    void eventsWaitingForABusyEntityCoalesceIntoOneRunAndOneArrivingMidRunCausesExactlyOneMore() {
        var target = new FakeTarget();
        var connector = new FakeConnector("pod1", EntityType.CUSTOMER, Ordering.currentState(), target);
        var held = new HeldSyncs();
        String id = "coalesce-1";
        connector.behave(id, held.holding(connector));
        RunningService service = harness.startService(FakeConnectorApplication.beans(Map.of("fake", connector)),
                "--skylink.sync.topics=" + TOPIC);

        harness.events().publish(TOPIC, version(id, 1));
        assertThat(held.awaitRunning(1).latest().getVersion()).isEqualTo("1");
        // While the first sync runs, 50 more changes of the entity arrive (an EDS burst).
        List<EntityChanged> burst = new ArrayList<>();
        for (int v = 2; v <= 51; v++) {
            burst.add(version(id, v));
        }
        harness.events().publishAll(TOPIC, burst);
        awaitInFlight(service, 51);

        held.release();
        SyncTask second = held.awaitRunning(2);
        assertThat(second.latest().getVersion()).as("the run after the busy one applies the newest state").isEqualTo("51");
        // One more change while that run is running: received, waiting in the lane.
        harness.events().publish(TOPIC, version(id, 52));
        awaitInFlight(service, 51);
        held.release();
        assertThat(held.awaitRunning(3).latest().getVersion()).isEqualTo("52");
        held.release();

        // Every change set is reported: covered by a run, not dropped.
        Set<String> changeSets = IntStream.rangeClosed(1, 52).mapToObj(v -> "cs-" + v).collect(Collectors.toSet());
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.completions().of(id).stream()
                .filter(o -> o.getOutcome() == Outcome.SYNCED).map(EntitySynced::getChangeSetId)
                .collect(Collectors.toSet()).equals(changeSets));
        assertThat(connector.calls(id)).as("52 events, three runs").extracting(task -> task.latest().getVersion())
                .containsExactly("1", "51", "52");
        assertThat(target.applied(id).getLast().version()).isEqualTo(52);
        assertThat(target.overlaps()).isEmpty();
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(TOPIC) == 0);
    }

    private static EntityChanged version(String id, int v) {
        return harness.events().builder(EntityType.CUSTOMER, id, "cs-" + v, Origin.EDS).setVersion(String.valueOf(v)).build();
    }

    /** Records received and not finished (the runtime's own gauge): proof that the events have reached it. */
    private static void awaitInFlight(RunningService service, int records) {
        MeterRegistry registry = service.context().getBean(MeterRegistry.class);
        await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> registry.get("skylink.sync.in.flight").gauge().value() == records);
    }
}
