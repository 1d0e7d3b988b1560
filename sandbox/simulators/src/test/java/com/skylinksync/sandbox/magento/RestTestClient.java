package com.skylinksync.sandbox.magento;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP to a Magento simulator, so its wire format is what is under test, plus the request bodies and search
 * queries the tests build.
 */
final class RestTestClient {

    /** An answer: the status, the JSON body (null when it is not JSON) and the body as text. */
    record Answer(int status, JsonNode body, String text) {

        String message() {
            return body.get("message").asString();
        }
    }

    record Filter(String field, String value, String conditionType) {
    }

    private final MagentoSimulator magento;
    // HTTP/1.1: the default h2c upgrade attempt costs the JDK server tens of milliseconds on every call.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    RestTestClient(MagentoSimulator magento) {
        this.magento = magento;
    }

    /** {@code path} is appended to {@code /rest}, e.g. {@code /V1/customers/1}; the integration token is sent. */
    Answer send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "Bearer " + magento.accessToken());
    }

    /** As {@link #send(String, String, String)} with this {@code Authorization} header, or none when null. */
    Answer send(String method, String path, String body, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(magento.restBase() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return new Answer(response.statusCode(), isJson ? json.readTree(response.body()) : null, response.body());
    }

    /** {@code GET http://127.0.0.1:<port><path>} without a token, e.g. {@code /sandbox/customers}. */
    Answer sandbox(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + magento.restBase().getPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()), response.body());
    }

    JsonNode ok(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("HTTP " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    static String customerJson(String email, String firstname, String skylinkId, String... addresses) {
        return """
                {"customer": {"email": "%s", "firstname": "%s", "lastname": "Tester", "website_id": 1,
                  "custom_attributes": [{"attribute_code": "skylink_customer_id", "value": "%s"}],
                  "addresses": [%s]}}
                """.formatted(email, firstname, skylinkId, String.join(",", addresses));
    }

    static String auAddress(String street, boolean defaultBilling) {
        return """
                {"firstname": "Ada", "lastname": "Tester", "street": ["%s"], "city": "Brisbane", "postcode": "4000",
                 "telephone": "0700000000", "country_id": "AU", "region": {"region_id": 572}, "default_billing": %s}
                """.formatted(street, defaultBilling);
    }

    static Filter filter(String field, String value, String conditionType) {
        return new Filter(field, value, conditionType);
    }

    static Filter eq(String field, String value) {
        return filter(field, value, "eq");
    }

    /** {@code searchCriteria[filterGroups][g][filters][f][...]}, URL-encoded. */
    static String filterQuery(List<List<Filter>> groups) {
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

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> emails(JsonNode searchResult) {
        return searchResult.get("items").findValuesAsString("email");
    }
}
