package com.skylinksync.sandbox.magento;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog routes at the HTTP level: store codes, ACL resources, Magento's error bodies, the sandbox view. */
class MagentoCatalogRoutesTest {

    private static final String PRODUCT = """
            {"product":{"sku":"T-1","name":"Tee","attribute_set_id":4,"price":10,"type_id":"simple",
             "extension_attributes":{"stock_item":{"qty":3,"is_in_stock":true}}}}""";

    private MagentoSimulator magento;
    private RestTestClient rest;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        rest = new RestTestClient(magento);
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void aProductSavedThroughAStoreCodeGoesToThatWebsiteAndThroughAllToEveryWebsite() throws Exception {
        rest.ok(rest.send("POST", "/second/V1/products", PRODUCT));
        assertThat(magento.product("T-1").orElseThrow().get("extension_attributes").get("website_ids").toString()).isEqualTo("[2]");
        rest.ok(rest.send("POST", "/all/V1/products", PRODUCT.replace("T-1", "T-2").replace("\"Tee\"", "\"Tee 2\"")));
        assertThat(magento.product("T-2").orElseThrow().get("extension_attributes").get("website_ids").toString()).isEqualTo("[1,2]");
        assertThat(rest.send("GET", "/all/V1/products/T-1", null).body().get("message").asString())
                .isEqualTo("Cannot perform GET operation with store code 'all'");
        assertThat(rest.send("GET", "/nostore/V1/products/T-1", null).status()).isEqualTo(404);
    }

    @Test
    void anInSearchOnTheSkuOrAnAttributeFindsEveryListedProductInIdOrder() throws Exception {
        for (int i = 1; i <= 3; i++) {
            rest.ok(rest.send("POST", "/all/V1/products", PRODUCT.replace("T-1", "T-" + i).replace("\"Tee\"", "\"Tee " + i + "\"")));
        }
        var bySku = rest.ok(rest.send("GET", "/V1/products?" + RestTestClient.filterQuery(java.util.List.of(java.util.List.of(
                RestTestClient.filter("sku", "t-3,T-1,NOPE", "in")))), null));
        assertThat(bySku.get("items").valueStream().map(p -> p.get("sku").asString()).toList()).containsExactly("T-1", "T-3");
        var byAttribute = rest.ok(rest.send("GET", "/V1/products?" + RestTestClient.filterQuery(java.util.List.of(java.util.List.of(
                RestTestClient.filter("url_key", "tee-2,tee-1", "in")))), null));
        assertThat(byAttribute.get("items").valueStream().map(p -> p.get("sku").asString()).toList()).containsExactly("T-1", "T-2");
        assertThat(byAttribute.get("total_count").asInt()).isEqualTo(2);
    }

    @Test
    void catalogRoutesNameTheirAclResourceAndMissingEntitiesAreMagentosNotFound() throws Exception {
        assertThat(rest.send("GET", "/V1/products/T-1", null, null).body().path("parameters").path("resources").asString())
                .isEqualTo("Magento_Catalog::products");
        assertThat(rest.send("GET", "/V1/store/websites", null, null).body().path("parameters").path("resources").asString())
                .isEqualTo("Magento_Backend::store");
        var missing = rest.send("GET", "/V1/products/nope", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asString())
                .isEqualTo("The product that was requested doesn't exist. Verify the product and try again.");
        var noAttribute = rest.send("GET", "/V1/products/attributes/nope", null);
        assertThat(noAttribute.status()).isEqualTo(404);
        assertThat(noAttribute.body().get("parameters").get(0).asString()).isEqualTo("nope");
    }

    @Test
    void anInvalidPriceIsRefusedWithMagentosMessageAndTheSandboxListsProducts() throws Exception {
        var invalid = rest.send("POST", "/V1/products", PRODUCT.replace("\"price\":10", "\"price\":\"invalid_format\""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("parameters").get("details").asString())
                .isEqualTo("Invalid type for value: \"invalid_format\". Expected Type: \"float\".");
        rest.ok(rest.send("POST", "/V1/products", PRODUCT));
        assertThat(rest.sandbox("/sandbox/products").body()).hasSize(1);
        var stock = rest.send("PUT", "/V1/products/T-1/stockItems/1", "{\"stockItem\":{\"qty\":9,\"is_in_stock\":true}}");
        assertThat(rest.ok(stock).asLong()).isEqualTo(1);
        assertThat(rest.ok(rest.send("GET", "/V1/stockItems/T-1", null)).get("qty").asInt()).isEqualTo(9);
    }

    @Test
    void anOperatorFixesAnAttributesScopeWithPutAndDeletesAUserDefinedOneButNotASystemOne() throws Exception {
        rest.ok(rest.send("POST", "/V1/products/attributes", """
                {"attribute":{"attribute_code":"season","frontend_input":"select","scope":"store","default_frontend_label":"Season"}}"""));
        var fixed = rest.ok(rest.send("PUT", "/V1/products/attributes/season", "{\"attribute\":{\"scope\":\"global\"}}"));
        assertThat(fixed.get("scope").asString()).isEqualTo("global");
        assertThat(magento.productAttribute("season").orElseThrow().get("scope").asString()).isEqualTo("global");
        assertThat(rest.send("PUT", "/V1/products/attributes/nope", "{\"attribute\":{\"scope\":\"global\"}}").status()).isEqualTo(404);

        assertThat(rest.ok(rest.send("DELETE", "/V1/products/attributes/season", null)).asBoolean()).isTrue();
        assertThat(magento.productAttribute("season")).isEmpty();
        var system = rest.send("DELETE", "/V1/products/attributes/sku", null);
        assertThat(system.status()).isEqualTo(400);
        assertThat(system.message()).isEqualTo("The system attribute can't be deleted.");
        assertThat(magento.productAttribute("sku")).isPresent();
    }
}
