package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;

import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With its database (and Kafka) gone the gateway says "retry later" (RE does), never 500 and never a stack trace,
 * and its readiness probe says which parts are down.
 */
class DatabaseOutageTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway();
        fixture.postgres.close(); // the outage
        fixture.kafka.close();
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
    void notificationsAreAnswered503WithRetryAfter() {
        unavailable(GatewayFixture.http(gateway).put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changeSet(UUID.randomUUID().toString(), group("Customer", 300000)))
                .exchange());
    }

    @Test
    void statusQueriesAreAnswered503WithRetryAfter() {
        unavailable(GatewayFixture.http(gateway).get().uri("/changesets/{id}", UUID.randomUUID()).exchange());
    }

    @Test
    void readinessIsDownAndNamesTheDatabaseAndKafka() {
        // The Kafka check gives up after its timeout (2s): wait for the probe, not for luck.
        await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> GatewayFixture.http(gateway).get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                .jsonPath("$.components.r2dbc.status").isEqualTo("DOWN"));
    }

    private static void unavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isEqualTo("urn:skylink:problem:unavailable")
                .jsonPath("$.trace").doesNotExist();
    }
}
