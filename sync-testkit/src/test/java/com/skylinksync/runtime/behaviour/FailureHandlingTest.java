package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.runtime.status.EntityStatus;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import com.skylinksync.testkit.TopicRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Errors are classified: transient → retried with backoff while other entities flow, dead-lettered after
 * {@code retry-give-up-after}; permanent → dead-lettered at once; uncertain → parked, never retried.
 */
@ExtendWith(SharedInfrastructure.class)
class FailureHandlingTest {

    private static final String TOPIC = "fake.failures.customers";
    private static final Duration GIVE_UP_AFTER = Duration.ofMillis(2500);

    private static SyncServiceHarness harness;
    private static RunningService service;
    private static final FakeTarget target = new FakeTarget();
    private static final FakeConnector connector = new FakeConnector("pod1", EntityType.CUSTOMER,
            Ordering.currentState(), target);

    @BeforeAll
    static void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).start();
        service = harness.startService(FakeConnectorApplication.beans(Map.of("fake", connector)),
                "--skylink.sync.topics=" + TOPIC, "--skylink.sync.retry-give-up-after=" + GIVE_UP_AFTER.toMillis() + "ms");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffWhileOthersFlowThenDeadLetteredWithItsReason() {
        String failing = "transient-forever";
        String recovering = "transient-twice";
        connector.behave(failing, task -> {
            throw new IOException("Magento answered 503");
        });
        var failures = new AtomicInteger();
        connector.behave(recovering, task -> {
            if (failures.incrementAndGet() <= 2) {
                throw new IOException("connection reset");
            }
            return connector.write(task);
        });

        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, failing, "cs-transient"));
        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, recovering, "cs-transient"));
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> !connector.calls(failing).isEmpty());
        // While the failing entity backs off, entities published after it are synced.
        for (int i = 0; i < 5; i++) {
            harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, "flowing-" + i, "cs-flowing"));
        }
        List<EntitySynced> flowing = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flowing.add(harness.completions().awaitOutcome("cs-flowing", "flowing-" + i));
        }
        assertThat(flowing).extracting(EntitySynced::getOutcome).containsOnly(Outcome.SYNCED);

        EntitySynced recovered = harness.completions().awaitOutcome("cs-transient", recovering);
        assertThat(recovered.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(recovered.getAttempts()).isEqualTo(3);

        EntitySynced given = harness.completions().awaitOutcome("cs-transient", failing);
        assertThat(given.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(given.getErrorCode()).isEqualTo("RETRIES_EXHAUSTED_UNEXPECTED");
        assertThat(given.getErrorMessage()).contains("Magento answered 503");
        assertThat(flowing).as("synced while the failing entity was still being retried")
                .allMatch(o -> o.getFinishedAt().isBefore(given.getFinishedAt()));
        assertThat(harness.completions().outcomes("cs-transient", failing)).as("each failed attempt reported, retried")
                .filteredOn(o -> o.getOutcome() == Outcome.FAILED).isNotEmpty();
        List<SyncTask> attempts = connector.calls(failing);
        assertThat(attempts).extracting(SyncTask::attempt)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, attempts.size()).boxed().toList());
        List<FakeConnector.Group> runs = connector.groups().stream()
                .filter(g -> g.tasks().stream().anyMatch(t -> t.entityId().equals(failing))).toList();
        assertThat(runs.size()).as("retried, not given up at once").isGreaterThanOrEqualTo(3);
        for (int i = 1; i < runs.size(); i++) {
            // retry-initial 50 ms with jitter 0.5: never less than 25 ms between the end of one try and the next.
            assertThat(Duration.between(runs.get(i - 1).finished(), runs.get(i).started()))
                    .as("backoff before attempt %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(25));
        }
        assertThat(Duration.between(runs.getFirst().started(), runs.getLast().started()))
                .as("retried until retry-give-up-after").isGreaterThanOrEqualTo(GIVE_UP_AFTER.minusMillis(200));

        TopicRecord letter = harness.topics().awaitRecord(TOPIC + ".dlt", r -> failing.equals(r.key()));
        assertThat(letter.event().getEntityId()).isEqualTo(failing);
        assertThat(letter.header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Magento answered 503");
        assertThat(letter.header(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        EntityStatus status = service.status(EntityType.CUSTOMER, failing);
        assertThat(status.status()).isEqualTo(SyncStatus.DEAD_LETTERED);
        assertThat(status.lastError()).startsWith("RETRIES_EXHAUSTED_UNEXPECTED").contains("Magento answered 503");
        assertThat(service.status(EntityType.CUSTOMER, recovering).status()).isEqualTo(SyncStatus.SYNCED);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(TOPIC) == 0);
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnceWithItsCode() {
        String id = "permanent-1";
        connector.behave(id, task -> {
            throw new PermanentSyncException("UNMAPPED_ATTRIBUTE", "Colour 'Teal' has no Magento option");
        });

        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, id, "cs-permanent"));

        EntitySynced outcome = harness.completions().awaitOutcome("cs-permanent", id);
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(outcome.getErrorCode()).isEqualTo("UNMAPPED_ATTRIBUTE");
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(harness.completions().outcomes("cs-permanent", id)).as("no FAILED: never retried").hasSize(1);
        TopicRecord letter = harness.topics().awaitRecord(TOPIC + ".dlt", r -> id.equals(r.key()));
        assertThat(letter.header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Colour 'Teal' has no Magento option");
        assertThat(letter.headerLong(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        assertThat(service.awaitStatus(EntityType.CUSTOMER, id, SyncStatus.DEAD_LETTERED).lastError())
                .startsWith("UNMAPPED_ATTRIBUTE");
        assertThat(connector.calls(id)).hasSize(1);
    }

    @Test
    void aWriteOfUnknownOutcomeIsParkedForAnOperatorAndNeverRetried() {
        String id = "uncertain-1";
        connector.behave(id, task -> {
            throw new UncertainSyncException("Order create timed out after sending",
                    new java.net.SocketTimeoutException("Read timed out"));
        });

        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, id, "cs-uncertain"));

        TopicRecord parked = harness.topics().awaitRecord(TOPIC + ".parked", r -> id.equals(r.key()));
        assertThat(parked.event().getChangeSetId()).isEqualTo("cs-uncertain");
        assertThat(parked.header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Order create timed out after sending");
        assertThat(service.awaitStatus(EntityType.CUSTOMER, id, SyncStatus.PARKED).lastError()).startsWith("UNCERTAIN_WRITE");
        // Reported as PARKED (terminal with failure: the change set is acknowledged and shows it), never retried.
        EntitySynced outcome = harness.completions().await(o -> id.equals(o.getEntityId()));
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.PARKED);
        assertThat(outcome.getErrorCode()).isEqualTo("UNCERTAIN_WRITE");
        // Finished and committed: nothing of it is left to run again.
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> harness.topics().uncommitted(TOPIC) == 0);
        assertThat(connector.calls(id)).hasSize(1);
        assertThat(harness.topics().read(TOPIC + ".dlt")).noneMatch(r -> id.equals(r.key()));
        assertThat(harness.completions().of(id)).hasSize(1);
    }
}
