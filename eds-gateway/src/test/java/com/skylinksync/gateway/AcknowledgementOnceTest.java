package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

/**
 * One {@code ChangeSetProcessed} per change set, on the paths the chaos full form's second run found (24 of 1,246
 * acknowledged twice): a holder kept waiting between its claim and RE for longer than the lease, taken over while it
 * still went on; and the paths where a send's outcome is unknown (no answer in time, a replica stopped before recording
 * the answer), which are parked instead of sent again.
 */
class AcknowledgementOnceTest {

    private static GatewayFixture fixture;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void noLatency() {
        fixture.retailExpress.latency(InjectedLatency.none());
    }

    /**
     * The chaos run's path: the holder's call waited (for a thread of the saturated scheduler, for RE's budget) longer
     * than the lease after its claim was last renewed; the sweep took over and told RE, and so did the holder.
     */
    @Test
    void aHolderKeptWaitingPastTheLeaseKeepsItsClaimAndRetailExpressIsToldOnce() {
        HeldFirstAcknowledgement held = new HeldFirstAcknowledgement();
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext gateway = fixture.startGateway(held, "skylink.gateway.ack-lease=1s",
                "skylink.gateway.ack-sweep-interval=100ms")) {
            put(gateway, changeSet(id, group("Voucher", 81)));
            await().atMost(GatewayFixture.DEADLINE).untilTrue(held.waiting);

            // Three leases and thirty sweeps pass while the holder waits: nobody takes its claim, nobody tells RE.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    !fixture.retailExpress.processedChangeSets().contains(id) && "ACKNOWLEDGING".equals(fixture.status(id)));

            held.release.countDown();
            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
            assertThat(gateway.getBean(MeterRegistry.class).counter("skylink.gateway.acknowledgement.taken-over").count())
                    .isZero();
        }
    }

    /**
     * RE took the call but its answer came after the request timeout (and after the lease): the outcome is unknown,
     * so the change set is parked, not sent again, and an operator who checked RE records it as acknowledged.
     */
    @Test
    void aSendWithoutAnAnswerIsParkedNotSentAgain() {
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext gateway = fixture.startGateway("skylink.gateway.ack-lease=1s",
                "skylink.gateway.ack-sweep-interval=100ms", "skylink.gateway.ack-backoff=50ms",
                "skylink.retail-express.request-timeout=300ms")) {
            fixture.retailExpress.latency(InjectedLatency.fixed(Duration.ofMillis(1500)));
            put(gateway, changeSet(id, group("Voucher", 82)));

            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGEMENT_PARKED".equals(fixture.status(id)));
            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.retailExpress.processedChangeSets().contains(id));
            // Leases and sweeps pass: the parked acknowledgement is not sent again.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    fixture.retailExpress.processedChangeSets().stream().filter(id::equals).count() == 1
                            && "ACKNOWLEDGEMENT_PARKED".equals(fixture.status(id)));
            assertThat(fixture.single("SELECT ack_error FROM eds_gateway.change_set WHERE id = ?", id))
                    .contains("outcome is unknown");
            assertThat(gateway.getBean(MeterRegistry.class).counter("skylink.gateway.acknowledgement.parked").count())
                    .isEqualTo(1);

            resolve(gateway, id, "{\"receivedByRetailExpress\": true}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ACKNOWLEDGED");
            assertThat(fixture.status(id)).isEqualTo("ACKNOWLEDGED");
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        }
    }

    /**
     * A replica stopped between sending ChangeSetProcessed and recording RE's answer (what a SIGKILL does): the replica
     * that finds the expired claim parks it instead of sending again.
     */
    @Test
    void aReplicaStoppedAfterSendingLeavesTheAcknowledgementParkedNotSentAgain() {
        String id = UUID.randomUUID().toString();
        fixture.retailExpress.latency(InjectedLatency.fixed(Duration.ofMillis(2000)));
        try (ConfigurableApplicationContext stopped = fixture.startGateway("skylink.gateway.ack-sweep-interval=1h")) {
            put(stopped, changeSet(id, group("Voucher", 83)));
            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.single(
                    "SELECT ack_sent_at::text FROM eds_gateway.change_set WHERE id = ?", id) != null);
        } // closed while RE holds the call: RE's answer is never recorded

        try (ConfigurableApplicationContext survivor = fixture.startGateway("skylink.gateway.ack-lease=1s",
                "skylink.gateway.ack-sweep-interval=100ms")) {
            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGEMENT_PARKED".equals(fixture.status(id)));
            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.retailExpress.processedChangeSets().contains(id));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    fixture.retailExpress.processedChangeSets().stream().filter(id::equals).count() == 1
                            && "ACKNOWLEDGEMENT_PARKED".equals(fixture.status(id)));
        }
    }

    /** An operator who found RE without the change set has it sent once more; wrong answers get a problem. */
    @Test
    void aParkedAcknowledgementRetailExpressDoesNotHaveIsSentOnceMoreWhenAnOperatorSaysSo() {
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext refused = fixture.startGateway("skylink.retail-express.password=not-the-password",
                "skylink.gateway.ack-attempts=1", "skylink.gateway.ack-sweep-interval=1h")) {
            put(refused, changeSet(id, group("Voucher", 84)));
            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.single(
                    "SELECT ack_error FROM eds_gateway.change_set WHERE id = ?", id) != null);
        }
        // As if its send had been lost without an answer: parked, and RE does not have it.
        fixture.postgres.execute("UPDATE eds_gateway.change_set SET status = 'ACKNOWLEDGEMENT_PARKED' WHERE id = '" + id + "'");
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(id);

        try (ConfigurableApplicationContext gateway = fixture.startGateway("skylink.gateway.ack-sweep-interval=100ms")) {
            resolve(gateway, id, "{}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:skylink:problem:invalid-resolution");
            resolve(gateway, UUID.randomUUID().toString(), "{\"receivedByRetailExpress\": false}").expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:skylink:problem:acknowledgement-not-parked");

            resolve(gateway, id, "{\"receivedByRetailExpress\": false}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("OPEN");
            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
            resolve(gateway, id, "{\"receivedByRetailExpress\": true}").expectStatus().isEqualTo(409);
        }
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec resolve(
            ConfigurableApplicationContext gateway, String id, String body) {
        return GatewayFixture.http(gateway).post().uri("/ops/changesets/{id}/acknowledgement", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void put(ConfigurableApplicationContext gateway, String body) {
        GatewayFixture.http(gateway).put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated();
    }

    /** RE's budget as the chaos run saw it: the first ChangeSetProcessed waits for its permit until released. */
    private static final class HeldFirstAcknowledgement implements CallPermits {

        final AtomicBoolean waiting = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void acquire(String operation) {
            if ("ChangeSetProcessed".equals(operation) && waiting.compareAndSet(false, true)) {
                try {
                    release.await(GatewayFixture.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void throttled(String operation) {
        }
    }
}
