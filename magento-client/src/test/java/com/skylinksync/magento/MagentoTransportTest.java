package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** The transport's error handling against the Magento simulator over real HTTP. */
class MagentoTransportTest {

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
    void aMissingEntityIsEmptyButAMissingRouteIsMisconfigured() {
        MagentoTransport transport = transport(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5));

        assertThat(transport.find("/V1/customers/42", JsonNode.class)).isEmpty();
        assertThatThrownBy(() -> transport.find("/V1/customer/42", JsonNode.class))
                .isInstanceOfSatisfying(MagentoException.Misconfigured.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Magento has no route for GET /V1/customer/42")
                .hasMessageContaining("Request does not match any route.");
    }

    @Test
    void aWrongBaseUrlNeverMakesALookupLookEmpty() {
        // Without /rest: the server has no such path at all, and answers with a page that is not Magento's JSON.
        MagentoCustomers noRest = new MagentoCustomers(transport(URI.create(magento.restBase().toString().replace("/rest", "")),
                magento.accessToken(), Duration.ofSeconds(5)));
        assertThatThrownBy(() -> noRest.getCustomer(1)).isInstanceOf(MagentoException.Misconfigured.class)
                .hasMessageContaining("skylink.magento.base-url");
        assertThatThrownBy(() -> noRest.findCustomersByEmail("ada@example.com")).isInstanceOf(MagentoException.Misconfigured.class);

        // A store code Magento does not have: Magento reads it as part of the path, which matches no route.
        MagentoCustomers unknownStore = new MagentoCustomers(transport(URI.create(magento.restBase() + "/nostore"),
                magento.accessToken(), Duration.ofSeconds(5)));
        assertThatThrownBy(() -> unknownStore.getCustomer(1)).isInstanceOf(MagentoException.Misconfigured.class);
        assertThatThrownBy(() -> new MagentoDirectory(transport(URI.create(magento.restBase() + "/nostore"),
                magento.accessToken(), Duration.ofSeconds(5))).regionsOf("AU")).isInstanceOf(MagentoException.Misconfigured.class);
    }

    @Test
    void wrongTokenIsUnauthorizedAndNeverQuoted() {
        MagentoCustomers intruder = new MagentoCustomers(transport(magento.restBase(), "not-the-token", Duration.ofSeconds(5)));

        assertThatThrownBy(() -> intruder.getCustomer(1))
                .isInstanceOfSatisfying(MagentoException.Unauthorized.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageStartingWith("The consumer isn't authorized to access Magento_Customer::customer.")
                .hasMessageNotContaining("not-the-token");
    }

    @Test
    void serverErrorsAreUnavailableUntilTheyStop() {
        MagentoDirectory directory = new MagentoDirectory(transport(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5)));
        magento.failNext(2, 503);

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> directory.regionsOf("AU"))
                    .isInstanceOfSatisfying(MagentoException.Unavailable.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("Service Temporarily Unavailable");
        }
        assertThat(directory.regionsOf("AU")).hasSize(8);
        assertThat(magento.requests()).extracting(MagentoSimulator.Request::status).containsExactly(503, 503, 200);

        magento.failNext(1, 500);
        assertThatThrownBy(() -> directory.regionsOf("AU"))
                .isInstanceOfSatisfying(MagentoException.Unavailable.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageMatching("Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13} .*");
    }

    @Test
    void throttlingIsUnavailable() {
        MagentoCustomers customers = new MagentoCustomers(transport(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5)));
        magento.failNext(1, 429);

        assertThatThrownBy(() -> customers.findCustomersByEmail("ada@example.com"))
                .isInstanceOfSatisfying(MagentoException.Unavailable.class, e -> assertThat(e.status()).isEqualTo(429));
    }

    @Test
    void answersSlowerThanTheTimeoutAreUnavailable() {
        Duration timeout = Duration.ofMillis(300);
        Duration latency = Duration.ofSeconds(3);
        MagentoDirectory impatient = new MagentoDirectory(transport(magento.restBase(), magento.accessToken(), timeout));
        magento.latency(latency);

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.regionsOf("AU"))
                .isInstanceOfSatisfying(MagentoException.Unavailable.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("did not answer GET /V1/directory/countries/AU within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency);

        magento.latency(Duration.ZERO);
        assertThat(impatient.regionsOf("AU")).hasSize(8);
    }

    @Test
    void noServerIsUnavailable() {
        MagentoSimulator gone = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        gone.close();
        MagentoCustomers orphan = new MagentoCustomers(transport(gone.restBase(), "token", Duration.ofSeconds(5)));

        assertThatThrownBy(() -> orphan.getCustomer(1))
                .isInstanceOfSatisfying(MagentoException.Unavailable.class, e -> assertThat(e.status()).isZero())
                .hasMessageStartingWith("Magento unreachable on GET /V1/customers/1");
    }

    @Test
    void everyCallIsTimedWithItsMethodAndAnswer() {
        List<String> timed = new CopyOnWriteArrayList<>();
        MagentoTransport transport = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5)),
                (method, status, nanos) -> timed.add(method + " " + status + (nanos > 0 ? "" : " without a duration")));
        MagentoSimulator gone = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        gone.close();
        MagentoTransport orphan = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(gone.restBase(), "token", Duration.ofSeconds(5)),
                (method, status, nanos) -> timed.add(method + " " + status));

        assertThat(transport.find("/V1/customers/42", JsonNode.class)).isEmpty();
        assertThatThrownBy(() -> orphan.find("/V1/customers/1", JsonNode.class)).isInstanceOf(MagentoException.Unavailable.class);

        assertThat(timed).containsExactly("GET 404", "GET unavailable");
    }

    private static MagentoTransport transport(URI baseUrl, String token, Duration timeout) {
        return new MagentoTransport(WebClient.builder(), new MagentoSettings(baseUrl, token, timeout));
    }
}
