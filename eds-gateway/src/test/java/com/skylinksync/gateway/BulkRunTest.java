package com.skylinksync.gateway;

import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operators' tracked bulk runs: enumerated from RE, published as BULK to the backlog twins, counted from the completions. */
class BulkRunTest {

    private static GatewayFixture fixture;
    private static MagentoSimulator magento;
    private static ConfigurableApplicationContext gateway;
    /**
     * A replica without Magento settings, open for the whole class: closing a gateway in one JVM disposes reactor-netty's
     * shared resources, and with them the other's server. It looks at the bulk queue only once, at start, when it is empty.
     */
    private static ConfigurableApplicationContext withoutMagento;
    private static WebTestClient http;
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        gateway = fixture.startGateway("skylink.gateway.bulk-poll-interval=200ms",
                "skylink.magento.base-url=" + magento.restBase(), "skylink.magento.access-token=" + magento.accessToken());
        withoutMagento = fixture.startGateway("skylink.gateway.bulk-poll-interval=1h");
        http = GatewayFixture.http(gateway);
    }

    @AfterAll
    static void stop() {
        if (withoutMagento != null) {
            withoutMagento.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (magento != null) {
            magento.close();
        }
    }

    @Test
    void aCustomerRunIsTrackedToItsEndFromTheOutcomesAndNeverAcknowledgedToRetailExpress() {
        Instant before = Instant.now();
        JsonNode dryRun = post(Map.of("type", "customers", "dryRun", true), 200);
        long expected = dryRun.path("entities").asLong();
        assertThat(expected).isPositive();
        assertThat(dryRun.path("estimatedRetailExpressCalls").asLong()).isEqualTo(expected + 1);

        JsonNode started = post(Map.of("type", "customers"), 201);
        String run = started.path("id").asString();
        assertThat(started.path("source").asString()).isEqualTo("OPERATOR");

        await().atMost(GatewayFixture.DEADLINE).until(() -> show(run).path("total").asLong() == expected
                && !"ENUMERATING".equals(show(run).path("status").asString()));
        List<EntityChanged> events = fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), run);
        assertThat(events).hasSize((int) expected).allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.BULK));
        assertThat(show(run).path("status").asString()).isEqualTo("RUNNING");

        // Outcomes as the customer service reports them: one dead letter, one unchanged, the rest written.
        List<String> ids = events.stream().map(EntityChanged::getEntityId).toList();
        fixture.publishCompletions(ids.stream().map(id -> completion(run, EntityType.CUSTOMER, id,
                id.equals(ids.get(0)) ? Outcome.DEAD_LETTERED : id.equals(ids.get(1)) ? Outcome.UNCHANGED : Outcome.SYNCED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        JsonNode finished = show(run);
        assertThat(finished.path("failed").asLong()).isEqualTo(1);
        assertThat(finished.path("unchanged").asLong()).isEqualTo(1);
        assertThat(finished.path("done").asLong()).isEqualTo(expected - 2);
        assertThat(finished.path("pending").asLong()).isZero();
        assertThat(finished.path("finishedAt").isNull()).isFalse();
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(run);

        JsonNode list = json.readTree(http.get().uri("/ops/bulk-runs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(list.path("items").valueStream().map(item -> item.path("id").asString())).contains(run);

        // --since: what was synced (or unchanged) since then is left out; the dead letter is not.
        JsonNode since = post(Map.of("type", "customers", "dryRun", true, "since", before.toString()), 200);
        assertThat(since.path("entities").asLong()).isEqualTo(1);
        String second = post(Map.of("type", "customers", "since", before.toString()), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(second).path("status").asString()));
        assertThat(show(second).path("total").asLong()).isEqualTo(1);
        assertThat(fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), second)).extracting(EntityChanged::getEntityId)
                .containsExactly(ids.get(0));

        // Cancelling a finished-publishing run withdraws nothing already published; RE's own runs cannot be cancelled.
        http.post().uri("/ops/bulk-runs/{id}/cancel", second).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    }

    @Test
    void anAttributesRunPublishesEveryOptionOfTheEightCodesKeyedByCodeAndIdAndCountsTheirOutcomes() {
        var attributes = gateway.getBean(RetailExpressCatalogue.class).getAllProductAttributes();
        Set<String> expected = new TreeSet<>();
        for (AttributeCode code : AttributeCode.values()) {
            attributes.of(code).forEach(option -> expected.add(EntityKey.of(code.code(), option.id())));
        }
        assertThat(expected).anyMatch(key -> key.startsWith("brand:")).anyMatch(key -> key.startsWith("colour:"));

        JsonNode dryRun = post(Map.of("type", "attributes", "dryRun", true), 200);
        assertThat(dryRun.path("entities").asLong()).isEqualTo(expected.size());
        assertThat(dryRun.path("estimatedRetailExpressCalls").asLong()).isEqualTo(expected.size() + 1);

        Instant before = Instant.now();
        String run = post(Map.of("type", "attributes"), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(run).path("status").asString()));
        assertThat(show(run).path("total").asLong()).isEqualTo(expected.size());
        String topic = Topics.forEvent(EntityType.ATTRIBUTE_OPTION, Origin.BULK);
        List<EntityChanged> events = fixture.publishedEvents(topic, run);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getOrigin()).isEqualTo(Origin.BULK);
            assertThat(e.getEntityType()).isEqualTo(EntityType.ATTRIBUTE_OPTION);
            assertThat(e.getAttributeCode()).isNotNull();
        });
        assertThat(events.stream().map(EntityKey::of).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(events).hasSize(expected.size());
        // The Kafka key is the entity key too, so brand:7 and colour:7 are ordered (and compacted) apart.
        assertThat(fixture.readAll(topic).stream().filter(r -> r.value() instanceof EntityChanged e && run.equals(e.getChangeSetId()))
                .map(ConsumerRecord::key).toList()).containsExactlyInAnyOrderElementsOf(expected);

        // The catalog service's completions, matched by attribute code and id: one dead letter, the rest written.
        EntityChanged refused = events.getFirst();
        fixture.publishCompletions(events.stream().map(e -> completion(run, EntityType.ATTRIBUTE_OPTION, e.getAttributeCode(),
                e.getEntityId(), e == refused ? Outcome.DEAD_LETTERED : Outcome.SYNCED)).toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        assertThat(show(run).path("done").asLong()).isEqualTo(expected.size() - 1);
        assertThat(show(run).path("failed").asLong()).isEqualTo(1);
        assertThat(show(run).path("type").asString()).isEqualTo("attributes");

        // --since leaves out what was synced since: only the dead-lettered option (its code and id) is left.
        JsonNode since = post(Map.of("type", "attributes", "dryRun", true, "since", before.toString()), 200);
        assertThat(since.path("entities").asLong()).isEqualTo(1);
        String second = post(Map.of("type", "attributes", "since", before.toString()), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(second).path("status").asString()));
        assertThat(fixture.publishedEvents(topic, second)).extracting(EntityKey::of).containsExactly(EntityKey.of(refused));
    }

    @Test
    void anOutletsRunPublishesEveryConfiguredChannelsOutletsUnioned() {
        RetailExpressSales sales = gateway.getBean(RetailExpressSales.class);
        Set<String> expected = new TreeSet<>();
        for (int channel : List.of(1, 2)) {
            sales.getOutletsByChannel(channel).forEach(outlet -> expected.add(String.valueOf(outlet.id())));
        }
        assertThat(expected).isNotEmpty();

        JsonNode dryRun = post(Map.of("type", "outlets", "dryRun", true), 200);
        assertThat(dryRun.path("entities").asLong()).isEqualTo(expected.size());
        assertThat(dryRun.path("estimatedRetailExpressCalls").asLong()).isEqualTo(expected.size() + 2); // a call per channel

        String run = post(Map.of("type", "outlets"), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(run).path("status").asString()));
        List<EntityChanged> events = fixture.publishedEvents(Topics.forEvent(EntityType.OUTLET, Origin.BULK), run);
        assertThat(events).hasSize(expected.size()).allSatisfy(e -> {
            assertThat(e.getOrigin()).isEqualTo(Origin.BULK);
            assertThat(e.getSalesChannelId()).isIn(1, 2);
        });
        assertThat(events.stream().map(EntityChanged::getEntityId).toList()).containsExactlyInAnyOrderElementsOf(expected);

        fixture.publishCompletions(events.stream().map(e -> completion(run, EntityType.OUTLET, e.getEntityId(), Outcome.SYNCED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        assertThat(show(run).path("done").asLong()).isEqualTo(expected.size());
    }

    @Test
    void aFulfillmentsRunPublishesTheRetailExpressOrdersOfMagentosActiveLinkedOrders() {
        MagentoSales sales = gateway.getBean(MagentoSales.class);
        magento.addProduct("BULK-A", "Bulk A", new BigDecimal("11.00"), new BigDecimal("0.10"), 124005);
        var address = new PlacedOrder.Address("Bo", "Buyer", null, List.of("1 George St"), "Sydney", "New South Wales", "NSW",
                "2000", "AU", "0400000000");
        List<String> expected = new ArrayList<>();
        // More than a page (100) of orders: linked ones count, an unlinked one and a complete one do not.
        for (int n = 1; n <= 130; n++) {
            long id = magento.placeOrder(PlacedOrder.guest("bulk" + n + "@example.com", address, PlacedOrder.Line.of("BULK-A", 1)))
                    .get("entity_id").asLong();
            String reOrder = "16-%08d".formatted(n);
            if (n % 10 == 3) {
                continue; // not linked to RE (yet)
            }
            sales.addOrderComment(id, "SkyLink Order ID: #" + reOrder, false);
            if (n % 10 == 7) {
                sales.shipOrder(id, List.of(), null, List.of());
                sales.invoiceOrder(id, true, null); // invoiced and shipped: complete, nothing left to sync
                continue;
            }
            expected.add(reOrder);
        }

        JsonNode dryRun = post(Map.of("type", "fulfillments", "dryRun", true), 200);
        assertThat(dryRun.path("entities").asLong()).isEqualTo(expected.size());
        // Magento's order pages cost no RE call; each order one GetOrder.
        assertThat(dryRun.path("enumerationCalls").asLong()).isZero();
        assertThat(dryRun.path("estimatedRetailExpressCalls").asLong()).isEqualTo(expected.size());

        String run = post(Map.of("type", "fulfillments"), 201).path("id").asString();
        await().atMost(GatewayFixture.DEADLINE).until(() -> !"ENUMERATING".equals(show(run).path("status").asString()));
        List<EntityChanged> events = fixture.publishedEvents(Topics.forEvent(EntityType.ORDER, Origin.BULK), run);
        assertThat(events).allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.BULK));
        assertThat(events).extracting(EntityChanged::getEntityId).containsExactlyInAnyOrderElementsOf(expected);

        fixture.publishCompletions(events.stream().map(e -> completion(run, EntityType.ORDER, e.getEntityId(), Outcome.UNCHANGED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "FINISHED".equals(show(run).path("status").asString()));
        assertThat(show(run).path("unchanged").asLong()).isEqualTo(expected.size());
    }

    @Test
    void aGatewayWithoutMagentoSettingsRefusesAFulfillmentsRunSayingWhy() {
        for (Object dryRun : List.of(true, false)) {
            GatewayFixture.http(withoutMagento).post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("type", "fulfillments", "dryRun", dryRun)).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.pointer").isEqualTo("/type")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("skylink.magento.base-url"));
        }
    }

    @Test
    void badRunRequestsAreProblems() {
        http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "vouchers")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.pointer").isEqualTo("/type");
        http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "customers", "since", "yesterday"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.pointer").isEqualTo("/since");
        http.get().uri("/ops/bulk-runs/{id}", "bulk-nope").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/ops/bulk-runs?limit=0").exchange().expectStatus().isBadRequest();
    }

    private static JsonNode post(Map<String, Object> body, int status) {
        return json.readTree(http.post().uri("/ops/bulk-runs").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode show(String run) {
        return json.readTree(http.get().uri("/ops/bulk-runs/{id}", run).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
