package com.skylinksync.gateway;

import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operators' tracked bulk runs: enumerated from RE, published as BULK to the backlog twins, counted from the completions. */
class BulkRunTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway("skylink.gateway.bulk-poll-interval=200ms");
        http = GatewayFixture.http(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aCustomerRunIsTrackedToItsEndFromTheOutcomesAndNeverAcknowledgedToRetailExpress() {
        Instant before = Instant.now();
        JsonNode dryRun = post(Map.of("type", "customers", "dryRun", true), 200);
        long expected = dryRun.path("entities").asLong();
        assertThat(expected).isPositive();
        assertThat(dryRun.path("estimatedRetailExpressCalls").asLong()).isEqualTo(expected + 1);

        JsonNode started = post(Map.of("type", "customers"), 201);
        String run = started.path("id").asString();
        assertThat(started.path("source").asString()).isEqualTo("OPERATOR");

        await().atMost(GatewayFixture.DEADLINE).until(() -> show(run).path("total").asLong() == expected
                && !"ENUMERATING".equals(show(run).path("status").asString()));
        List<EntityChanged> events = fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), run);
        assertThat(events).hasSize((int) expected).allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.BULK));
        assertThat(show(run).path("status").asString()).isEqualTo("RUNNING");

        // Outcomes as the customer service reports them: one dead letter, one unchanged, the rest written.
        List<String> ids = events.stream().map(EntityChanged::getEntityId).toList();
        fixture.publishCompletions(ids.stream().map(id -> completion(run, EntityType.CUSTOMER, id,
                id.equals(ids.get(0)) ? Outcome.DEAD_LETTERED : id.equals(ids.get(1)) ? Outcome.UNCHANGED : Outcome.SYNCED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        JsonNode finished = show(run);
        assertThat(finished.path("failed").asLong()).isEqualTo(1);
        assertThat(finished.path("unchanged").asLong()).isEqualTo(1);
        assertThat(finished.path("done").asLong()).isEqualTo(expected - 2);
        assertThat(finished.path("pending").asLong()).isZero();
        assertThat(finished.path("finishedAt").isNull()).isFalse();
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(run);

        JsonNode list = json.readTree(http.get().uri("/ops/bulk-runs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(list.path("items").valueStream().map(item -> item.path("id").asString())).contains(run);

        // --since: what was synced (or unchanged) since then is left out; the dead letter is not.
        JsonNode since = post(Map.of("type", "customers", "dryRun", true, "since", before.toString()), 200);
        assertThat(since.path("entities").asLong()).isEqualTo(1);
        String second = post(Map.of("type", "customers", "since", before.toString()), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(second).path("status").asString()));
        assertThat(show(second).path("total").asLong()).isEqualTo(1);
        assertThat(fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), second)).extracting(EntityChanged::getEntityId)
                .containsExactly(ids.get(0));

        // Cancelling a finished-publishing run withdraws nothing already published; RE's own runs cannot be cancelled.
        http.post().uri("/ops/bulk-runs/{id}/cancel", second).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    }

    @Test
    void badRunRequestsAreProblems() {
        http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "outlets")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.pointer").isEqualTo("/type");
        http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "customers", "since", "yesterday"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.pointer").isEqualTo("/since");
        http.get().uri("/ops/bulk-runs/{id}", "bulk-nope").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/ops/bulk-runs?limit=0").exchange().expectStatus().isBadRequest();
    }

    private static JsonNode post(Map<String, Object> body, int status) {
        return json.readTree(http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode show(String run) {
        return json.readTree(http.get().uri("/ops/bulk-runs/{id}", run).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
