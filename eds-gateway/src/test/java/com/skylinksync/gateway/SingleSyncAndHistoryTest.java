package com.skylinksync.gateway;

import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A single sync is one SINGLE event on the real-time topic, tracked and never acknowledged to RE; the entity's history shows it. */
class SingleSyncAndHistoryTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway();
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
    void aSingleSyncIsPublishedWithOriginSingleAndItsOutcomeIsTheEntitysLatest() {
        http.get().uri("/ops/entities/customer/300123").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.latest").isEqualTo("NEVER_SYNCED").jsonPath("$.history.length()").isEqualTo(0);

        String changeSet = http.post().uri("/ops/sync").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "customer", "id", "300123")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("changeSetId").toString();
        List<EntityChanged> events = fixture.publishedEvents(Topics.CUSTOMERS, changeSet);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getOrigin()).isEqualTo(Origin.SINGLE);
            assertThat(e.getEntityId()).isEqualTo("300123");
        });

        fixture.publishCompletions(completion(changeSet, EntityType.CUSTOMER, "300123", Outcome.DEAD_LETTERED));
        await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> http.get().uri("/ops/entities/customer/300123").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.latest").isEqualTo("DEAD_LETTERED")
                .jsonPath("$.history[0].changeSetId").isEqualTo(changeSet)
                .jsonPath("$.history[0].errorMessage").isEqualTo("Magento refused the customer: email is required")
                .jsonPath("$.history[0].traceId").isNotEmpty());
        fixture.awaitCompletionsConsumed();
        assertThat(fixture.status(changeSet)).isEqualTo("OPEN");
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(changeSet);
    }

    @Test
    void badSyncsAndUnknownTypesAreProblems() {
        http.post().uri("/ops/sync").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "voucher", "id", "1"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.pointer").isEqualTo("/type");
        http.post().uri("/ops/sync").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "customer", "id", "-3"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.pointer").isEqualTo("/id");
        http.get().uri("/ops/entities/no-such-type/1").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
