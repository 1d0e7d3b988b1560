package com.skylinksync.sandbox.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator over real HTTP, spoken to as raw JSON so its wire format is what is under test. */
class MagentoSimulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private MagentoSimulator magento;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void createsCustomersTheWayMagentoReturnsThem() throws Exception {
        var created = send("POST", "/V1/customers", """
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

        assertThat(send("GET", "/V1/customers/1", null).body()).isEqualTo(customer);
        assertThat(magento.customerByEmail("ADA@example.com")).contains(customer);
        assertThat(magento.customers()).containsExactly(customer);
    }

    @Test
    void putReplacesTheCustomerKeepingAddressesItIsGivenAndTheOnesItIsNotAskedAbout() throws Exception {
        JsonNode created = send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001",
                auAddress("1 Queen St", true))).body();
        long addressId = created.at("/addresses/0/id").asLong();

        // No "addresses" key: Magento leaves the addresses alone.
        var renamed = send("PUT", "/V1/customers/1",
                "{\"customer\": {\"id\": 1, \"email\": \"ada@example.com\", \"firstname\": \"Augusta\", \"lastname\": \"King\"}}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("firstname").asString()).isEqualTo("Augusta");
        assertThat(renamed.body().at("/addresses/0/id").asLong()).isEqualTo(addressId);
        assertThat(renamed.body().get("default_billing").asString()).isEqualTo(Long.toString(addressId));
        assertThat(renamed.body().get("created_at")).isEqualTo(created.get("created_at"));

        // A given list replaces them: the known id stays, a new one is created, flags move.
        var moved = send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1001",
                auAddress("1 Queen St", false).replace("{", "{\"id\": " + addressId + ", "),
                auAddress("2 King St", true)));
        JsonNode addresses = moved.body().get("addresses");
        assertThat(addresses).hasSize(2);
        assertThat(addresses.get(0).get("id").asLong()).isEqualTo(addressId);
        assertThat(addresses.get(1).get("id").asLong()).isGreaterThan(addressId);
        assertThat(moved.body().get("default_billing").asString()).isEqualTo(addresses.get(1).get("id").asString());
    }

    @Test
    void unknownCustomerIsMagentosNoSuchEntity() throws Exception {
        var missing = send("GET", "/V1/customers/7", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asString()).isEqualTo("No such entity with %fieldName = %fieldValue");
        assertThat(missing.body().at("/parameters/fieldName").asString()).isEqualTo("customerId");
        assertThat(missing.body().at("/parameters/fieldValue").asString()).isEqualTo("7");
        assertThat(send("PUT", "/V1/customers/7", customerJson("x@example.com", "X", "1")).status()).isEqualTo(404);
    }

    @Test
    void validatesLikeMagento() throws Exception {
        assertRejected(customerJson("ada@example.com", "", "1"), "\"%fieldName\" is required. Enter and try again.", "firstname");
        assertRejected("{\"customer\": {\"firstname\": \"A\", \"lastname\": \"B\"}}", "\"%fieldName\" is required. Enter and try again.", "email");
        assertRejected(customerJson("not-an-email", "Ada", "1"), "\"%1\" is not a valid email address.", null);
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress(" ", true)), "\"%fieldName\" is required. Enter and try again.", "street");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true).replace("\"region\": {\"region_id\": 572}", "\"region\": {\"region\": \"Queensland\"}")),
                "\"%fieldName\" is required. Enter and try again.", "regionId");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true).replace("572", "12")),
                "Invalid value of \"%value\" provided for the %fieldName field.", "regionId");
        assertRejected(customerJson("ada@example.com", "Ada", "1", auAddress("1 Queen St", true).replace("\"city\": \"Brisbane\", ", "")),
                "\"%fieldName\" is required. Enter and try again.", "city");
        assertRejected("{\"customer\": {", "Decoding error.", null);
        assertThat(magento.customers()).isEmpty();

        assertThat(send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1")).status()).isEqualTo(200);
        assertRejected(customerJson("ADA@example.com", "Other", "2"),
                "A customer with the same email address already exists in an associated website.", null);
        assertThat(send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "3")
                .replace("\"email\"", "\"website_id\": 2, \"email\"")).status())
                .as("the same email on another website").isEqualTo(200);
        assertThat(send("PUT", "/V1/customers/1", customerJson("ada@example.com", "Ada", "1")).status())
                .as("a customer keeps its own email").isEqualTo(200);
    }

    @Test
    void searchOrsFiltersInAGroupAndAndsGroups() throws Exception {
        send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001"));
        send("POST", "/V1/customers", customerJson("grace@example.com", "Grace", "1002"));
        send("POST", "/V1/customers", customerJson("alan@example.org", "Alan", "1003"));

        assertThat(emails(search(List.of(List.of(eq("skylink_customer_id", "1001"), eq("skylink_customer_id", "1003"))))))
                .containsExactly("ada@example.com", "alan@example.org");
        assertThat(emails(search(List.of(
                List.of(eq("skylink_customer_id", "1001"), eq("skylink_customer_id", "1003")),
                List.of(filter("email", "%.org", "like"))))))
                .containsExactly("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("firstname", "a%", "like"))))))
                .containsExactly("ada@example.com", "alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("id", "1,3", "in")))))).hasSize(2);
        assertThat(emails(search(List.of(List.of(filter("id", "2", "gt")))))).containsExactly("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("email", "ada@example.com", "neq")))))).hasSize(2);
        assertThat(emails(search(List.of(List.of(eq("email", "GRACE@example.com")))))).containsExactly("grace@example.com");
        assertThat(search(List.of(List.of(eq("skylink_customer_id", "9999")))).get("total_count").asInt()).isZero();

        String updatedAt = magento.customers().get(2).get("updated_at").asString();
        assertThat(emails(search(List.of(List.of(filter("updated_at", updatedAt, "gteq")))))).contains("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2000-01-01 00:00:00", "gteq")))))).hasSize(3);
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2999-01-01 00:00:00", "gteq")))))).isEmpty();
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2999-01-01 00:00:00", "lt")))))).hasSize(3);
    }

    @Test
    void searchEchoesItsCriteriaAndPages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            send("POST", "/V1/customers", customerJson("c" + i + "@example.com", "C" + i, Integer.toString(i)));
        }
        JsonNode page = send("GET", "/V1/customers/search?" + filterQuery(List.of(List.of(filter("email", "%example%", "like"))))
                + "&searchCriteria%5BpageSize%5D=2&searchCriteria%5BcurrentPage%5D=2", null).body();

        assertThat(page.get("total_count").asInt()).isEqualTo(3);
        assertThat(emails(page)).containsExactly("c3@example.com");
        assertThat(page.at("/search_criteria/filter_groups/0/filters/0/condition_type").asString()).isEqualTo("like");
        assertThat(page.at("/search_criteria/page_size").asInt()).isEqualTo(2);
        assertThat(send("GET", "/V1/customers/search", null).status()).isEqualTo(400);
    }

    @Test
    void concurrentCreatesWithOneEmailLeaveOneCustomer() throws Exception {
        int attempts = 16;
        List<Future<Answer>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String skylinkId = Integer.toString(i);
                answers.add(threads.submit(() -> send("POST", "/V1/customers", customerJson("race@example.com", "Racer", skylinkId))));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }

        assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status != 200).hasSize(attempts - 1).containsOnly(400);
        assertThat(magento.customers()).hasSize(1);
    }

    @Test
    void everyRestCallNeedsTheBearerToken() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(magento.restBase() + "/V1/customers/1"))
                .header("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("message").asString()).isEqualTo("The consumer isn't authorized to access %resources.");
        assertThat(body.at("/parameters/resources").asString()).isEqualTo("Magento_Customer::manage");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(magento.restBase() + "/V1/directory/countries/AU")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void injectedFailuresAnswerTheGivenStatusThenStop() throws Exception {
        magento.failNext(2, 503);

        assertThat(send("GET", "/V1/directory/countries/AU", null).status()).isEqualTo(503);
        assertThat(send("GET", "/V1/directory/countries/AU", null).status()).isEqualTo(503);
        assertThat(send("GET", "/V1/directory/countries/AU", null).status()).isEqualTo(200);
        assertThat(magento.requests()).extracting(MagentoSimulator.Request::status).containsExactly(503, 503, 200);
        assertThat(magento.requests().get(0).path()).isEqualTo("/rest/V1/directory/countries/AU");
    }

    @Test
    void journalKeepsWhatEachWriteSent() throws Exception {
        String body = customerJson("ada@example.com", "Ada", "1001");
        send("POST", "/V1/customers", body);
        send("GET", "/V1/customers/1", null);

        assertThat(magento.requests()).extracting(MagentoSimulator.Request::body).containsExactly(body, null);
    }

    @Test
    void jitteredLatencyDelaysEachRequestByItsOwnRandomAmount() throws Exception {
        magento.latency(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(40));
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            send("GET", "/V1/directory/countries/AU", null);
            took.add((System.nanoTime() - started) / 1_000_000);
        }

        assertThat(took).allMatch(ms -> ms >= 5);
        assertThat(took.stream().distinct().count()).as("latencies " + took).isGreaterThan(2);
    }

    @Test
    void countriesCarryMagentosRegions() throws Exception {
        JsonNode australia = send("GET", "/V1/directory/countries/AU", null).body();

        assertThat(australia.get("available_regions")).hasSize(8);
        assertThat(australia.get("available_regions").findValuesAsString("code"))
                .containsExactlyInAnyOrder("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA");
        assertThat(australia.at("/available_regions/3/name").asString()).isEqualTo("Queensland");
        assertThat(australia.at("/available_regions/3/id").asString()).isEqualTo("572");
        assertThat(send("GET", "/V1/directory/countries/NZ", null).body().has("available_regions")).isFalse();
        assertThat(send("GET", "/V1/directory/countries/XX", null).status()).isEqualTo(404);
    }

    @Test
    void sandboxStateApiShowsCustomersAndRequests() throws Exception {
        send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001"));

        var customers = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + magento.restBase().getPort() + "/sandbox/customers")).build(),
                HttpResponse.BodyHandlers.ofString());
        var requests = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + magento.restBase().getPort() + "/sandbox/requests")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(customers.body()).findValuesAsString("email")).containsExactly("ada@example.com");
        assertThat(json.readTree(requests.body()).get(0).get("method").asString()).isEqualTo("POST");
        assertThat(json.readTree(requests.body()).get(0).get("status").asInt()).isEqualTo(200);
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(magento.restBase() + path))
                .header("Authorization", "Bearer " + magento.accessToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    private void assertRejected(String body, String message, String fieldName) throws Exception {
        Answer answer = send("POST", "/V1/customers", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.body().get("message").asString()).isEqualTo(message);
        if (fieldName != null) {
            assertThat(answer.body().at("/parameters/fieldName").asString()).isEqualTo(fieldName);
        }
    }

    private static String customerJson(String email, String firstname, String skylinkId, String... addresses) {
        return """
                {"customer": {"email": "%s", "firstname": "%s", "lastname": "Tester",
                  "custom_attributes": [{"attribute_code": "skylink_customer_id", "value": "%s"}],
                  "addresses": [%s]}}
                """.formatted(email, firstname, skylinkId, String.join(",", addresses));
    }

    private static String auAddress(String street, boolean defaultBilling) {
        return """
                {"firstname": "Ada", "lastname": "Tester", "street": ["%s"], "city": "Brisbane", "postcode": "4000",
                 "telephone": "0700000000", "country_id": "AU", "region": {"region_id": 572}, "default_billing": %s}
                """.formatted(street, defaultBilling);
    }

    private record Filter(String field, String value, String conditionType) {
    }

    private static Filter filter(String field, String value, String conditionType) {
        return new Filter(field, value, conditionType);
    }

    private static Filter eq(String field, String value) {
        return filter(field, value, "eq");
    }

    private JsonNode search(List<List<Filter>> groups) throws Exception {
        Answer answer = send("GET", "/V1/customers/search?" + filterQuery(groups), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static String filterQuery(List<List<Filter>> groups) {
        List<String> parameters = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int f = 0; f < groups.get(g).size(); f++) {
                Filter filter = groups.get(g).get(f);
                String prefix = "searchCriteria[filterGroups][" + g + "][filters][" + f + "]";
                parameters.add(encode(prefix + "[field]") + "=" + encode(filter.field()));
                parameters.add(encode(prefix + "[value]") + "=" + encode(filter.value()));
                parameters.add(encode(prefix + "[condition_type]") + "=" + encode(filter.conditionType()));
            }
        }
        return String.join("&", parameters);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> emails(JsonNode searchResult) {
        return searchResult.get("items").findValuesAsString("email");
    }
}
