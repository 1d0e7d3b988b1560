package com.skylinksync.runtime.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SharedInfrastructure;
import com.skylinksync.testkit.SyncServiceHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skylink pause|resume} reach every pod (the control topic), whose consumers then really leave the group and
 * join it again; an inline sync ({@code POST /sync/...}) runs in the entity's lane and answers its outcome; the
 * service's operator routes need the operator credential, its probes do not.
 */
@ExtendWith(SharedInfrastructure.class)
class PauseAndInlineSyncTest {

    private static final String TOPIC = "fake.pause.customers";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SyncServiceHarness harness;
    private static FakeConnector first;
    private static FakeConnector second;
    private static RunningService pod1;
    private static RunningService pod2;

    @BeforeAll
    static void start(SharedInfrastructure.Parts parts) {
        harness = FakeConnectorApplication.harness().on(parts).start();
        var target = new FakeTarget();
        first = new FakeConnector("pod1", EntityType.CUSTOMER, Ordering.currentState(), target);
        pod1 = harness.startService(FakeConnectorApplication.beans(Map.of("fake", first)), "--skylink.sync.topics=" + TOPIC);
        second = new FakeConnector("pod2", EntityType.CUSTOMER, Ordering.currentState(), target);
        pod2 = harness.startService(FakeConnectorApplication.beans(Map.of("fake", second)), "--skylink.sync.topics=" + TOPIC);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void pausingLeavesTheGroupOnEveryPodAndResumingJoinsItAgain() throws Exception {
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> members() == 2);

        control("PAUSED");
        try {
            whilePaused();
        } finally {
            control("RUNNING");
        }
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> members() == 2);
        assertThat(harness.completions().awaitOutcome("cs-paused", "while-paused").getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(JSON.readTree(get(pod2, "/actuator/health", null).body()).path("status").asString()).isNotEqualTo("OUT_OF_SERVICE");
    }

    private void whilePaused() throws Exception {
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> members() == 0);
        for (RunningService pod : List.of(pod1, pod2)) {
            // Health shows the pause (the consumer component is OUT_OF_SERVICE, state PAUSED); liveness is untouched.
            HttpResponse<String> health = get(pod, "/actuator/health", null);
            assertThat(health.statusCode()).as(pod.name()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get(pod, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        }
        assertThat(post(pod1, "/sync/customer/paused-1", SyncServiceHarness.OPERATOR_TOKEN).statusCode())
                .as("no inline sync while paused").isEqualTo(409);
        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, "while-paused", "cs-paused"));
    }

    @Test
    void anInlineSyncAnswersItsOutcomeAndWaitsForTheSyncTheConsumerHoldsForTheSameKey() throws Exception {
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> members() == 2);
        HttpResponse<String> written = post(pod1, "/sync/customer/inline-1", SyncServiceHarness.OPERATOR_TOKEN);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(written.body());
        assertThat(outcome.path("outcome").asString()).isEqualTo("SYNCED");
        assertThat(outcome.path("targetId").asString()).isEqualTo("target-inline-1");
        assertThat(outcome.path("finished").asBoolean()).isTrue();
        assertThat(pod1.status(EntityType.CUSTOMER, "inline-1").targetId()).isEqualTo("target-inline-1");

        first.behave("inline-bad", task -> {
            throw new PermanentSyncException("NO_SUCH_CUSTOMER", "RE has no customer inline-bad");
        });
        JsonNode failed = JSON.readTree(post(pod1, "/sync/customer/inline-bad", SyncServiceHarness.OPERATOR_TOKEN).body());
        assertThat(failed.path("outcome").asString()).isEqualTo("DEAD_LETTERED");
        assertThat(failed.path("error").asString()).contains("NO_SUCH_CUSTOMER").contains("RE has no customer inline-bad");

        // The consumer's sync of a key is running (held) in the pod that owns its partition: an inline sync of that
        // key sent to that pod waits for it, then runs (the gateway sends inline syncs to the owner of the key).
        var heldOn1 = new HeldSyncs();
        var heldOn2 = new HeldSyncs();
        first.behave("lane-1", heldOn1.holding(first));
        second.behave("lane-1", heldOn2.holding(second));
        harness.events().publish(TOPIC, harness.events().changed(EntityType.CUSTOMER, "lane-1", "cs-lane"));
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> heldOn1.entered().size() + heldOn2.entered().size() == 1);
        HeldSyncs held = heldOn1.entered().isEmpty() ? heldOn2 : heldOn1;
        RunningService owner = held == heldOn1 ? pod1 : pod2;
        CompletableFuture<HttpResponse<String>> inline = CompletableFuture.supplyAsync(() -> post(owner, "/sync/customer/lane-1",
                SyncServiceHarness.OPERATOR_TOKEN));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> held.entered().size() == 1 && !inline.isDone());
        held.release();
        held.awaitRunning(2);
        assertThat(inline).isNotDone();
        held.release();
        HttpResponse<String> after = inline.get(SyncServiceHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(JSON.readTree(after.body()).path("outcome").asString()).isEqualTo("SYNCED");
        assertThat(harness.completions().awaitOutcome("cs-lane", "lane-1").getOutcome()).isEqualTo(Outcome.SYNCED);
    }

    @Test
    void theServicesOperatorRoutesNeedTheOperatorCredentialButItsProbesDoNot() {
        assertThat(get(pod1, "/entities/customer/x", null).statusCode()).isEqualTo(401);
        assertThat(get(pod1, "/entities/customer/x", null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(get(pod1, "/entities/customer/x", null).body()).contains("urn:skylink:problem:unauthenticated");
        assertThat(get(pod1, "/entities/customer/x", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(get(pod1, "/entities?status=FAILED", null).statusCode()).isEqualTo(401);
        assertThat(get(pod1, "/entities/customer/x", SyncServiceHarness.READ_ONLY_TOKEN).statusCode()).isEqualTo(200);
        assertThat(post(pod1, "/sync/customer/x", null).statusCode()).isEqualTo(401);
        HttpResponse<String> readOnly = post(pod1, "/sync/customer/x", SyncServiceHarness.READ_ONLY_TOKEN);
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(readOnly.body()).contains("urn:skylink:problem:forbidden");
        assertThat(post(pod1, "/sync/product/x", SyncServiceHarness.OPERATOR_TOKEN).statusCode()).as("a type it does not sync").isEqualTo(404);
        assertThat(get(pod1, "/actuator/health", null).statusCode()).isIn(200, 503);
        assertThat(get(pod1, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(pod1, "/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }

    private static int members() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", harness.kafka().bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(harness.consumerGroup())).all().get(10, TimeUnit.SECONDS)
                    .get(harness.consumerGroup()).members().size();
        }
    }

    private static void control(String state) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", harness.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.OPS_CONTROL, harness.consumerGroup(), state)).get(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(RunningService pod, String path, String token) {
        return send(pod, HttpRequest.newBuilder(URI.create(pod.baseUrl() + path)).GET(), token);
    }

    private static HttpResponse<String> post(RunningService pod, String path, String token) {
        return send(pod, HttpRequest.newBuilder(URI.create(pod.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    private static HttpResponse<String> send(RunningService pod, HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
