package com.skylinksync.sandbox.magento;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customer groups resource, checked against AF Customer/Api/GroupRepositoryTest. */
class MagentoCustomerGroupsTest extends FreshStoreTest {

    @Test
    void aFreshStoreHasItsFourGroups() throws Exception {
        JsonNode notLoggedIn = rest.ok(rest.send("GET", "/V1/customerGroups/0", null));

        assertThat(notLoggedIn.toString())
                .isEqualTo("{\"id\":0,\"code\":\"NOT LOGGED IN\",\"tax_class_id\":3,\"tax_class_name\":\"Retail Customer\"}");
        assertThat(magento.customerGroups()).extracting(group -> group.get("code").asString())
                .containsExactly("NOT LOGGED IN", "General", "Wholesale", "Retailer");
    }

    @Test
    void createsWithTheDefaultTaxClassAndUpdatesThroughPut() throws Exception {
        JsonNode created = rest.ok(rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"Trade\"}}"));
        assertThat(created.get("id").asInt()).isEqualTo(4);
        assertThat(created.get("tax_class_id").asInt()).isEqualTo(3);

        int wholesaleClass = magento.addCustomerTaxClass("Wholesale Customer");
        JsonNode updated = rest.ok(rest.send("PUT", "/V1/customerGroups/4",
                "{\"group\": {\"id\": 99, \"code\": \"Trade Plus\", \"tax_class_id\": " + wholesaleClass + "}}"));
        assertThat(updated.get("id").asInt()).as("the id in the URL wins").isEqualTo(4);
        assertThat(updated.get("code").asString()).isEqualTo("Trade Plus");
        assertThat(updated.get("tax_class_name").asString()).isEqualTo("Wholesale Customer");
        assertThat(rest.ok(rest.send("GET", "/V1/customerGroups/4", null))).isEqualTo(updated);
    }

    @Test
    void aCodeIsRequiredAndUniqueIgnoringCase() throws Exception {
        var noCode = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": null, \"tax_class_id\": null}}");
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body().toString())
                .contains("\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\",\"parameters\":{\"fieldName\":\"code\"}");

        var duplicate = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"wholesale\"}}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.message()).isEqualTo("Customer Group already exists.");
    }

    @Test
    void codesLongerThan32CharactersAreCutNotRefused() throws Exception {
        String code = "Trade customers of the northern region";
        JsonNode created = rest.ok(rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"" + code + "\"}}"));
        assertThat(created.get("code").asString()).isEqualTo(code.substring(0, 32));

        // mb_substr counts characters: 40 emoji (80 UTF-16 units) become 32 whole ones.
        String wide = "\uD83D\uDE00".repeat(40);
        JsonNode cut = rest.ok(rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"" + wide + "\"}}"));
        assertThat(cut.get("code").asString()).isEqualTo("\uD83D\uDE00".repeat(32));

        // The cut is checked for uniqueness: another code with the same first 32 characters clashes.
        var clash = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"" + code.substring(0, 32) + " else\"}}");
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.message()).isEqualTo("Customer Group already exists.");
    }

    @Test
    void aTaxClassThatIsNotACustomerClassIsRefusedWithTheValueAsGiven() throws Exception {
        var unknown = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"Invalid\", \"tax_class_id\": 9999}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).startsWith(
                "{\"message\":\"Invalid value of \\\"%value\\\" provided for the %fieldName field.\",\"parameters\":{\"fieldName\":\"taxClassId\",\"value\":9999}");

        var productClass = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"code\": \"Goods\", \"tax_class_id\": 2}}");
        assertThat(productClass.status()).isEqualTo(400);
        assertThat(productClass.body().at("/parameters/value").asInt()).isEqualTo(2);
        assertThat(magento.customerGroups()).hasSize(4);
    }

    @Test
    void anUnknownIdIsANoSuchEntityWithTheIdAsANumber() throws Exception {
        var postWithId = rest.send("POST", "/V1/customerGroups", "{\"group\": {\"id\": 88, \"code\": \"With Id\", \"tax_class_id\": 3}}");
        assertThat(postWithId.status()).isEqualTo(404);
        assertThat(postWithId.body().toString())
                .isEqualTo("{\"message\":\"No such entity with %fieldName = %fieldValue\",\"parameters\":{\"fieldName\":\"id\",\"fieldValue\":88}}");

        var put = rest.send("PUT", "/V1/customerGroups/9999", "{\"group\": {\"code\": \"Nobody\", \"tax_class_id\": 3}}");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.body().at("/parameters/fieldValue").asInt()).isEqualTo(9999);
        assertThat(rest.send("GET", "/V1/customerGroups/9999", null).status()).isEqualTo(404);
    }
}
