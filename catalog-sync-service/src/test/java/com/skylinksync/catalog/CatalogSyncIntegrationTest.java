package com.skylinksync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

/**
 * catalog-sync-service against a real broker, PostgreSQL and both simulators over SOAP/HTTP, on the reference fixtures:
 * 124005 (channels 1 and 2), 124006 (channel 1 only) and the matrix BSS-THAW16 (124007..124012).
 */
class CatalogSyncIntegrationTest {

    private static SyncServiceHarness harness;
    private static RunningService service;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        service = harness.startService("--skylink.catalog.channels.1=base", "--skylink.catalog.channels.2=second");
        CatalogSetup setup = service.context().getBean(CatalogSetup.class);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getStatus().equals(Status.UP));
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
    void theSetUpCreatesTheAttributesTheSyncNeeds() {
        MagentoSimulator magento = harness.magento();
        for (String code : List.of("skylink_product_id", "manufacturer_sku", "qty_available", "qty_on_order", "custom_1")) {
            assertThat(magento.productAttribute(code)).get().extracting(a -> a.get("frontend_input").asString()).isEqualTo("text");
        }
        for (String code : List.of("skylink_product_type", "size", "season")) {
            assertThat(magento.productAttribute(code)).get().extracting(a -> a.get("frontend_input").asString()).isEqualTo("select");
        }
    }

    @Test
    void theReferenceProductsAndTheMatrixReachMagentoAndAReplayWritesNothing() {
        String changeSet = UUID.randomUUID().toString();
        List<String> ids = List.of("124005", "124006", "124007", "124010");
        ids.forEach(id -> harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet)));
        for (String id : ids) {
            EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
            // A matrix sibling synced after another sibling wrote the whole matrix finds it in step.
            boolean matrixSibling = id.equals("124007") || id.equals("124010");
            assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage())
                    .isIn(matrixSibling ? List.of(Outcome.SYNCED, Outcome.UNCHANGED) : List.of(Outcome.SYNCED));
        }
        assertThat(List.of("124007", "124010")).anySatisfy(id ->
                assertThat(harness.completions().awaitOutcome(changeSet, id).getOutcome()).isEqualTo(Outcome.SYNCED));
        MagentoSimulator magento = harness.magento();
        JsonNode beanie = magento.product("HB0011OSFA").orElseThrow();
        assertThat(attribute(beanie, "skylink_product_id")).isEqualTo("124005");
        assertThat(beanie.get("price").decimalValue()).isEqualByComparingTo("19.95");
        assertThat(ints(beanie.get("extension_attributes").get("website_ids"))).containsExactly(1, 2);
        assertThat(beanie.get("extension_attributes").get("stock_item").get("qty").decimalValue()).isEqualByComparingTo("10");
        assertThat(attribute(beanie, "qty_on_order")).isEqualTo("30");
        JsonNode scarf = magento.product("SC0011OSFA").orElseThrow();
        assertThat(ints(scarf.get("extension_attributes").get("website_ids"))).containsExactly(1);
        assertThat(scarf.get("extension_attributes").get("stock_item").get("is_in_stock").asBoolean()).isTrue();

        JsonNode parent = magento.product("BSS-THAW16").orElseThrow();
        assertThat(parent.get("type_id").asString()).isEqualTo("configurable");
        assertThat(parent.get("extension_attributes").get("configurable_product_links")).hasSize(6);
        List<String> optionCodes = new ArrayList<>();
        parent.get("extension_attributes").get("configurable_product_options").forEach(option ->
                optionCodes.add(magento.productAttributeCode(option.get("attribute_id").asInt())));
        assertThat(optionCodes).containsExactlyInAnyOrder("size", "color");
        assertThat(magento.products().stream().filter(p -> p.get("type_id").asString().equals("configurable"))).hasSize(1);
        assertThat(magento.products().stream().filter(p -> "BSS-THAW16".equals(attribute(p, "manufacturer_sku"))
                && p.get("type_id").asString().equals("simple"))).hasSize(6)
                .allSatisfy(child -> assertThat(child.get("visibility").asInt()).isEqualTo(1));

        int writesBefore = writes();
        int requestsBefore = harness.magento().requests().size();
        String replay = UUID.randomUUID().toString();
        ids.forEach(id -> harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, replay)));
        for (String id : ids) {
            assertThat(harness.completions().awaitOutcome(replay, id).getOutcome())
                    .as(() -> id + " replayed; writes: " + harness.magento().requests().stream().skip(requestsBefore)
                            .filter(r -> !r.method().equals("GET")).map(r -> r.method() + " " + r.path() + " " + r.body()).toList())
                    .isEqualTo(Outcome.UNCHANGED);
        }
        assertThat(writes()).isEqualTo(writesBefore);
    }

    private static int writes() {
        return (int) harness.magento().requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    private static String attribute(JsonNode product, String code) {
        for (JsonNode entry : product.get("custom_attributes")) {
            if (entry.get("attribute_code").asString().equals(code)) {
                return entry.get("value").isNull() ? null : entry.get("value").asString();
            }
        }
        return null;
    }

    private static List<Integer> ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }
}
