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

    @Test
    void theScarfGetsItsGroupPricesPerWebsiteAndNoEndedSpecialPrice() {
        String changeSet = UUID.randomUUID().toString();
        syncAndAwait(changeSet, "124006");
        JsonNode scarf = harness.magento().product("SC0011OSFA").orElseThrow();
        assertThat(scarf.get("price").decimalValue()).isEqualByComparingTo("29.95");
        assertThat(attribute(scarf, "special_price")).isNull(); // RE's promotion ended in March 2017
        assertThat(scarf.get("tier_prices")).hasSize(2).allSatisfy(tier ->
                assertThat(tier.get("extension_attributes").get("website_id").asInt()).isEqualTo(1));
        List<String> groups = harness.magento().customerGroups().stream().map(g -> g.get("code").asString()).toList();
        assertThat(groups).anyMatch(code -> code.endsWith("(Standard)")).anyMatch(code -> code.endsWith("(Fixed)"));
    }

    @Test
    void aPriceChangeInRetailExpressReachesMagentoAndAStockChangeWritesOnlyOnce() {
        syncAndAwait(UUID.randomUUID().toString(), "124013");
        var changed = harness.retailExpress().changeProduct(124013, java.util.Map.of("DefaultPrice", "99.95"), null);
        int before = writes();
        syncAndAwait(changed.changeSetId(), changed.ids().getFirst());
        assertThat(harness.magento().product("PAD001OSFA").orElseThrow().get("price").decimalValue()).isEqualByComparingTo("99.95");

        var stock = harness.retailExpress().changeProduct(124013, java.util.Map.of("StockAvailable", "42"), null);
        int afterPrice = writes();
        assertThat(afterPrice - before).isEqualTo(1);
        syncAndAwait(stock.changeSetId(), "124013");
        assertThat(writes() - afterPrice).isEqualTo(1);
        JsonNode product = harness.magento().product("PAD001OSFA").orElseThrow();
        assertThat(product.get("extension_attributes").get("stock_item").get("qty").decimalValue()).isEqualByComparingTo("42");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("99.95");
    }

    @Test
    void aRenamedSkuRenamesTheProductAndAChannelDropRemovesItsWebsite() {
        syncAndAwait(UUID.randomUUID().toString(), "124014");
        long id = harness.magento().product("PAD002OSFA").orElseThrow().get("id").asLong();
        assertThat(ints(harness.magento().product("PAD002OSFA").orElseThrow().get("extension_attributes").get("website_ids")))
                .containsExactly(1, 2);
        var renamed = harness.retailExpress().changeProduct(124014, java.util.Map.of("SKU", "PAD002-RENAMED"), java.util.Set.of(1));
        syncAndAwait(renamed.changeSetId(), "124014");
        assertThat(harness.magento().product("PAD002OSFA")).isEmpty();
        JsonNode product = harness.magento().product("PAD002-RENAMED").orElseThrow();
        assertThat(product.get("id").asLong()).isEqualTo(id);
        assertThat(ints(product.get("extension_attributes").get("website_ids"))).containsExactly(1);
    }

    @Test
    void channelsWithTheirOwnNameAndPriceShowThemPerWebsiteAndAChangeOnOneChannelWritesOnlyThatScope() {
        // 124019 (PAD007OSFA, 16.95) is on channels 1 → base and 2 → second; channel 2 sells it under its own name and price.
        var own = harness.retailExpress().changeProductOnChannel(124019, 2,
                java.util.Map.of("DefaultPrice", "21.95", "Description", "Sample product 7 (outlet)"));
        syncAndAwait(own.changeSetId(), "124019");
        MagentoSimulator magento = harness.magento();
        JsonNode base = magento.product("PAD007OSFA", "default").orElseThrow();
        assertThat(base.get("price").decimalValue()).isEqualByComparingTo("16.95");
        assertThat(base.get("name").asString()).isEqualTo("Sample product 7");
        JsonNode second = magento.product("PAD007OSFA", "second").orElseThrow();
        assertThat(second.get("price").decimalValue()).isEqualByComparingTo("21.95");
        assertThat(second.get("name").asString()).isEqualTo("Sample product 7 (outlet)");

        // Channel 2's price changes: one store-scoped save through the second website's store, nothing global.
        int before = harness.magento().requests().size();
        var secondOnly = harness.retailExpress().changeProductOnChannel(124019, 2, java.util.Map.of("DefaultPrice", "23.95"));
        syncAndAwait(secondOnly.changeSetId(), "124019");
        assertThat(writesSince(before)).containsExactly("PUT /rest/second/V1/products/PAD007OSFA");
        assertThat(magento.product("PAD007OSFA", "second").orElseThrow().get("price").decimalValue()).isEqualByComparingTo("23.95");
        assertThat(magento.product("PAD007OSFA", "default").orElseThrow().get("price").decimalValue()).isEqualByComparingTo("16.95");

        // Channel 1's price and name change: one global save; the second website keeps its own price and name.
        before = harness.magento().requests().size();
        var firstOnly = harness.retailExpress().changeProduct(124019,
                java.util.Map.of("DefaultPrice", "17.95", "Description", "Sample product 7, renamed"), null);
        syncAndAwait(firstOnly.changeSetId(), "124019");
        assertThat(writesSince(before)).containsExactly("PUT /rest/all/V1/products/PAD007OSFA");
        base = magento.product("PAD007OSFA", "default").orElseThrow();
        assertThat(base.get("price").decimalValue()).isEqualByComparingTo("17.95");
        assertThat(base.get("name").asString()).isEqualTo("Sample product 7, renamed");
        second = magento.product("PAD007OSFA", "second").orElseThrow();
        assertThat(second.get("price").decimalValue()).isEqualByComparingTo("23.95");
        assertThat(second.get("name").asString()).isEqualTo("Sample product 7 (outlet)");

        // Channel 2 goes back to the product's own values: its store view is written with them once.
        before = harness.magento().requests().size();
        var same = harness.retailExpress().changeProductOnChannel(124019, 2, java.util.Map.of("DefaultPrice", "", "Description", ""));
        syncAndAwait(same.changeSetId(), "124019");
        assertThat(writesSince(before)).containsExactly("PUT /rest/second/V1/products/PAD007OSFA");
        second = magento.product("PAD007OSFA", "second").orElseThrow();
        assertThat(second.get("price").decimalValue()).isEqualByComparingTo("17.95");
        assertThat(second.get("name").asString()).isEqualTo("Sample product 7, renamed");

        // The outcome is the product's status too.
        org.springframework.test.web.reactive.server.WebTestClient http = org.springframework.test.web.reactive.server
                .WebTestClient.bindToServer().baseUrl(service.baseUrl().toString())
                .defaultHeader("Authorization", "Bearer " + com.skylinksync.testkit.SyncServiceHarness.OPERATOR_TOKEN).build();
        http.get().uri("/entities/PRODUCT/124019").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SYNCED").jsonPath("$.lastChangeSet").isEqualTo(same.changeSetId());
    }

    @Test
    void permanentErrorsAreDeadLetteredWithTheirReasonWhileOthersFlow() {
        harness.magento().product("PAD003OSFA").ifPresent(p -> { throw new IllegalStateException("fixture already synced"); });
        createConfigurable("PAD003OSFA");
        var missingOption = harness.retailExpress().changeProduct(124016, java.util.Map.of("SizeId", "ZZZ"), null);
        String changeSet = UUID.randomUUID().toString();
        List.of("999999", "124015", "124016", "124017").forEach(id ->
                harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet)));
        assertThat(harness.completions().awaitOutcome(changeSet, "999999"))
                .extracting(EntitySynced::getOutcome, EntitySynced::getErrorCode)
                .containsExactly(Outcome.DEAD_LETTERED, "NOT_FOUND_IN_RETAIL_EXPRESS");
        EntitySynced skuTaken = harness.completions().awaitOutcome(changeSet, "124015");
        assertThat(skuTaken.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(skuTaken.getErrorCode()).isEqualTo("SKU_HELD_BY_ANOTHER_PRODUCT");
        assertThat(skuTaken.getErrorMessage()).contains("PAD003OSFA", "configurable");
        EntitySynced optionMissing = harness.completions().awaitOutcome(changeSet, "124016");
        assertThat(optionMissing.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(optionMissing.getErrorCode()).isEqualTo("ATTRIBUTE_OPTION_MISSING");
        assertThat(optionMissing.getErrorMessage()).contains("size option ZZZ");
        assertThat(optionMissing.getAttempts()).isEqualTo(1); // the attribute synced once, then no retrying loop
        assertThat(harness.completions().awaitOutcome(changeSet, "124017").getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(missingOption.ids()).containsExactly("124016");
    }

    @Test
    void aMatrixChildWithoutAValueForAnOptionOfItsSiblingsIsDeadLetteredNamingItWhileOthersFlow() {
        // A new matrix GAP-TEE: 600001 has a size and a colour, 600002 only a colour, so size is an option 600002 lacks.
        harness.retailExpress().changeProduct(600001, java.util.Map.of("SKU", "GAP-TEE-S-BLK", "Code", "GAP-TEE",
                "Description", "Gap tee", "DefaultPrice", "15.00", "TaxRate", "0.1", "SizeId", "S", "ColourId", "12"), null);
        harness.retailExpress().changeProduct(600002, java.util.Map.of("SKU", "GAP-TEE-WHT", "Code", "GAP-TEE",
                "Description", "Gap tee", "DefaultPrice", "15.00", "TaxRate", "0.1", "ColourId", "14"), null);
        String changeSet = UUID.randomUUID().toString();
        List.of("600001", "600002", "124023").forEach(id ->
                harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet)));
        for (String id : List.of("600001", "600002")) {
            EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
            assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isEqualTo(Outcome.DEAD_LETTERED);
            assertThat(outcome.getErrorCode()).isEqualTo("INVALID_MATRIX");
            assertThat(outcome.getErrorMessage()).contains("600002", "GAP-TEE", "size");
        }
        assertThat(harness.completions().awaitOutcome(changeSet, "124023").getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(harness.magento().product("GAP-TEE")).isEmpty();
    }

    @Test
    void twoMagentoProductsClaimingOneRetailExpressProductAreAnAmbiguousMatch() {
        var catalog = catalogClient();
        for (String sku : List.of("CLAIM-A", "CLAIM-B")) {
            catalog.createProduct(new com.skylinksync.magento.catalog.MagentoProduct(null, sku, "Claim " + sku, "simple", 4,
                    java.math.BigDecimal.ONE, 1, 4, null, java.util.Map.of("skylink_product_id", "124018"), List.of(1),
                    null, null, null, null));
        }
        String changeSet = UUID.randomUUID().toString();
        harness.events().publish(harness.events().changed(EntityType.PRODUCT, "124018", changeSet));
        EntitySynced outcome = harness.completions().awaitOutcome(changeSet, "124018");
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(outcome.getErrorCode()).isEqualTo("TOO_MANY_PRODUCT_MATCHES");
        assertThat(outcome.getErrorMessage()).contains("CLAIM-A", "CLAIM-B");
    }

    @Test
    void anAttributeOptionEventCreatesTheMagentoOption() {
        String changeSet = UUID.randomUUID().toString();
        EntityChanged event = harness.events().builder(EntityType.ATTRIBUTE_OPTION, "4", changeSet,
                com.skylinksync.schemas.avro.Origin.EDS).setAttributeCode("brand").build();
        harness.events().publish(event);
        EntitySynced outcome = harness.completions().awaitOutcome(changeSet, "4");
        assertThat(outcome.getOutcome()).as(outcome.getErrorMessage()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        assertThat(outcome.getTargetId()).startsWith("manufacturer:");
        String optionId = outcome.getTargetId().substring("manufacturer:".length());
        assertThat(harness.magento().productAttribute("manufacturer").orElseThrow().get("options"))
                .anySatisfy(option -> assertThat(option.get("value").asString()).isEqualTo(optionId));
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl(service.baseUrl().toString())
                .defaultHeader("Authorization", "Bearer " + com.skylinksync.testkit.SyncServiceHarness.OPERATOR_TOKEN).build()
                .get().uri("/entities/ATTRIBUTE_OPTION/brand:4").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").value(status -> assertThat(status).isIn("SYNCED", "UNCHANGED"))
                .jsonPath("$.lastChangeSet").isEqualTo(changeSet);
    }

    private static void syncAndAwait(String changeSet, String id) {
        harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet));
        EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
        assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
    }

    private static com.skylinksync.magento.catalog.MagentoCatalog catalogClient() {
        return new com.skylinksync.magento.catalog.MagentoCatalog(new com.skylinksync.magento.MagentoTransport(
                org.springframework.web.reactive.function.client.WebClient.builder(),
                new com.skylinksync.magento.MagentoSettings(harness.magento().restBase(), harness.magento().accessToken(),
                        Duration.ofSeconds(10))));
    }

    /** A merchant's configurable holding a SKU that RE uses for a simple product. */
    private static void createConfigurable(String sku) {
        catalogClient().createProduct(new com.skylinksync.magento.catalog.MagentoProduct(
                null, sku, "Merchant's own " + sku, "configurable", 4, null, 1, 4, null, null, List.of(1), null, null, null, null));
    }

    /** The Magento writes (method and path) journalled after the first {@code requests} requests. */
    private static List<String> writesSince(int requests) {
        return harness.magento().requests().stream().skip(requests).filter(r -> !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).toList();
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
