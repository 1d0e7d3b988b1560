package com.skylinksync.sandbox.magento;

import static com.skylinksync.sandbox.magento.RestTestClient.customerJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing, access, injected faults, the journal and the sandbox state API. */
class MagentoRestRouterTest extends FreshStoreTest {

    @Test
    void aRouteMagentoDoesNotHaveIsNoRouteEvenWithoutTheToken() throws Exception {
        for (var answer : List.of(rest.send("GET", "/V1/customer/1", null),
                rest.send("DELETE", "/V1/customerGroups/4", null),
                rest.send("GET", "/V2/customers/1", null),
                rest.send("GET", "/mystore/V1/customers/1", null),
                rest.send("GET", "/V1/nothing", null, "Bearer wrong"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().toString()).isEqualTo("{\"message\":\"Request does not match any route.\"}");
        }
    }

    @Test
    void storeCodesSelectTheStoreAndAllRefusesReads() throws Exception {
        assertThat(rest.send("POST", "/all/V1/customers", customerJson("ada@example.com", "Ada", "1")).status()).isEqualTo(200);
        assertThat(rest.send("GET", "/default/V1/customers/1", null).status()).isEqualTo(200);

        var allRead = rest.send("GET", "/all/V1/customers/1", null);
        assertThat(allRead.status()).isEqualTo(400);
        assertThat(allRead.message()).isEqualTo("Cannot perform GET operation with store code 'all'");
    }

    @Test
    void everyRouteButSignUpNeedsTheTokenAndNamesItsAclResource() throws Exception {
        var customer = rest.send("GET", "/V1/customers/1", null, "Bearer wrong");
        assertThat(customer.status()).isEqualTo(401);
        assertThat(customer.message()).isEqualTo("The consumer isn't authorized to access %resources.");
        assertThat(customer.body().at("/parameters/resources").asString()).isEqualTo("Magento_Customer::customer");
        assertThat(rest.send("PUT", "/V1/customers/1", "{}", null).body().at("/parameters/resources").asString())
                .isEqualTo("Magento_Customer::manage");
        assertThat(rest.send("GET", "/V1/customerGroups/1", null, null).body().at("/parameters/resources").asString())
                .isEqualTo("Magento_Customer::group");
        assertThat(rest.send("GET", "/V1/directory/countries/AU", null, null).status()).isEqualTo(401);
    }

    @Test
    void injectedFailuresAnswerTheGivenStatusThenStop() throws Exception {
        magento.failNext(2, 503);

        var maintenance = rest.send("GET", "/V1/directory/countries/AU", null);
        assertThat(maintenance.status()).isEqualTo(503);
        assertThat(maintenance.body()).as("Magento's maintenance page is HTML").isNull();
        assertThat(maintenance.text()).contains("Service Temporarily Unavailable");
        assertThat(rest.send("GET", "/V1/directory/countries/AU", null).status()).isEqualTo(503);
        assertThat(rest.send("GET", "/V1/directory/countries/AU", null).status()).isEqualTo(200);
        assertThat(magento.requests()).extracting(MagentoSimulator.Request::status).containsExactly(503, 503, 200);
        assertThat(magento.requests().get(0).path()).isEqualTo("/rest/V1/directory/countries/AU");

        magento.failNext(1, 500);
        var internal = rest.send("GET", "/V1/customers/1", null);
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.body().properties()).hasSize(1);
        assertThat(internal.message()).matches("Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13}");

        magento.failNext(1, 429);
        var throttled = rest.send("GET", "/V1/customers/1", null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body().get("parameters").get(0).asString()).isEqualTo("429");
    }

    @Test
    void journalKeepsWhatEachWriteSent() throws Exception {
        String body = customerJson("ada@example.com", "Ada", "1001");
        rest.send("POST", "/V1/customers", body);
        rest.send("GET", "/V1/customers/1", null);

        assertThat(magento.requests()).extracting(MagentoSimulator.Request::body).containsExactly(body, null);
    }

    @Test
    void jitteredLatencyDelaysEachRequestByItsOwnRandomAmount() throws Exception {
        magento.latency(Duration.ofMillis(5), Duration.ofMillis(40));
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            rest.send("GET", "/V1/directory/countries/AU", null);
            took.add((System.nanoTime() - started) / 1_000_000);
        }

        assertThat(took).allMatch(ms -> ms >= 5);
        assertThat(took.stream().distinct().count()).as("latencies " + took).isGreaterThan(2);
    }

    @Test
    void sandboxStateApiShowsCustomersAndRequests() throws Exception {
        rest.send("POST", "/V1/customers", customerJson("ada@example.com", "Ada", "1001"));

        JsonNode customers = rest.sandbox("/sandbox/customers").body();
        JsonNode requests = rest.sandbox("/sandbox/requests").body();

        assertThat(customers.findValuesAsString("email")).containsExactly("ada@example.com");
        assertThat(requests.get(0).get("method").asString()).isEqualTo("POST");
        assertThat(requests.get(0).get("status").asInt()).isEqualTo(200);
    }
}
