package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import com.skylinksync.schemas.avro.EntityChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

/** What survives a gateway stopping at the wrong moment: outbox events, and acknowledgements RE refused. */
class RecoveryTest {

    private static GatewayFixture fixture;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void eventsRegisteredBeforeACrashArePublishedAfterTheRestartExactlyOnce() {
        String customers = UUID.randomUUID().toString();
        String products = UUID.randomUUID().toString();
        // A gateway whose relay never runs: as if it died right after committing the registrations.
        try (ConfigurableApplicationContext crashed = fixture.startGateway("skylink.gateway.relay-enabled=false",
                "skylink.gateway.publish-wait=200ms")) {
            put(crashed, changeSet(customers, group("Customer", 300000, 300001)));
            put(crashed, changeSet(products, group("Product", 124005)));

            assertThat(fixture.outboxRows(customers)).isEqualTo(2);
            assertThat(fixture.outboxRows(products)).isEqualTo(1);
            assertThat(fixture.readAll(Topics.CUSTOMERS)).noneMatch(r -> customers.equals(((EntityChanged) r.value()).getChangeSetId()));
        }

        try (ConfigurableApplicationContext restarted = fixture.startGateway()) {
            assertThat(fixture.publishedEvents(Topics.CUSTOMERS, customers)).extracting(EntityChanged::getEntityId)
                    .containsExactlyInAnyOrder("300000", "300001");
            assertThat(fixture.publishedEvents(Topics.PRODUCTS, products)).extracting(EntityChanged::getEntityId)
                    .containsExactly("124005");
        }
    }

