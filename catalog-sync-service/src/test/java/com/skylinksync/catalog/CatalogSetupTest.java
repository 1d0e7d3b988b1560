package com.skylinksync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

/** A Magento whose {@code size} attribute is a text field: the service refuses to become ready, naming it. */
class CatalogSetupTest {

    private static SyncServiceHarness harness;
    private static RunningService service;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        new MagentoCatalog(new MagentoTransport(WebClient.builder(), new MagentoSettings(harness.magento().restBase(),
                harness.magento().accessToken(), Duration.ofSeconds(10)))).createAttribute("size", "text", "global", "Size");
        service = harness.startService();
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
    void anAttributeOfAnUnusableTypeKeepsTheServiceNotReadyAndIsNamed() throws Exception {
        CatalogSetup setup = service.context().getBean(CatalogSetup.class);
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getDetails().get("problems") instanceof List<?> problems
                && problems.stream().anyMatch(problem -> problem.toString().startsWith("attribute size must be a select")));
        assertThat(setup.health().getStatus()).isEqualTo(Status.DOWN);
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service.baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        // What could be created was created all the same.
        assertThat(harness.magento().productAttribute("skylink_product_id")).isPresent();
    }
}
