package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** SalesChannel and BulkCustomer expand, in the background, into every product of the channel / every customer. */
class BulkExpansionTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;
    private static RetailExpressCustomers retailExpressCustomers;
    private static RetailExpressCatalogue retailExpressCatalogue;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        // Chunks of 5: channel 1's 19 products take four transactions.
        gateway = fixture.startGateway("skylink.gateway.bulk-chunk-size=5", "skylink.gateway.bulk-poll-interval=200ms",
                "skylink.gateway.bulk-retry-backoff=200ms");
        http = GatewayFixture.http(gateway);
        retailExpressCustomers = gateway.getBean(RetailExpressCustomers.class);
        retailExpressCatalogue = gateway.getBean(RetailExpressCatalogue.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aSalesChannelBecomesEveryProductOfTheChannelInTheChangeSetAndIsAcknowledgedWhenTheyAreSynced() {
        List<String> onChannel = retailExpressCatalogue.getProductIdsByChannel(1).stream().map(String::valueOf).toList();
        assertThat(onChannel).hasSizeGreaterThan(5).contains("124005");
        String id = UUID.randomUUID().toString();

        // Product 124005 is also named on its own: one event for it, the one RE asked for (origin EDS).
        put(changeSet(id, group("SalesChannel", 1), group("Product", 124005))).expectStatus().isCreated()
                .expectBody().jsonPath("$.entities").isEqualTo(2);

        await().atMost(GatewayFixture.DEADLINE).until(() -> "DONE".equals(bulkStatus(id, "SalesChannel")));
        List<EntityChanged> events = publishedEvents(Topics.PRODUCTS, id);
        assertThat(events).extracting(EntityChanged::getEntityId).containsExactlyInAnyOrderElementsOf(onChannel);
        assertThat(events).filteredOn(e -> e.getEntityId().equals("124005")).singleElement()
                .extracting(EntityChanged::getOrigin).isEqualTo(Origin.EDS);
        assertThat(events).filteredOn(e -> !e.getEntityId().equals("124005")).allSatisfy(e -> {
            assertThat(e.getOrigin()).isEqualTo(Origin.BULK);
            assertThat(e.getSalesChannelId()).isEqualTo(1);
            assertThat(e.getEntityType()).isEqualTo(EntityType.PRODUCT);
        });
        // Real time before backlog: the bulk events wait on the backlog topic, the EDS one is on the entity topic.
        assertThat(fixture.publishedEvents(Topics.PRODUCTS, id)).extracting(EntityChanged::getEntityId).containsExactly("124005");
        assertThat(fixture.publishedEvents(Topics.backlog(Topics.PRODUCTS), id))
                .allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.BULK));
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.entityTotal").isEqualTo(onChannel.size() + 1)
                .jsonPath("$.outcomes.EXPANDED").isEqualTo(1)
                .jsonPath("$.outcomes.PENDING").isEqualTo(onChannel.size())
                .jsonPath("$.bulk[0].type").isEqualTo("SalesChannel")
                .jsonPath("$.bulk[0].status").isEqualTo("DONE")
                .jsonPath("$.bulk[0].enumerated").isEqualTo(onChannel.size())
                .jsonPath("$.entities[?(@.type == 'SalesChannel')].outcome").isEqualTo("EXPANDED");
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(id);

        // RE's acknowledgement means "done": it waits for every enumerated product, not only the ones RE named.
        fixture.publishCompletions(onChannel.stream().map(p -> completion(id, EntityType.PRODUCT, p, Outcome.SYNCED))
                .toArray(EntitySynced[]::new));
        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
    }

    @Test
    void aBulkCustomerBecomesEveryExportableCustomer() {
        List<String> customers = retailExpressCustomers.getCustomerIds(true, true).stream().map(String::valueOf).toList();
        assertThat(customers).isNotEmpty();
        String id = UUID.randomUUID().toString();

        put(changeSet(id, group("BulkCustomer", 1))).expectStatus().isCreated();

        await().atMost(GatewayFixture.DEADLINE).until(() -> "DONE".equals(bulkStatus(id, "BulkCustomer")));
        assertThat(publishedEvents(Topics.CUSTOMERS, id))
                .allSatisfy(e -> assertThat(e.getOrigin()).isEqualTo(Origin.BULK))
                .extracting(EntityChanged::getEntityId).containsExactlyInAnyOrderElementsOf(customers);
    }

    @Test
    void anEnumerationRetailExpressCannotAnswerIsRetriedWithBackoff() {
        String id = UUID.randomUUID().toString();
        fixture.stopRetailExpress();
        try {
            put(changeSet(id, group("BulkCustomer", 2))).expectStatus().isCreated();

            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.count(
                    "SELECT attempts FROM eds_gateway.bulk_expansion WHERE change_set_id = ?", id) >= 2);
            assertThat(bulkStatus(id, "BulkCustomer")).isEqualTo("PENDING");
            http.get().uri("/changesets/{id}", id).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.bulk[0].status").isEqualTo("PENDING")
                    .jsonPath("$.bulk[0].error").value(error -> assertThat(error.toString()).contains("could not connect"))
                    .jsonPath("$.entities[0].outcome").isEqualTo("PENDING");
        } finally {
            fixture.restartRetailExpress();
        }

        await().atMost(GatewayFixture.DEADLINE).until(() -> "DONE".equals(bulkStatus(id, "BulkCustomer")));
        List<String> customers = retailExpressCustomers.getCustomerIds(true, true).stream().map(String::valueOf).toList();
        assertThat(publishedEvents(Topics.CUSTOMERS, id)).extracting(EntityChanged::getEntityId)
                .containsExactlyInAnyOrderElementsOf(customers);
    }

    @Test
    void anEnumerationRedoneAfterACrashPublishesNothingTwice() {
        String id = UUID.randomUUID().toString();
        put(changeSet(id, group("SalesChannel", 1))).expectStatus().isCreated();
        await().atMost(GatewayFixture.DEADLINE).until(() -> "DONE".equals(bulkStatus(id, "SalesChannel")));
        int published = publishedEvents(Topics.PRODUCTS, id).size();

        // As if the replica died after its chunks committed but before it marked the bulk entity done.
        // The entity first: once the bulk row is PENDING again the expander may redo it at once.
        fixture.postgres.execute("UPDATE eds_gateway.change_set_entity SET outcome = 'PENDING' WHERE change_set_id = '" + id
                + "' AND eds_type = 'SalesChannel'");
        fixture.postgres.execute("UPDATE eds_gateway.bulk_expansion SET status = 'PENDING', next_attempt_at = now() WHERE change_set_id = '" + id + "'");

        await().atMost(GatewayFixture.DEADLINE).until(() -> "DONE".equals(bulkStatus(id, "SalesChannel")));
        assertThat(fixture.single("SELECT attempts FROM eds_gateway.bulk_expansion WHERE change_set_id = ?", id)).isEqualTo("2");
        assertThat(publishedEvents(Topics.PRODUCTS, id)).hasSize(published);
        assertThat(fixture.single("SELECT outcome FROM eds_gateway.change_set_entity WHERE change_set_id = ? AND eds_type = 'SalesChannel'", id))
                .isEqualTo("EXPANDED");
    }

    @Test
    void aSalesChannelThisGatewayDoesNotSyncIsIgnoredAndDoesNotHoldTheAcknowledgement() {
        String id = UUID.randomUUID().toString();
        // 77 is no configured channel; 99999999999 is no int at all.
        put(changeSet(id, group("SalesChannel", 77), "{\"Type\":\"SalesChannel\",\"List\":[99999999999]}", group("Voucher", 5)))
                .expectStatus().isCreated();

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcomes.IGNORED").isEqualTo(2)
                .jsonPath("$.entities[?(@.type == 'SalesChannel' && @.entityId == '77')].errorCode").isEqualTo("UNKNOWN_SALES_CHANNEL")
                .jsonPath("$.entities[?(@.type == 'SalesChannel' && @.entityId == '99999999999')].errorCode").isEqualTo("UNKNOWN_SALES_CHANNEL");
    }

    private static String bulkStatus(String changeSetId, String type) {
        return fixture.single("SELECT status FROM eds_gateway.bulk_expansion WHERE change_set_id = ? AND eds_type = ?", changeSetId, type);
    }

    private static WebTestClient.ResponseSpec put(String body) {
        return http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** A change set's events on an entity topic and on its backlog twin, where bulk expansion publishes. */
    private static List<EntityChanged> publishedEvents(String topic, String changeSetId) {
        List<EntityChanged> events = new ArrayList<>(fixture.publishedEvents(topic, changeSetId));
        events.addAll(fixture.publishedEvents(Topics.backlog(topic), changeSetId));
        return events;
    }
}
