package com.skylinksync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import com.skylinksync.testkit.RunningService;
import com.skylinksync.testkit.SyncServiceHarness;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

/**
 * Every child of the matrix BSS-THAW16 changed at once, consumed by two pods with one entity per batch and Magento
 * answering slowly, so siblings run at the same time in different lanes and pods: still one configurable, with every
 * child linked.
 */
class MatrixConcurrencyTest {

    private static SyncServiceHarness harness;
    private static RunningService first;
    private static RunningService second;

    @BeforeAll
    static void start() {
        harness = SyncServiceHarness.forService(CatalogSyncApplication::builder).withRetailExpress().withMagento().start();
        String[] settings = {"--skylink.sync.batch-size=1", "--skylink.sync.concurrency=8"};
        first = harness.startService(settings);
        second = harness.startService(settings);
        for (RunningService pod : List.of(first, second)) {
            CatalogSetup setup = pod.context().getBean(CatalogSetup.class);
            await().atMost(SyncServiceHarness.DEADLINE).until(() -> setup.health().getStatus().equals(Status.UP));
        }
    }

    @AfterAll
    static void stop() {
        for (RunningService pod : new RunningService[] {first, second}) {
            if (pod != null) {
                pod.close();
            }
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void siblingsSyncedAtOnceOnTwoPodsMakeOneParentWithEveryChildLinked() {
        harness.magento().latency(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(30));
        String changeSet = UUID.randomUUID().toString();
        List<String> children = IntStream.rangeClosed(124007, 124012).mapToObj(String::valueOf).toList();
        List<EntityChanged> events = children.stream()
                .map(id -> harness.events().changed(EntityType.PRODUCT, id, changeSet)).toList();
        harness.events().publishAll(Topics.PRODUCTS, events);
        for (String id : children) {
            var outcome = harness.completions().awaitOutcome(changeSet, id);
            assertThat(outcome.getOutcome()).as(id + ": " + outcome.getErrorMessage()).isIn(Outcome.SYNCED, Outcome.UNCHANGED);
        }
        List<JsonNode> configurables = harness.magento().products().stream()
                .filter(p -> p.get("type_id").asString().equals("configurable")).toList();
        assertThat(configurables).hasSize(1);
        assertThat(configurables.getFirst().get("extension_attributes").get("configurable_product_links")).hasSize(6);
        assertThat(harness.magento().products().stream().filter(p -> p.get("type_id").asString().equals("simple"))).hasSize(6);
        assertThat(harness.magento().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/rest/all/V1/products"))
                .filter(r -> r.body().contains("\"sku\":\"BSS-THAW16\""))).hasSize(1);
    }
}
