package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of recent errors ({@code GET /ops/errors}) fed by the completions every sync service reports, and the
 * console's static page (served without a credential, with a strict Content-Security-Policy). The console itself is
 * driven in a browser by {@code ConsoleBrowserTest} in the local stack.
 */
class ErrorLogAndConsoleTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway();
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
    void failuresAreLoggedByLevelNewestFirstAndFollowedWithAfter() {
        String changeSet = UUID.randomUUID().toString();
        EntitySynced magentoSide = GatewayFixture.completion(null, EntityType.MAGENTO_CUSTOMER, "55", Outcome.DEAD_LETTERED);
        fixture.publishCompletions(
                GatewayFixture.completion(changeSet, EntityType.CUSTOMER, "1001", Outcome.FAILED),
                GatewayFixture.completion(changeSet, EntityType.CUSTOMER, "1002", Outcome.SYNCED),
                GatewayFixture.completion(changeSet, EntityType.CUSTOMER, "1003", Outcome.DEAD_LETTERED),
                GatewayFixture.completion(changeSet, EntityType.PRODUCT, "1004", Outcome.PARKED),
                GatewayFixture.completion(changeSet, EntityType.CUSTOMER, "1005", Outcome.UNCHANGED),
                magentoSide);
        fixture.awaitCompletionsConsumed();

        JsonNode all = get("/ops/errors");
        List<JsonNode> items = all.path("items").valueStream().toList();
        assertThat(items).extracting(i -> i.path("entityId").asString()).containsExactlyInAnyOrder("1001", "1003", "1004", "55");
        assertThat(items).extracting(i -> i.path("id").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode failed = items.stream().filter(i -> i.path("entityId").asString().equals("1001")).findFirst().orElseThrow();
        assertThat(failed.path("level").asString()).isEqualTo("WARN");
        assertThat(failed.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.path("service").asString()).isEqualTo("customer-sync-service");
        assertThat(failed.path("changeSetId").asString()).isEqualTo(changeSet);
        assertThat(failed.path("errorCode").asString()).isEqualTo("VALIDATION");
        assertThat(failed.path("message").asString()).contains("email is required");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
        assertThat(all.path("latestId").asLong()).isEqualTo(items.getFirst().path("id").asLong());

        List<String> errorsOnly = get("/ops/errors?level=error").path("items").valueStream()
                .map(i -> i.path("level").asString() + " " + i.path("entityId").asString()).toList();
        assertThat(errorsOnly).containsExactlyInAnyOrder("ERROR 1003", "ERROR 1004", "ERROR 55");

        // A live view asks for what came after the newest entry it holds.
        long latest = all.path("latestId").asLong();
        assertThat(get("/ops/errors?after=" + latest).path("items").isEmpty()).isTrue();
        fixture.publishCompletions(GatewayFixture.completion(changeSet, EntityType.CUSTOMER, "1006", Outcome.DEAD_LETTERED));
        fixture.awaitCompletionsConsumed();
        JsonNode next = get("/ops/errors?after=" + latest);
        assertThat(next.path("items").valueStream().map(i -> i.path("entityId").asString()).toList()).containsExactly("1006");
        assertThat(next.path("latestId").asLong()).isGreaterThan(latest);
    }

    @Test
    void theErrorsFeedIsInTheOpenApiDocumentSoTheAccessWalkCoversIt() {
        JsonNode errors = get("/v3/api-docs").path("paths").path("/ops/errors").path("get");
        assertThat(errors.isMissingNode()).isFalse();
        assertThat(errors.path("parameters").valueStream().map(p -> p.path("name").asString()).toList())
                .containsExactlyInAnyOrder("level", "after", "limit");
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        for (String query : List.of("level=DEBUG", "after=-1", "limit=0", "limit=501")) {
            GatewayFixture.http(gateway).get().uri("/ops/errors?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.parameter").isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void theConsolePageLoadsWithoutACredentialButItsDataDoesNot() {
        var anonymous = GatewayFixture.anonymous(gateway);
        anonymous.get().uri("/console").exchange().expectStatus().isPermanentRedirect().expectHeader().location("/console/");
        String page = anonymous.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script src=\"app.js\"></script>").doesNotContain("<script>");
        anonymous.get().uri("/console/app.js").exchange().expectStatus().isOk().expectBody(String.class)
                .value(js -> assertThat(js).contains("'Authorization': 'Bearer '"));
        anonymous.get().uri("/console/console.css").exchange().expectStatus().isOk();
        // Only reads of the page are open: the data and anything else need the credential.
        anonymous.get().uri("/ops/errors").exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/console/").exchange().expectStatus().isUnauthorized();
    }

    private static JsonNode get(String path) {
        String body = GatewayFixture.http(gateway).get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }
}
