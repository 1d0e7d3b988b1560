package com.skylinksync.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A group's Magento lookups against the Magento simulator over HTTP: two searches for the whole group, and only clear
 * answers kept — anything that would need a product's own lookup to name the problem is left to it.
 */
class MagentoMatchesTest {

    private static MagentoSimulator magento;
    private static MagentoCatalog catalog;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        catalog = new MagentoCatalog(new MagentoTransport(WebClient.builder(), new MagentoSettings(
                magento.restBase(), magento.accessToken(), Duration.ofSeconds(10))));
        catalog.createAttribute("skylink_product_id", "text", "global", "SkyLink product id");
        catalog.assignAttributeToSet(4, 7, "skylink_product_id", 900);
        create("MM-LINKED", "9001");
        create("MM-TWICE-1", "9002");
        create("MM-TWICE-2", "9002");
        create("MM-HELD", "7777");
    }

    @AfterAll
    static void stop() {
        if (magento != null) {
            magento.close();
        }
    }

    @Test
    void aGroupIsLookedUpWithTwoSearchesAndOnlyClearAnswersAreKept() {
        int requestsBefore = magento.requests().size();
        MagentoMatches matches = MagentoMatches.of(catalog, List.of(
                new MagentoMatches.Wanted(9001, "MM-LINKED-RENAMED"),
                new MagentoMatches.Wanted(9002, "MM-TWICE"),
                new MagentoMatches.Wanted(9003, "mm-held"),
                new MagentoMatches.Wanted(9004, "MM-FREE"),
                new MagentoMatches.Wanted(9005, "MM-DUP"),
                new MagentoMatches.Wanted(9006, "mm-dup"),
                new MagentoMatches.Wanted(9007, "MM,COMMA")));

        assertThat(magento.requests().subList(requestsBefore, magento.requests().size()))
                .as("one search by skylink_product_id, one by SKU").hasSize(2)
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(matches.of(9001)).get().satisfies(found -> assertThat(found).get()
                .extracting(MagentoProduct::sku).isEqualTo("MM-LINKED"));
        assertThat(matches.of(9004)).as("not linked, SKU free: to be created").contains(Optional.empty());
        // Left to the product's own lookup, which names the problem (or sees what changed since):
        assertThat(matches.of(9002)).as("linked twice").isEmpty();
        assertThat(matches.of(9003)).as("SKU held, case-insensitively").isEmpty();
        assertThat(matches.of(9005)).as("SKU asked for twice in the group").isEmpty();
        assertThat(matches.of(9006)).isEmpty();
        assertThat(matches.of(9007)).as("a SKU an IN list cannot carry").isEmpty();
    }

    @Test
    void anEmptyGroupAsksNothing() {
        int requestsBefore = magento.requests().size();
        assertThat(MagentoMatches.of(catalog, List.of()).of(9001)).isEmpty();
        assertThat(magento.requests()).hasSize(requestsBefore);
    }

    private static void create(String sku, String skylinkProductId) {
        catalog.createProduct(new MagentoProduct(null, sku, sku, "simple", 4, new BigDecimal("9.95"), 1,
                MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH, null, Map.of("skylink_product_id", skylinkProductId),
                List.of(1), null, null, null, null));
    }
}
