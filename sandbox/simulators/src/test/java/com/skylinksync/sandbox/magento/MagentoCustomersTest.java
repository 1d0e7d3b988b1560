package com.skylinksync.sandbox.magento;

import static com.skylinksync.sandbox.magento.RestTestClient.auAddress;
import static com.skylinksync.sandbox.magento.RestTestClient.customerJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customers resource over real HTTP, as raw JSON. */
class MagentoCustomersTest extends FreshStoreTest {

    @Test
    void createsCustomersTheWayMagentoReturnsThem() throws Exception {
        var created = rest.send("POST", "/V1/customers", """
                {"customer": {"email": "ada@example.com", "firstname": "Ada", "lastname": "Lovelace",
                  "custom_attributes": [{"attribute_code": "skylink_customer_id", "value": "1001"}],
                  "addresses": [
                    {"firstname": "Ada", "lastname": "Lovelace", "street": ["1 Queen St"], "city": "Brisbane",
                     "postcode": "4000", "telephone": "0700000000", "country_id": "AU", "region": {"region_id": 572},
                     "default_billing": true},
                    {"firstname": "Ada", "lastname": "Lovelace", "street": ["9 Lambton Quay"], "city": "Wellington",
                     "postcode": "6011", "telephone": "044000000", "country_id": "NZ", "region": {"region": "Wellington"},
                     "default_shipping": true}]}}
                """);

        assertThat(created.status()).isEqualTo(200);
        JsonNode customer = created.body();
        assertThat(customer.get("id").asLong()).isEqualTo(1);
        assertThat(customer.get("website_id").asInt()).isEqualTo(1);
        assertThat(customer.get("group_id").asInt()).isEqualTo(1);
        assertThat(customer.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(customer.get("updated_at").asString()).isEqualTo(customer.get("created_at").asString());
        assertThat(customer.at("/extension_attributes/is_subscribed").asBoolean()).isFalse();
        JsonNode brisbane = customer.at("/addresses/0");
        JsonNode wellington = customer.at("/addresses/1");
        assertThat(brisbane.get("id").asLong()).isPositive();
        assertThat(brisbane.get("region").get("region_code").asString()).isEqualTo("QLD");
        assertThat(brisbane.get("region").get("region").asString()).isEqualTo("Queensland");
        assertThat(brisbane.get("region_id").asInt()).isEqualTo(572);
        assertThat(wellington.at("/region/region_id").asInt()).isZero();
        assertThat(wellington.at("/region/region").asString()).isEqualTo("Wellington");
        assertThat(customer.get("default_billing").asString()).isEqualTo(brisbane.get("id").asString());
        assertThat(customer.get("default_shipping").asString()).isEqualTo(wellington.get("id").asString());
        assertThat(brisbane.has("default_shipping")).isFalse();

        assertThat(rest.send("GET", "/V1/customers/1", null).body()).isEqualTo(customer);
        assertThat(magento.customerByEmail("ADA@example.com")).contains(customer);
        assertThat(magento.customers()).containsExactly(customer);
    }

    @Test
    void putMergesTheGivenAttributesAndReplacesTheAddressesItIsGiven() throws Exception {
        JsonNode created = rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001",
                auAddress("1 Queen St", true)).replace("\"website_id\": 1,", "\"website_id\": 1, \"dob\": \"1815-12-10\",")));
        long addressId = created.at("/addresses/0/id").asLong();

        // No "addresses" key: Magento leaves the addresses alone; attributes the save does not carry stay as they were.
        var renamed = rest.send("PUT", "/V1/customers/1", """
                {"customer": {"id": 1, "email": "ada@example.com", "firstname": "Augusta", "lastname": "King", "website_id": 1}}""");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("firstname").asString()).isEqualTo("Augusta");
        assertThat(renamed.body().get("dob").asString()).isEqualTo("1815-12-10");
        assertThat(renamed.body().at("/addresses/0/id").asLong()).isEqualTo(addressId);
        assertThat(renamed.body().get("default_billing").asString()).isEqualTo(Long.toString(addressId));
        assertThat(renamed.body().get("created_at")).isEqualTo(created.get("created_at"));

        // A given list replaces them: the known id stays, a new one is created, flags move.
        var moved = rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1001",
                auAddress("1 Queen St", false).replace("{", "{\"id\": " + addressId + ", "),
                auAddress("2 King St", true)));
        JsonNode addresses = moved.body().get("addresses");
        assertThat(addresses).hasSize(2);
        assertThat(addresses.get(0).get("id").asLong()).isEqualTo(addressId);
        assertThat(addresses.get(1).get("id").asLong()).isGreaterThan(addressId);
        assertThat(moved.body().get("default_billing").asString()).isEqualTo(addresses.get(1).get("id").asString());

        // An empty list deletes them all.
        var cleared = rest.ok(rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1001")));
        assertThat(cleared.get("addresses")).isEmpty();
        assertThat(cleared.has("default_billing")).isFalse();
    }

    @Test
    void unknownCustomerIsMagentosNoSuchEntityWithATypedId() throws Exception {
        var missing = rest.send("GET", "/V1/customers/7", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("No such entity with %fieldName = %fieldValue");
        assertThat(missing.body().at("/parameters/fieldName").asString()).isEqualTo("customerId");
        assertThat(missing.body().at("/parameters/fieldValue").isNumber()).isTrue();
        assertThat(missing.body().at("/parameters/fieldValue").asInt()).isEqualTo(7);
        assertThat(rest.send("PUT", "/V1/customers/7", customerJson("x@example.com", "X", "1")).status()).isEqualTo(404);
    }

    @Test
    void validatesLikeMagento() throws Exception {
        assertRejected("{\"customer\": {\"firstname\": \"A\", \"lastname\": \"B\"}}",
                "The customer email is missing. Enter and try again.", null);
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress(" ", true)),
                "\"%fieldName\" is required. Enter and try again.", "street");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true)
                        .replace("\"region\": {\"region_id\": 572}", "\"region\": {\"region\": \"Queensland\"}")),
                "\"%fieldName\" is required. Enter and try again.", "regionId");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true).replace("572", "12")),
                "Invalid value of \"%value\" provided for the %fieldName field.", "regionId");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true).replace("\"city\": \"Brisbane\", ", "")),
                "\"%fieldName\" is required. Enter and try again.", "city");
        assertRejected("{\"customer\": {", "Decoding error.", null);
        assertRejected("{}", "\"%fieldName\" is required. Enter and try again.", "customer");
        assertThat(magento.customers()).isEmpty();

        // Refused addresses used up ids: the customer whose addresses were refused had been saved first.
        long id = rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1"))).get("id").asLong();
        assertRejected(customerJson("ADA@example.com", "Other", "2"),
                "A customer with the same email address already exists in an associated website.", null);
        assertThat(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "3")
                .replace("\"website_id\": 1", "\"website_id\": 2")).status())
                .as("the same email on another website").isEqualTo(200);
        assertThat(rest.send("PUT", "/V1/customers/" + id, customerJson("ada@example.com", "Ada", "1")).status())
                .as("a customer keeps its own email").isEqualTo(200);
    }

    @Test
    void requiredAttributesAreNamedByTheirLabelsAlreadyFilledIn() throws Exception {
        var unnamed = rest.send("POST", "/V1/customers", customerJson("ada@example.com", "", "1").replace("\"Tester\"", "\"\""));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.message()).isEqualTo("\"First Name\" is a required value.\n\"Last Name\" is a required value.");
        assertThat(unnamed.body().has("parameters")).isFalse();

        rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1")));
        // AF CustomerRepositoryTest::testUpdateCustomerNoWebsiteId: PUT does not fall back to the stored website.
        var noWebsite = rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1").replace("\"website_id\": 1,", ""));
        assertThat(noWebsite.status()).isEqualTo(400);
        assertThat(noWebsite.message()).isEqualTo("\"Associate to Website\" is a required value.");
        assertThat(noWebsite.body().has("parameters")).isFalse();
    }

    @Test
    void anInvalidEmailIsMagentosMessageWithoutParameters() throws Exception {
        var invalid = rest.send("POST", "/V1/customers", customerJson("not-an-email", "Ada", "1"));

        // AF Customer/Api/AccountManagementTest::testCreateCustomerWithErrors
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().properties()).hasSize(1);
        assertThat(invalid.message()).isEqualTo("\"Email\" is not a valid email address.");
    }

    @Test
    void everyErrorOfAnAddressComesTogether() throws Exception {
        String broken = auAddress("1 Queen St", true).replace("\"city\": \"Brisbane\", \"postcode\": \"4000\",", "")
                .replace("\"telephone\": \"0700000000\",", "");

        var refused = rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1", broken));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("One or more input exceptions have occurred.");
        assertThat(refused.body().has("parameters")).isFalse();
        assertThat(refused.body().get("errors")).hasSize(3);
        assertThat(refused.body().get("errors").findValuesAsString("message")).containsOnly("\"%fieldName\" is required. Enter and try again.");
        assertThat(refused.body().get("errors").findValuesAsString("fieldName")).containsExactly("city", "telephone", "postcode");
        // The customer was saved before its addresses and deleted again: nothing stays, the id is used up.
        assertThat(magento.customers()).isEmpty();
        assertThat(rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1"))).get("id").asInt()).isEqualTo(2);
    }

    @Test
    void oneAddressErrorIsTheMessageItself() throws Exception {
        var refused = rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1",
                auAddress("1 Queen St", true).replace("\"firstname\": \"Ada\"", "\"firstname\": null")));

        // AF CustomerRepositoryTest::testCreateCustomerWithoutAddressRequiresException
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().has("errors")).isFalse();
        assertThat(refused.message()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
        assertThat(refused.body().at("/parameters/fieldName").asString()).isEqualTo("firstname");
    }

    @Test
    void aRefusedAddressOnPutLeavesTheCustomerAndTheAddressesBeforeItSaved() throws Exception {
        rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true))));

        var refused = rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Augusta", "1",
                auAddress("2 King St", false), auAddress("3 Bad St", false).replace("\"city\": \"Brisbane\", ", "")));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode stored = magento.customers().getFirst();
        assertThat(stored.get("firstname").asString()).isEqualTo("Augusta");
        assertThat(stored.get("addresses")).extracting(address -> address.at("/street/0").asString())
                .containsExactly("1 Queen St", "2 King St");
    }

    @Test
    void anAddressInACountryTheStoreDoesNotAllowIsSkippedOnCreateAndRefusedOnPut() throws Exception {
        String france = auAddress("1 Rue de Rivoli", true).replace("\"AU\"", "\"FR\"");

        JsonNode created = rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1", france)));
        assertThat(created.get("addresses")).isEmpty();

        var refused = rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1", france));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("Invalid value of \"%value\" provided for the %fieldName field.");
        assertThat(refused.body().at("/parameters/fieldName").asString()).isEqualTo("countryId");
        assertThat(refused.body().at("/parameters/value").asString()).isEqualTo("FR");
    }

    @Test
    void aRegionWithoutAnIdIsLookedUpByItsCode() throws Exception {
        JsonNode created = rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1",
                auAddress("1 Queen St", true).replace("{\"region_id\": 572}", "{\"region_code\": \"qld\"}"),
                auAddress("2 King St", false).replace("{\"region_id\": 572}", "{\"region\": \"NSW\"}"))));

        assertThat(created.get("addresses")).extracting(address -> address.get("region_id").asInt()).containsExactly(572, 570);
    }

    @Test
    void putWithoutCustomAttributesKeepsThemAndUnknownCodesAreNotStored() throws Exception {
        rest.ok(rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001")
                .replace("\"value\": \"1001\"}", "\"value\": \"1001\"}, {\"attribute_code\": \"no_such_code\", \"value\": \"x\"}")));
        assertThat(magento.customers().getFirst().get("custom_attributes").findValuesAsString("attribute_code"))
                .containsExactly("skylink_customer_id");

        JsonNode renamed = rest.ok(rest.send("PUT", "/V1/customers/1", """
                {"customer": {"email": "ada@example.com", "firstname": "Augusta", "lastname": "King", "website_id": 1}}"""));
        assertThat(renamed.at("/custom_attributes/0/value").asString()).isEqualTo("1001");

        JsonNode relinked = rest.ok(rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "2002")));
        assertThat(relinked.get("custom_attributes")).hasSize(1);
        assertThat(relinked.at("/custom_attributes/0/value").asString()).isEqualTo("2002");

        var noValue = rest.send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "2002")
                .replace(", \"value\": \"2002\"", ""));
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.message()).isEqualTo(
                "The \"skylink_customer_id\" attribute code doesn't have a value set. Enter the value and try again.");
    }

    @Test
    void aGroupThatDoesNotExistIsRefused() throws Exception {
        var refused = rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1")
                .replace("\"website_id\": 1", "\"website_id\": 1, \"group_id\": 777"));

        // AF CustomerRepositoryTest::testCreateCustomerWithInvalidGroupId
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("The specified customer group id does not exist.");
    }

    @Test
    void aGuestMayCreateACustomerButNotChooseItsGroup() throws Exception {
        var guest = rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1"), null);
        assertThat(guest.status()).isEqualTo(200);

        var chooser = rest.send("POST", "/V1/customers", customerJson("grace@example.com", "Grace", "2")
                .replace("\"website_id\": 1", "\"website_id\": 1, \"group_id\": 2"), "Bearer wrong");
        assertThat(chooser.status()).isEqualTo(401);
        assertThat(chooser.body().at("/parameters/resources").asString()).isEqualTo("Magento_Customer::manage");
        assertThat(magento.customers()).hasSize(1);
    }

    @Test
    void concurrentCreatesWithOneEmailLeaveOneCustomer() throws Exception {
        int attempts = 16;
        List<Future<RestTestClient.Answer>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String skylinkId = Integer.toString(i);
                answers.add(threads.submit(() -> rest.send("POST", "/V1/customers", customerJson("race@example.com", "Racer", skylinkId))));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }

        assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status != 200).hasSize(attempts - 1).containsOnly(400);
        assertThat(magento.customers()).hasSize(1);
    }

    private void assertRejected(String body, String message, String fieldName) throws Exception {
        var answer = rest.send("POST", "/V1/customers", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.message()).isEqualTo(message);
        if (fieldName != null) {
            assertThat(answer.body().at("/parameters/fieldName").asString()).isEqualTo(fieldName);
        }
    }
}
