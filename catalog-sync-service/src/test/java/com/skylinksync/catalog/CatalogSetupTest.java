package com.skylinksync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * A Magento whose {@code size} attribute is a text field and whose {@code season} is a store-scoped select, and a
 * service that leaves RE's {@code custom_3} unmapped: the service refuses to become ready, naming both attributes;
 * products and options that need them dead-letter naming them while the others flow; once an operator fixes both in
 * Magento the service becomes ready without a restart (the set-up is checked again every second here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogSetupTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SyncServiceHarness harness;
    private static RunningService service;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        MagentoCatalog magento = new MagentoCatalog(new MagentoTransport(WebClient.builder(), new MagentoSettings(
                harness.magento().restBase(), harness.magento().accessToken(), Duration.ofSeconds(10))));
        magento.createAttribute("size", "text", "global", "Size");
        magento.createAttribute("season", "select", "store", "Season");
        service = harness.startService("--skylink.catalog.attributes.custom_3=", "--skylink.catalog.setup-check-interval=1s");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Order(1)
    void anAttributeOfAnUnusableTypeKeepsTheServiceNotReadyAndIsNamed() throws Exception {
        CatalogSetup setup = service.context().getBean(CatalogSetup.class);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getDetails().get("problems") instanceof List<?> problems
                && problems.stream().anyMatch(problem -> problem.toString().startsWith("attribute size must be a select")));
        assertThat(setup.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat((List<?>) setup.health().getDetails().get("problems")).hasSize(2)
                .anySatisfy(problem -> assertThat(problem.toString())
                        .isEqualTo("attribute season must be a select with global scope, but is select with scope store"));
        HttpResponse<String> readiness = readiness();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        // What could be created was created all the same; an unmapped code is not needed.
        assertThat(harness.magento().productAttribute("skylink_product_id")).isPresent();
        assertThat(harness.magento().productAttribute("custom_3")).isEmpty();
    }

    @Test
    @Order(2)
    void productsAndOptionsNeedingABrokenOrUnmappedAttributeDeadLetterNamingItWhileTheOthersFlow() {
        harness.retailExpress().changeProduct(124014, Map.of("SizeId", "S"), null);
        harness.retailExpress().changeProduct(124015, Map.of("SeasonId", "1"), null);
        harness.retailExpress().changeProduct(124016, Map.of("Custom3", "Linen"), null);
        String changeSet = UUID.randomUUID().toString();
        for (String id : List.of("124013", "124014", "124015", "124016")) {
            harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet));
        }
        harness.events().publish(option("size", "S", changeSet));
        harness.events().publish(option("custom_3", "Linen", changeSet));
        harness.events().publish(option("brand", "1", changeSet));

        assertThat(harness.completions().awaitOutcome(changeSet, "124013").getOutcome()).isEqualTo(Outcome.SYNCED);
        assertDeadLettered(changeSet, "124014", "UNSUPPORTED_ATTRIBUTE_TYPE", "attribute size must be a select");
        assertDeadLettered(changeSet, "124015", "UNSUPPORTED_ATTRIBUTE_TYPE", "attribute season must be a select with global scope");
        assertDeadLettered(changeSet, "124016", "ATTRIBUTE_NOT_MAPPED", "RE attribute custom_3 is not mapped");
        assertDeadLettered(changeSet, "S", "UNSUPPORTED_ATTRIBUTE_TYPE", "attribute size must be a select");
        assertDeadLettered(changeSet, "Linen", "ATTRIBUTE_NOT_MAPPED", "skylink.catalog.attributes.custom_3");
        EntitySynced brand = harness.completions().awaitOutcome(changeSet, "1");
        // SYNCED, or UNCHANGED when product 124013 (brand 1 as well) synced the brand first.
        assertThat(brand.getOutcome()).as(brand.getErrorMessage()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        assertThat(harness.magento().product("PAD001OSFA")).isPresent();
        assertThat(harness.magento().product("PAD002OSFA")).isEmpty();
    }

    @Test
    @Order(3)
    void onceAnOperatorFixesTheAttributesInMagentoTheServiceBecomesReadyWithoutARestart() throws Exception {
        assertThat(readiness().statusCode()).isEqualTo(503);
        // The operator makes season global, and deletes the text size so that the set-up creates it as a select.
        send("PUT", "/V1/products/attributes/season", "{\"attribute\":{\"scope\":\"global\"}}");
        send("DELETE", "/V1/products/attributes/size", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> readiness().statusCode() == 200);
        assertThat(harness.magento().productAttribute("size").orElseThrow().get("frontend_input").asString()).isEqualTo("select");
        String changeSet = UUID.randomUUID().toString();
        for (String id : List.of("124014", "124015")) {
            harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet));
        }
        for (String id : List.of("124014", "124015")) {
            EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
            assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isEqualTo(Outcome.SYNCED);
        }
        JsonNode size = harness.magento().productAttribute("size").orElseThrow();
        String small = attribute(harness.magento().product("PAD002OSFA").orElseThrow(), "size");
        assertThat(size.get("options")).anySatisfy(option -> {
            assertThat(option.get("value").asString()).isEqualTo(small);
            assertThat(option.get("label").asString()).isNotBlank();
        });
    }

    @Test
    @Order(4)
    void aSelectDeletedAndCreatedAgainInMagentoGetsItsOptionsMadeAgainInsteadOfLinksToTheOldOnes() throws Exception {
        int oldId = harness.magento().productAttribute("size").orElseThrow().get("attribute_id").asInt();
        String oldSmall = attribute(harness.magento().product("PAD002OSFA").orElseThrow(), "size");
        send("DELETE", "/V1/products/attributes/size", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.magento().productAttribute("size")
                .map(size -> size.get("attribute_id").asInt() != oldId).orElse(false));

        // A product with size S changes: its size is S of the new attribute (until the set-up's next check has read
        // the new attribute a sync may still meet the old one, so this retries with a fresh change until then).
        harness.retailExpress().changeProduct(124014, Map.of("Weight", "2.5"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String changeSet = UUID.randomUUID().toString();
            harness.events().publish(harness.events().changed(EntityType.PRODUCT, "124014", changeSet));
            return harness.completions().awaitOutcome(changeSet, "124014").getOutcome() == Outcome.SYNCED;
        });
        String small = attribute(harness.magento().product("PAD002OSFA").orElseThrow(), "size");
        assertThat(harness.magento().productAttribute("size").orElseThrow().get("options"))
                .anySatisfy(option -> assertThat(option.get("value").asString()).isEqualTo(small));
        assertThat(small).isNotEqualTo(oldSmall);
    }

    private static com.skylinksync.schemas.avro.EntityChanged option(String code, String id, String changeSet) {
        return harness.events().builder(EntityType.ATTRIBUTE_OPTION, id, changeSet, Origin.EDS).setAttributeCode(code).build();
    }

    private static void assertDeadLettered(String changeSet, String id, String code, String reason) {
        EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
        assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(outcome.getErrorCode()).isEqualTo(code);
        assertThat(outcome.getErrorMessage()).contains(reason);
    }

    private static HttpResponse<String> readiness() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void send(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(harness.magento().restBase() + path))
                .header("Authorization", "Bearer " + harness.magento().accessToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String attribute(JsonNode product, String code) {
        for (JsonNode entry : product.get("custom_attributes")) {
            if (entry.get("attribute_code").asString().equals(code)) {
                return entry.get("value").isNull() ? null : entry.get("value").asString();
            }
        }
        return null;
    }
}