    @Test
    void twoRelaysDrainingOneOutboxPublishEveryEventOnce() {
        List<String> changeSets = new ArrayList<>();
        try (ConfigurableApplicationContext registrar = fixture.startGateway("skylink.gateway.relay-enabled=false",
                "skylink.gateway.publish-wait=0s")) {
            for (int i = 0; i < 20; i++) {
                String id = UUID.randomUUID().toString();
                put(registrar, changeSet(id, group("Product", 1000 + i * 10, 1001 + i * 10, 1002 + i * 10, 1003 + i * 10, 1004 + i * 10)));
                changeSets.add(id);
            }
        }

        // Small batches, started together: the two replicas' drains interleave over the same rows.
        CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(
                () -> fixture.startGateway("skylink.gateway.relay-batch-size=3"));
        CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(
                () -> fixture.startGateway("skylink.gateway.relay-batch-size=3"));
        try (ConfigurableApplicationContext first = one.join(); ConfigurableApplicationContext second = two.join()) {
            await().atMost(GatewayFixture.DEADLINE).until(() -> changeSets.stream().allMatch(id -> fixture.outboxRows(id) == 0));
            Map<String, Long> eventsPerChangeSet = fixture.readAll(Topics.PRODUCTS).stream()
                    .map(r -> ((EntityChanged) r.value()).getChangeSetId())
                    .filter(changeSets::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(eventsPerChangeSet).hasSize(20).allSatisfy((id, events) -> assertThat(events).isEqualTo(5));
        }
    }

    @Test
    void oneRowPerChangeSetRowsFromBeforeV9AndRowsLeasedToADeadRequestAreAllPublishedOnce() throws Exception {
        String thousand = UUID.randomUUID().toString();
        String leased = UUID.randomUUID().toString();
        String legacy = UUID.randomUUID().toString();
        int[] ids = new int[1000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 7_000_000 + i;
        }
        try (ConfigurableApplicationContext crashed = fixture.startGateway("skylink.gateway.relay-enabled=false",
                "skylink.gateway.publish-wait=0s")) {
            put(crashed, changeSet(thousand, group("Product", ids)));
            put(crashed, changeSet(leased, group("Customer", 300000, 300001)));
        }
        // One outbox write per change set: all 1,000 events in one row.
        assertThat(fixture.count("SELECT count(*) FROM eds_gateway.outbox WHERE change_set_id = ?", thousand)).isEqualTo(1);
        assertThat(fixture.outboxRows(thousand)).isEqualTo(1000);
        // As if the request that registered it were still publishing it itself (ImmediatePublisher's lease)...
        fixture.postgres.execute("UPDATE eds_gateway.outbox SET claimed_until = now() + interval '1 hour' WHERE change_set_id = '" + leased + "'");
        // ... and a row in the shape written before V9: one event in topic, message_key and payload.
        EntityChanged legacyEvent = EntityChanged.newBuilder().setChangeSetId(legacy).setOrigin(Origin.EDS)
                .setClientId(fixture.clientId()).setSalesChannelId(1).setEntityType(EntityType.PRODUCT).setEntityId("124005")
                .setObservedAt(Instant.now()).setTraceId("0af7651916cd43dd8448eb211c80319c").build();
        try (Connection connection = DriverManager.getConnection(fixture.postgres.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO eds_gateway.outbox (change_set_id, topic, message_key,"
                     + " payload, created_at) VALUES (?, ?, '124005', ?, now())")) {
            insert.setString(1, legacy);
            insert.setString(2, Topics.PRODUCTS);
            insert.setBytes(3, new AvroEventSerializer().serialize(Topics.PRODUCTS, legacyEvent));
            insert.executeUpdate();
        }

        try (ConfigurableApplicationContext restarted = fixture.startGateway("skylink.gateway.relay-poll-interval=100ms")) {
            assertThat(fixture.publishedEvents(Topics.PRODUCTS, thousand)).extracting(EntityChanged::getEntityId)
                    .hasSize(1000).doesNotHaveDuplicates();
            assertThat(fixture.publishedEvents(Topics.PRODUCTS, legacy)).extracting(EntityChanged::getEntityId).containsExactly("124005");
            // The relay published the rows after the leased one, and left the leased one alone.
            assertThat(fixture.outboxRows(leased)).isEqualTo(2);
            assertThat(fixture.readAll(Topics.CUSTOMERS)).noneMatch(r -> leased.equals(((EntityChanged) r.value()).getChangeSetId()));

            // The lease runs out (its request died): the relay takes the row over.
            fixture.postgres.execute("UPDATE eds_gateway.outbox SET claimed_until = now() - interval '1 second' WHERE change_set_id = '" + leased + "'");
            assertThat(fixture.publishedEvents(Topics.CUSTOMERS, leased)).extracting(EntityChanged::getEntityId)
                    .containsExactlyInAnyOrder("300000", "300001");
        }
    }

    @Test
    void anAcknowledgementRetailExpressRefusedIsRetriedAfterTheRestart() {
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext misconfigured = fixture.startGateway("skylink.retail-express.password=not-the-password",
                "skylink.gateway.ack-attempts=2", "skylink.gateway.ack-backoff=50ms")) {
            // Only unsupported entities: complete at registration, acknowledged at once (and refused by RE).
            put(misconfigured, changeSet(id, group("Voucher", 77)));

            await().atMost(GatewayFixture.DEADLINE).until(() -> fixture.single(
                    "SELECT ack_error FROM eds_gateway.change_set WHERE id = ?", id) != null);
            assertThat(fixture.status(id)).isEqualTo("ACKNOWLEDGING");
            assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(id);
        }

        try (ConfigurableApplicationContext fixed = fixture.startGateway("skylink.gateway.ack-lease=500ms",
                "skylink.gateway.ack-sweep-interval=200ms")) {
            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
            assertThat(fixture.single("SELECT ack_error FROM eds_gateway.change_set WHERE id = ?", id)).isNull();
        }
    }

    @Test
    void anAcknowledgementTakenOverAfterItsLeaseIsNotSentAgainByItsFirstHolder() {
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext gateway = fixture.startGateway("skylink.gateway.ack-backoff=3s",
                "skylink.gateway.ack-sweep-interval=200ms", "skylink.gateway.ack-lease=5s")) {
            var meters = gateway.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            var retries = meters.counter("skylink.gateway.acknowledgement.retries");
            var takenOver = meters.counter("skylink.gateway.acknowledgement.taken-over");
            // The first ChangeSetProcessed is throttled; while its holder waits to retry, another replica takes the
            // claim over (what the sweep does once a holder has waited past the lease: RE's budget, a broker restart).
            fixture.retailExpress.throttleNext(1);
            put(gateway, changeSet(id, group("Voucher", 78)));
            await().atMost(GatewayFixture.DEADLINE).until(() -> retries.count() >= 1);
            // (a takeover draws a new fencing token, ack_holder)
            fixture.postgres.execute("UPDATE eds_gateway.change_set SET ack_claimed_at = now(), ack_holder = gen_random_uuid()"
                    + " WHERE id = '" + id + "'");

            // The first holder's retry finds its claim gone and stops: it does not tell RE beside the new holder.
            await().atMost(GatewayFixture.DEADLINE).until(() -> takenOver.count() >= 1);
            assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(id);
            assertThat(fixture.status(id)).isEqualTo("ACKNOWLEDGING");

            // The new holder's claim runs out too (say it died): the sweep tells RE, once.
            fixture.postgres.execute("UPDATE eds_gateway.change_set SET ack_claimed_at = now() - interval '1 minute' WHERE id = '" + id + "'");
            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        }
    }

    private static void put(ConfigurableApplicationContext gateway, String body) {
        GatewayFixture.http(gateway).put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated();
    }
}
