package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operator access: every operator route (every path of the OpenAPI document but RE's intake, the OpenAPI document
 * itself and the actuator) refuses a missing or wrong credential with a 401 problem, and a read-only credential for
 * anything but a read with a 403 problem. The routes are taken from the OpenAPI document, so a route added later is
 * covered without touching this test.
 */
class OperatorAccessTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static List<Route> routes;

    record Route(HttpMethod method, String path) {
        boolean isRead() {
            return method == HttpMethod.GET || method == HttpMethod.HEAD;
        }
    }

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway();
        String document = GatewayFixture.http(gateway).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).path("paths");
        routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!path.getKey().startsWith("/eds/")) {
                    routes.add(new Route(HttpMethod.valueOf(operation.getKey().toUpperCase()),
                            path.getKey().replaceAll("\\{[^}]+}", "x")));
                }
            }
        }
        routes.add(new Route(HttpMethod.GET, "/v3/api-docs"));
        routes.add(new Route(HttpMethod.GET, "/actuator/prometheus"));
        routes.add(new Route(HttpMethod.GET, "/actuator/info"));
        routes.add(new Route(HttpMethod.GET, "/no/such/route"));
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
    void theOperatorApiHasItsRoutesInTheDocument() {
        assertThat(routes).contains(new Route(HttpMethod.GET, "/changesets"), new Route(HttpMethod.GET, "/changesets/x"));
    }

    @Test
    void everyOperatorRouteRefusesAMissingCredential() {
        WebTestClient anonymous = GatewayFixture.anonymous(gateway);
        for (Route route : routes) {
            anonymous.method(route.method()).uri(route.path()).exchange()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"skylink-operator\"");
            refused(anonymous.method(route.method()).uri(route.path()), route, 401);
        }
    }

    @Test
    void everyOperatorRouteRefusesAWrongCredential() {
        WebTestClient anonymous = GatewayFixture.anonymous(gateway);
        List<String> wrong = List.of("Bearer nope", "Bearer " + GatewayFixture.OPERATOR_TOKEN + "x",
                "Bearer " + GatewayFixture.OPERATOR_TOKEN.substring(1), "Basic " + GatewayFixture.OPERATOR_TOKEN,
                GatewayFixture.OPERATOR_TOKEN, "Bearer " + GatewayFixture.API_KEY, "Bearer ");
        for (Route route : routes) {
            for (String authorization : wrong) {
                refused(anonymous.method(route.method()).uri(route.path()).header("Authorization", authorization), route, 401);
            }
            // RE's EDS key is no operator credential, wherever it is presented.
            refused(anonymous.method(route.method()).uri(route.path()).header("x-api-key", GatewayFixture.API_KEY), route, 401);
        }
    }

    @Test
    void aReadOnlyCredentialReadsButTakesNoOperatorAction() {
        WebTestClient readOnly = GatewayFixture.anonymous(gateway).mutate()
                .defaultHeader("Authorization", "Bearer " + GatewayFixture.READ_ONLY_TOKEN).build();
        List<Route> actions = routes.stream().filter(route -> !route.isRead()).toList();
        for (Route route : actions) {
            refused(readOnly.method(route.method()).uri(route.path()), route, 403);
        }
        for (Route route : routes.stream().filter(Route::isRead).toList()) {
            int status = readOnly.method(route.method()).uri(route.path()).exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as(route + " with a read-only credential").isNotIn(401, 403);
        }
    }

    @Test
    void theOperatorCredentialTakesOperatorActions() {
        WebTestClient operator = GatewayFixture.http(gateway);
        for (Route route : routes) {
            int status = operator.method(route.method()).uri(route.path()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as(route + " with the operator credential").isNotIn(401, 403);
        }
    }

    @Test
    void healthProbesStayOpen() {
        WebTestClient anonymous = GatewayFixture.anonymous(gateway);
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            anonymous.get().uri(probe).exchange().expectStatus().isOk();
        }
    }

    private static void refused(WebTestClient.RequestBodySpec request, Route route, int status) {
        request.exchange()
                .expectStatus().value(actual -> assertThat(actual).as(route.toString()).isEqualTo(status))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.type").isEqualTo(status == 401 ? "urn:skylink:problem:unauthenticated" : "urn:skylink:problem:forbidden");
    }
}
