package com.skylinksync.gateway;

import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
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

/**
 * {@code /ops/drift} over the real broker and database, the RE simulator's reference catalogue and an empty Magento
 * simulator: a comparison in the background, its report as JSON and CSV, its heal as a tracked run of DRIFT events on
 * the backlog topic whose counts come from the completions, the metrics; and the refusals.
 */
class DriftApiTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static GatewayFixture fixture;
    private static MagentoSimulator magento;
    private static ConfigurableApplicationContext gateway;
    private static ConfigurableApplicationContext withoutMagento;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        gateway = fixture.startGateway("skylink.magento.base-url=" + magento.restBase(),
                "skylink.magento.access-token=" + magento.accessToken());
        withoutMagento = fixture.startGateway();
        http = GatewayFixture.http(gateway);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[]{withoutMagento, gateway, magento, fixture}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.err.println("Stopping: " + e);
            }
        }
    }

    @Test
    void aComparisonsReportIsServedAsJsonAndCsvAndItsHealIsATrackedRunOfDriftEvents() {
        JsonNode cost = post("/ops/drift", Map.of("scope", "products", "dryRun", true), 200);
        // Channel 1's 19 ids: 1 enumeration, 1 batch, the price groups, the attribute options.
        assertThat(cost.path("retailExpressCalls").asLong()).isEqualTo(4);
        assertThat(cost.path("withinCap").asBoolean()).isTrue();

        JsonNode started = post("/ops/drift", Map.of("scope", "products"), 202);
        assertThat(started.path("status").asString()).isEqualTo("RUNNING");
        JsonNode report = await().atMost(GatewayFixture.DEADLINE).until(DriftApiTest::latest,
                r -> r != null && !r.path("startedAt").asString().isEmpty()
                        && r.path("startedAt").asString().compareTo(started.path("startedAt").asString()) >= 0);
        // An empty Magento: the 13 simple products, the 6 matrix children and their configurable are missing.
        assertThat(report.path("items")).hasSize(20).allSatisfy(item ->
                assertThat(item.path("category").asString()).isEqualTo("PRODUCT_MISSING_IN_MAGENTO"));
        assertThat(report.path("complete").asBoolean()).isTrue();

        var csv = http.get().uri("/ops/drift/reports/{id}?format=csv", report.path("id").asString()).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"drift-.*\\.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines()).hasSize(21).first().asString().startsWith("category,entity,entity_id");
        assertThat(meters().get("skylink.drift.items").tag("category", "product-missing-in-magento").gauge().value()).isEqualTo(20);

        JsonNode heal = post("/ops/drift/reports/latest/heal", Map.of("category", "product-missing-in-magento"), 201);
        String run = heal.path("runId").asString();
        // The configurable heals through its lowest child, which is already one of the 19.
        assertThat(heal.path("entities").asInt()).isEqualTo(19);
        List<EntityChanged> events = fixture.publishedEvents(Topics.backlog(Topics.PRODUCTS), run);
        assertThat(events).hasSize(19).allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.DRIFT));
        JsonNode running = show(run);
        assertThat(running.path("type").asString()).isEqualTo("drift");
        assertThat(running.path("source").asString()).isEqualTo("OPERATOR");
        assertThat(running.path("pending").asLong()).isEqualTo(19);
        fixture.publishCompletions(events.stream().map(e -> completion(run, EntityType.PRODUCT, e.getEntityId(), Outcome.SYNCED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        assertThat(show(run).path("done").asLong()).isEqualTo(19);
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(run);
    }

    @Test
    void badRequestsReadOnlyActionsAndAMissingMagentoAreRefusedWithProblems() {
        assertThat(post("/ops/drift", Map.of("scope", "widgets"), 422).path("type").asString())
                .isEqualTo("urn:skylink:problem:invalid-drift-scope");
        assertThat(post("/ops/drift", Map.of("scope", "products", "channel", 9), 422).path("detail").asString())
                .contains("channel 9 is not compared");
        assertThat(post("/ops/drift/reports/latest/heal", Map.of("category", "colour"), 422).path("type").asString())
                .isEqualTo("urn:skylink:problem:invalid-drift-category");
        GatewayFixture.anonymous(gateway).mutate().defaultHeader("Authorization", "Bearer " + GatewayFixture.READ_ONLY_TOKEN).build()
                .post().uri("/ops/drift").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("scope", "all"))
                .exchange().expectStatus().isForbidden();
        GatewayFixture.http(withoutMagento).post().uri("/ops/drift").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "all")).exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("urn:skylink:problem:drift-unavailable");
        GatewayFixture.http(gateway).get().uri("/ops/drift/reports/drift-unknown").exchange().expectStatus().isNotFound();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/ops/drift'].post").exists()
                .jsonPath("$.paths['/ops/drift/reports/{id}/heal'].post").exists();
    }

    private static JsonNode latest() {
        var result = http.get().uri("/ops/drift/reports/latest").exchange().expectBody(String.class).returnResult();
        if (result.getStatus().value() != 200) {
            return null;
        }
        return json.readTree(result.getResponseBody());
    }

    private static JsonNode post(String path, Map<String, Object> body, int status) {
        return json.readTree(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode show(String run) {
        return json.readTree(http.get().uri("/ops/bulk-runs/{id}", run).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static MeterRegistry meters() {
        return gateway.getBean(MeterRegistry.class);
    }
}
