package com.skylinksync.magento.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The catalog client against the Magento simulator over real HTTP. */
class MagentoCatalogTest {

    private MagentoSimulator magento;
    private MagentoCatalog catalog;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        catalog = new MagentoCatalog(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5))));
        catalog.createAttribute("skylink_product_id", "text", "global", "SkyLink Product ID");
        catalog.createAttribute("size", "select", "global", "Size");
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void listsTheWebsitesAndStoreViewsOfTheStore() {
        assertThat(catalog.websites()).extracting(MagentoWebsite::code).containsExactly("admin", "base", "second");
        assertThat(catalog.storeViews()).extracting(MagentoStoreView::code, MagentoStoreView::websiteId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", 0), org.assertj.core.groups.Tuple.tuple("default", 1),
                        org.assertj.core.groups.Tuple.tuple("second", 2));
    }

    @Test
    void createsAttributesAndTheirOptionsAndRefusesADuplicateLabel() {
        assertThat(catalog.getAttribute("size")).get().extracting(MagentoAttribute::frontendInput, MagentoAttribute::scope)
                .containsExactly("select", "global");
        assertThat(catalog.getAttribute("nope")).isEmpty();
        String small = catalog.addAttributeOption("size", "S");
        String medium = catalog.addAttributeOption("size", "M");
        assertThat(small).matches("\\d+").isNotEqualTo(medium);
        assertThatThrownBy(() -> catalog.addAttributeOption("size", "s"))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("Admin store attribute option label \"s\" already exists.");
        catalog.relabelAttributeOption("size", small, "Small");
        assertThat(catalog.getAttributeOptions("size")).containsExactly(
                new MagentoAttribute.Option(small, "Small"), new MagentoAttribute.Option(medium, "M"));
        assertThatThrownBy(() -> catalog.addAttributeOption("skylink_product_id", "x"))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("doesn't work with options");
        catalog.assignAttributeToSet(4, 7, "skylink_product_id", 10);
        assertThat(catalog.attributeSetCodes(4)).contains("skylink_product_id", "name", "color");
    }

    @Test
    void createsReadsSearchesAndUpdatesASimpleProductWithStockTierPricesAndWebsites() {
        String small = catalog.addAttributeOption("size", "S");
        MagentoProduct created = catalog.createProduct(simple("124005", "Thermal Top", "29.95",
                Map.of("skylink_product_id", "124005", "size", small, "special_price", "19.95"), List.of(1, 2)));
        assertThat(created.id()).isNotNull();
        assertThat(created.attribute("url_key")).contains("thermal-top");
        assertThat(created.websiteIds()).containsExactly(1, 2);
        assertThat(created.stockItem().qty()).isEqualByComparingTo("7");
        assertThat(created.tierPrices()).singleElement().satisfies(tier -> {
            assertThat(tier.value()).isEqualByComparingTo("25.00");
            assertThat(List.of(tier.customerGroupId(), tier.websiteId())).containsExactly(1, 1);
        });

        assertThat(catalog.findProductsByAttribute("skylink_product_id", "124005")).extracting(MagentoProduct::sku)
                .containsExactly("124005");
        assertThat(catalog.getProduct("missing")).isEmpty();

        catalog.removeProductFromWebsite("124005", 2);
        catalog.updateStockItem("124005", created.id(), new MagentoProduct.StockItem(new BigDecimal("3"), true, true, false));
        Map<String, String> cleared = new LinkedHashMap<>();
        cleared.put("special_price", null);
        catalog.saveProduct("124005", new MagentoProduct(null, "124005", null, null, null, null, null, null, null, cleared,
                null, null, null, null, null), MagentoCatalog.ALL_STORES);
        MagentoProduct read = catalog.getProduct("124005").orElseThrow();
        assertThat(read.websiteIds()).containsExactly(1);
        assertThat(read.stockItem().qty()).isEqualByComparingTo("3");
        assertThat(read.attribute("special_price")).isEmpty();
        assertThat(read.attribute("size")).contains(small);
        assertThat(read.tierPrices()).hasSize(1); // absent tier prices are left alone
    }

    @Test
    void aStoreScopedSaveChangesThatWebsitesPriceOnly() {
        catalog.createProduct(simple("124006", "Beanie", "10.00", Map.of(), List.of(1, 2)));
        catalog.saveProduct("124006", new MagentoProduct(null, "124006", "Beanie (second)", null, null,
                new BigDecimal("12.00"), null, null, null, null, null, null, null, null, null), "second");
        assertThat(catalog.getProduct("124006", "second").orElseThrow())
                .extracting(MagentoProduct::name, p -> p.price().stripTrailingZeros().toPlainString()).containsExactly("Beanie (second)", "12");
        assertThat(catalog.getProduct("124006", "default").orElseThrow())
                .extracting(MagentoProduct::name, p -> p.price().stripTrailingZeros().toPlainString()).containsExactly("Beanie", "10");
    }

    @Test
    void magentoRefusesWhatItsRepositoryRefuses() {
        catalog.createProduct(simple("A1", "Same Name", "1", Map.of(), List.of(1)));
        assertThatThrownBy(() -> catalog.createProduct(simple("A2", "Same Name", "1", Map.of(), List.of(1))))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageStartingWith("URL key for specified store already exists.");
        assertThatThrownBy(() -> catalog.createProduct(simple("A3", "Other", "1", Map.of("size", "999"), List.of(1))))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("999").hasMessageContaining("size");
        assertThatThrownBy(() -> catalog.createProduct(simple("A4", null, "1", Map.of(), List.of(1))))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("\"Product Name\" attribute value is empty");
        assertThatThrownBy(() -> catalog.createProduct(simple("A5", "No price", null, Map.of(), List.of(1))))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("\"Price\" attribute value is empty");
        assertThatThrownBy(() -> catalog.createProduct(new MagentoProduct(null, "A6", "No set", "simple", null, BigDecimal.ONE,
                null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("attribute_set_id");
    }

    @Test
    void renamesASkuByTheProductsId() {
        MagentoProduct created = catalog.createProduct(simple("OLD-1", "Renamed", "1", Map.of(), List.of(1)));
        catalog.saveProduct("OLD-1", new MagentoProduct(created.id(), "NEW-1", null, null, null, null, null, null, null,
                null, null, null, null, null, null), MagentoCatalog.ALL_STORES);
        assertThat(catalog.getProduct("OLD-1")).isEmpty();
        assertThat(catalog.getProduct("NEW-1")).get().extracting(MagentoProduct::id).isEqualTo(created.id());
    }

    @Test
    void aConfigurableLinksChildrenWithDistinctValuesOnly() {
        String small = catalog.addAttributeOption("size", "S");
        String medium = catalog.addAttributeOption("size", "M");
        long s = catalog.createProduct(simple("C-S", "Tee S", "5", Map.of("size", small), List.of(1))).id();
        long m = catalog.createProduct(simple("C-M", "Tee M", "5", Map.of("size", medium), List.of(1))).id();
        long m2 = catalog.createProduct(simple("C-M2", "Tee M again", "5", Map.of("size", medium), List.of(1))).id();
        int sizeId = catalog.getAttribute("size").orElseThrow().attributeId();
        MagentoProduct.ConfigurableOption option = new MagentoProduct.ConfigurableOption(null, sizeId, "Size", 0,
                List.of(Integer.parseInt(small), Integer.parseInt(medium)));
        assertThatThrownBy(() -> catalog.createProduct(configurable("C", List.of(option), List.of(s, m, m2))))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageContaining("have the same set of attribute values");
        MagentoProduct parent = catalog.createProduct(configurable("C", List.of(option), List.of(s, m)));
        assertThat(parent.configurableLinks()).containsExactly(s, m);
        assertThat(catalog.getConfigurableOptions("C")).singleElement().extracting(MagentoProduct.ConfigurableOption::attributeId)
                .isEqualTo(sizeId);
        catalog.addConfigurableChild("C", "C-S"); // already attached: fine
        assertThatThrownBy(() -> catalog.addConfigurableChild("C", "C-M2"))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("have the same set of attribute values");
        assertThatThrownBy(() -> catalog.addConfigurableOption("C", option))
                .isInstanceOf(MagentoException.Rejected.class).hasMessageContaining("Product already has this option");
        catalog.removeConfigurableChild("C", "C-M");
        assertThat(catalog.getConfigurableChildren("C")).extracting(MagentoProduct::sku).containsExactly("C-S");
    }

    private static MagentoProduct simple(String sku, String name, String price, Map<String, String> attributes,
                                         List<Integer> websites) {
        return new MagentoProduct(null, sku, name, "simple", 4, price == null ? null : new BigDecimal(price), 1,
                MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH, BigDecimal.ONE, attributes, websites,
                new MagentoProduct.StockItem(new BigDecimal("7"), true, true, false),
                List.of(new MagentoProduct.TierPrice(1, BigDecimal.ONE, new BigDecimal("25.00"), 1)), null, null);
    }

    private static MagentoProduct configurable(String sku, List<MagentoProduct.ConfigurableOption> options, List<Long> links) {
        return new MagentoProduct(null, sku, "Tee", "configurable", 4, null, 1, MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH,
                null, Map.of(), List.of(1), new MagentoProduct.StockItem(null, true, null, null), null, options, links);
    }
}
