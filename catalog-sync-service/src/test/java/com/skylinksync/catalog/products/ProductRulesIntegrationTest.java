package com.skylinksync.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * The product rules of reference 3.5 one by one, against the real stack, with a service whose quantity is available +
 * on order, whose store is in Sydney time and which writes RE's name only on create: a matrix asked for through
 * several children in one batch, special price dates, what the merchant owns in Magento, URL-key suffixes, group
 * prices at website 0.
 */
class ProductRulesIntegrationTest {

    private static SyncServiceHarness harness;
    private static RunningService service;
    private static MagentoCatalog catalog;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        service = harness.startService("--skylink.catalog.qty-calculation=available-on-order",
                "--skylink.catalog.time-zone=Australia/Sydney", "--skylink.catalog.name-strategy=initial");
        CatalogSetup setup = service.context().getBean(CatalogSetup.class);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getStatus().equals(Status.UP));
        catalog = new MagentoCatalog(new MagentoTransport(WebClient.builder(), new MagentoSettings(
                harness.magento().restBase(), harness.magento().accessToken(), Duration.ofSeconds(10))));
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
    void aMatrixAskedForThroughSeveralChildrenOfOneBatchIsFetchedOnceAndWrittenOnce() {
        ProductSyncer syncer = service.context().getBean(ProductSyncer.class);
        long fetchesBefore = fetches();
        int requestsBefore = harness.magento().requests().size();
        List<TaskOutcome> outcomes = syncer.syncAll(tasks("124008", "124009", "124011"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(TaskOutcome.Done.class));
        assertThat(fetches() - fetchesBefore).as("one GetProductsByChannel for the one channel").isEqualTo(1);
        // Product saves only (creating the options and the price group is the attribute and group syncs' business).
        List<String> productWrites = writesSince(requestsBefore).stream()
                .filter(w -> w.matches("(POST|PUT) /rest/[a-z]+/V1/products(/[^/]+)?")).toList();
        assertThat(productWrites).as("6 children and 1 parent, each created once").hasSize(7)
                .allSatisfy(write -> assertThat(write).isEqualTo("POST /rest/all/V1/products"));
        assertThat(harness.magento().product("BSS-THAW16").orElseThrow()
                .get("extension_attributes").get("configurable_product_links")).hasSize(6);

        // The same batch again: still one fetch, and nothing to write.
        fetchesBefore = fetches();
        requestsBefore = harness.magento().requests().size();
        syncer.syncAll(tasks("124008", "124009", "124011"));
        assertThat(fetches() - fetchesBefore).isEqualTo(1);
        assertThat(writesSince(requestsBefore)).isEmpty();
    }

    @Test
    void quantityIsAvailablePlusOnOrderWhenConfiguredAndNeverBelowZero() {
        sync("124005"); // 10 available, 30 on order
        JsonNode beanie = harness.magento().product("HB0011OSFA").orElseThrow();
        assertThat(beanie.get("extension_attributes").get("stock_item").get("qty").decimalValue()).isEqualByComparingTo("40");
        assertThat(attribute(beanie, "qty_available")).isEqualTo("10");
        assertThat(attribute(beanie, "qty_on_order")).isEqualTo("30");

        harness.retailExpress().changeProduct(124017, Map.of("StockAvailable", "-7", "StockOnOrder", "2", "ManageStock", "true"), null);
        sync("124017");
        JsonNode stock = harness.magento().product("PAD005OSFA").orElseThrow().get("extension_attributes").get("stock_item");
        assertThat(stock.get("qty").decimalValue()).isEqualByComparingTo("0");
        assertThat(stock.get("is_in_stock").asBoolean()).isFalse();
    }

    @Test
    void specialPriceDatesAreInTheStoresTimeZoneAndAnEndedSpecialPriceIsCleared() {
        // RE's dates are Sydney time, as is this store: Magento gets them as RE shows them.
        harness.retailExpress().changeProduct(124020, Map.of("PromotionalPrice", "9.95",
                "PromotionStartDate", "2026-01-01T00:00:00", "PromotionEndDate", "2099-06-30T23:59:59"), null);
        sync("124020");
        JsonNode product = harness.magento().product("PAD008OSFA").orElseThrow();
        assertThat(new BigDecimal(attribute(product, "special_price"))).isEqualByComparingTo("9.95");
        assertThat(attribute(product, "special_from_date")).isEqualTo("2026-01-01 00:00:00");
        assertThat(attribute(product, "special_to_date")).isEqualTo("2099-06-30 23:59:59");

        harness.retailExpress().changeProduct(124020, Map.of("PromotionEndDate", "2020-06-30T23:59:59"), null);
        sync("124020");
        product = harness.magento().product("PAD008OSFA").orElseThrow();
        assertThat(attribute(product, "special_price")).isNull();
        assertThat(attribute(product, "special_from_date")).isNull();
        assertThat(attribute(product, "special_to_date")).isNull();
    }

    @Test
    void whatTheMerchantOwnsInMagentoIsKeptWhenRetailExpressChangesTheProduct() {
        sync("124021");
        MagentoProduct synced = catalog.getProduct("PAD009OSFA").orElseThrow();
        assertThat(synced.visibility()).isEqualTo(MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH);
        // The merchant shows it in search only, disables it, describes it and gives it another URL key.
        catalog.saveProduct("PAD009OSFA", new MagentoProduct(null, "PAD009OSFA", null, null, null, null, 2,
                MagentoProduct.VISIBLE_IN_SEARCH, null, Map.of("description", "Our words", "url_key", "our-key"),
                null, null, null, null, null), MagentoCatalog.ALL_STORES);

        harness.retailExpress().changeProduct(124021, Map.of("Description", "Sample product 9, renamed", "Weight", "1.5"), null);
        sync("124021");
        MagentoProduct changed = catalog.getProduct("PAD009OSFA").orElseThrow();
        assertThat(changed.weight()).isEqualByComparingTo("1.5");
        assertThat(changed.name()).as("name strategy initial").isEqualTo("Sample product 9");
        assertThat(changed.visibility()).isEqualTo(MagentoProduct.VISIBLE_IN_SEARCH);
        assertThat(changed.status()).isEqualTo(2);
        assertThat(changed.attribute("description")).contains("Our words");
        assertThat(changed.attribute("url_key")).contains("our-key");
    }

    @Test
    void aUrlKeyTakenInTheStoreGetsTheNextFreeSuffixOnCreate() {
        for (String key : List.of("sample-product-11", "sample-product-11-1")) {
            catalog.createProduct(new MagentoProduct(null, "MERCHANT-" + key, "Merchant's " + key, "simple", 4, BigDecimal.ONE,
                    1, 4, null, Map.of("url_key", key), List.of(1), null, null, null, null));
        }
        sync("124023");
        assertThat(attribute(harness.magento().product("PAD011OSFA").orElseThrow(), "url_key")).isEqualTo("sample-product-11-2");
    }

    @Test
    void groupPricesAtWebsiteZeroAreRemovedWhenThePricesAreWritten() {
        sync("124022");
        catalog.saveProduct("PAD010OSFA", new MagentoProduct(null, "PAD010OSFA", null, null, null, null, null, null, null,
                null, null, null, List.of(new MagentoProduct.TierPrice(1, BigDecimal.ONE, new BigDecimal("5.00"), 0)), null, null),
                MagentoCatalog.ALL_STORES);
        assertThat(harness.magento().product("PAD010OSFA").orElseThrow().get("tier_prices")).hasSize(1);

        harness.retailExpress().changeProduct(124022, Map.of("DefaultPrice", "25.95"), null);
        sync("124022");
        JsonNode product = harness.magento().product("PAD010OSFA").orElseThrow();
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("25.95");
        assertThat(product.get("tier_prices")).noneSatisfy(tier ->
                assertThat(tier.path("extension_attributes").path("website_id").asInt(tier.path("website_id").asInt())).isZero());
    }

    private static List<SyncTask> tasks(String... ids) {
        String changeSet = UUID.randomUUID().toString();
        return java.util.Arrays.stream(ids)
                .map(id -> new SyncTask(harness.events().changed(EntityType.PRODUCT, id, changeSet), null, null, 1)).toList();
    }

    private static void sync(String id) {
        String changeSet = UUID.randomUUID().toString();
        harness.events().publish(harness.events().changed(EntityType.PRODUCT, id, changeSet));
        EntitySynced outcome = harness.completions().awaitOutcome(changeSet, id);
        assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
    }

    private static long fetches() {
        return harness.retailExpress().journal().stream().filter(call -> call.operation().equals("GetProductsByChannel")).count();
    }

    private static List<String> writesSince(int requests) {
        return harness.magento().requests().stream().skip(requests).filter(r -> !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).toList();
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
