package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With {@code management.server.port} set (as in deploy/), metrics and probes are on it, open; the API port has none. */
class ManagementPortTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway("management.server.port=0");
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
    void metricsAndProbesAreOnTheManagementPortWithoutACredential() {
        String management = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.management.port");
        WebTestClient scraper = WebTestClient.bindToServer().baseUrl(management).build();
        scraper.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("skylink_gateway_"));
        scraper.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        // The management port serves the actuator only: no operator route is reachable through it.
        scraper.get().uri("/changesets").exchange().expectStatus().isNotFound();
    }

    @Test
    void theApiPortServesNoMetricsEvenWithACredential() {
        GatewayFixture.http(gateway).get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        GatewayFixture.anonymous(gateway).get().uri("/changesets").exchange().expectStatus().isUnauthorized();
    }
}
