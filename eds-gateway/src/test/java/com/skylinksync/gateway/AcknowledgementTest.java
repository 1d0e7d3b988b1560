package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Completions in, exactly one ChangeSetProcessed per change set out, against the RE simulator over SOAP. */
class AcknowledgementTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        // A short sweep so the recovery paths are exercised within the test; a lease far longer than an RE call.
        gateway = fixture.startGateway("skylink.gateway.ack-sweep-interval=300ms", "skylink.gateway.ack-lease=10s");
        http = GatewayFixture.http(gateway);
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
    void acknowledgesOnceWhenEveryEntityIsSyncedAndIgnoresRepeatedCompletions() {
        String id = register(300000, 300001);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.UNCHANGED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgedAt").isNotEmpty()
                .jsonPath("$.receivedAt").isNotEmpty()
                .jsonPath("$.entities[?(@.entityId == '300000')].outcome").isEqualTo("SYNCED")
                .jsonPath("$.entities[?(@.entityId == '300001')].outcome").isEqualTo("UNCHANGED")
                .jsonPath("$.entities[?(@.entityId == '300000')].attempts").isEqualTo(1);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.SYNCED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.FAILED));
        fixture.awaitCompletionsConsumed();

        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        assertThat(fixture.status(id)).isEqualTo("ACKNOWLEDGED");
        assertThat(fixture.single("SELECT outcome FROM eds_gateway.change_set_entity WHERE change_set_id = ? AND entity_id = '300001'", id))
                .as("a late FAILED never replaces a terminal outcome").isIn("SYNCED", "UNCHANGED");
    }

    @Test
    void aDeadLetteredEntityIsAcknowledgedWithFailuresAndKeepsItsError() {
        String id = register(300000, 300001);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.DEAD_LETTERED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED_WITH_FAILURES".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entities[?(@.entityId == '300001')].outcome").isEqualTo("DEAD_LETTERED")
                .jsonPath("$.entities[?(@.entityId == '300001')].attempts").isEqualTo(3)
                .jsonPath("$.entities[?(@.entityId == '300001')].errorCode").isEqualTo("VALIDATION")
                .jsonPath("$.entities[?(@.entityId == '300001')].error").isEqualTo("Magento refused the customer: email is required");
    }

    @Test
    void aParkedEntityIsTerminalWithFailureAcknowledgedOnceAndShownAsParked() {
        Instant before = Instant.now();
        String id = register(300000, 300001);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300001", Outcome.PARKED));
        fixture.awaitCompletionsConsumed();
        assertThat(fixture.status(id)).as("300000 is still pending").isEqualTo("OPEN");

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED_WITH_FAILURES".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);

        // Repeated and late reports change nothing: PARKED is terminal, a late FAILED never replaces it.
        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300001", Outcome.PARKED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.FAILED));
        fixture.awaitCompletionsConsumed();
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);

        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED_WITH_FAILURES")
                .jsonPath("$.outcomes.PARKED").isEqualTo(1)
                .jsonPath("$.outcomes.SYNCED").isEqualTo(1)
                .jsonPath("$.entities[?(@.entityId == '300001')].outcome").isEqualTo("PARKED")
                .jsonPath("$.entities[?(@.entityId == '300001')].errorCode").isEqualTo("UNCERTAIN_WRITE")
                .jsonPath("$.entities[?(@.entityId == '300001')].error").isEqualTo("Timed out after sending; outcome unknown")
                .jsonPath("$.entities[?(@.entityId == '300000')].outcome").isEqualTo("SYNCED");
        http.get().uri("/changesets?status=ACKNOWLEDGED_WITH_FAILURES&from={from}&size=200", before).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.changeSetId == '" + id + "')].status").isEqualTo("ACKNOWLEDGED_WITH_FAILURES");
    }

    @Test
    void attributeOptionsOfOneIdInTwoAttributesAreTwoEntitiesEachMarkedByItsOwnCompletion() {
        String id = UUID.randomUUID().toString();
        http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changeSet(id, group("Brand", 7), group("Colour", 7)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.entities").isEqualTo(2);

        assertThat(fixture.publishedEvents(Topics.ATTRIBUTES, id)).hasSize(2);
        var records = fixture.readAll(Topics.ATTRIBUTES).stream()
                .filter(r -> id.equals(((EntityChanged) r.value()).getChangeSetId())).toList();
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("brand:7", "colour:7");
        assertThat(records).allSatisfy(r -> assertThat(EntityKey.of((EntityChanged) r.value())).isEqualTo(r.key()));

        // A completion without an attribute code cannot say which option it is: it marks neither.
        fixture.publishCompletions(completion(id, EntityType.ATTRIBUTE_OPTION, null, "7", Outcome.SYNCED),
                completion(id, EntityType.ATTRIBUTE_OPTION, "brand", "7", Outcome.SYNCED));
        fixture.awaitCompletionsConsumed();

        assertThat(fixture.status(id)).isEqualTo("OPEN");
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entities.length()").isEqualTo(2)
                .jsonPath("$.entities[?(@.attributeCode == 'brand')].outcome").isEqualTo("SYNCED")
                .jsonPath("$.entities[?(@.attributeCode == 'brand')].entityId").isEqualTo("7")
                .jsonPath("$.entities[?(@.attributeCode == 'colour')].outcome").isEqualTo("PENDING")
                .jsonPath("$.entities[?(@.attributeCode == 'colour')].entityId").isEqualTo("7");

        fixture.publishCompletions(completion(id, EntityType.ATTRIBUTE_OPTION, "colour", "7", Outcome.DEAD_LETTERED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED_WITH_FAILURES".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entities[?(@.attributeCode == 'brand')].outcome").isEqualTo("SYNCED")
                .jsonPath("$.entities[?(@.attributeCode == 'colour')].outcome").isEqualTo("DEAD_LETTERED");
    }

    @Test
    void aFailedEntityHoldsTheAcknowledgementUntilItIsSynced() {
        String id = register(300000, 300001);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED),
                completion(id, EntityType.CUSTOMER, "300001", Outcome.FAILED));
        fixture.awaitCompletionsConsumed();

        assertThat(fixture.status(id)).isEqualTo("OPEN");
        assertThat(fixture.retailExpress.processedChangeSets()).doesNotContain(id);

        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300001", Outcome.SYNCED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
    }

    @Test
    void theSweepFinishesAcknowledgementsACrashInterrupted() {
        // Crash after the outcomes were stored but before anyone claimed: complete, still OPEN.
        String unclaimed = register(300000);
        fixture.postgres.execute("UPDATE eds_gateway.change_set_entity SET outcome = 'SYNCED' WHERE change_set_id = '" + unclaimed + "'");
        // Crash after the claim, before RE was called: ACKNOWLEDGING with a claim older than the lease.
        String claimed = register(300001);
        fixture.postgres.execute("UPDATE eds_gateway.change_set_entity SET outcome = 'SYNCED' WHERE change_set_id = '" + claimed + "'");
        fixture.postgres.execute("UPDATE eds_gateway.change_set SET status = 'ACKNOWLEDGING', ack_claimed_at = now() - interval '1 hour'"
                + " WHERE id = '" + claimed + "'");

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(unclaimed))
                && "ACKNOWLEDGED".equals(fixture.status(claimed)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(unclaimed).containsOnlyOnce(claimed);
    }

    @Test
    void completionsWithoutAChangeSetOrForUnknownOnesChangeNothing() {
        long acknowledged = fixture.retailExpress.processedChangeSets().size();

        fixture.publishCompletions(completion(null, EntityType.CUSTOMER, "300000", Outcome.SYNCED),
                completion(UUID.randomUUID().toString(), EntityType.CUSTOMER, "300000", Outcome.SYNCED));
        fixture.awaitCompletionsConsumed();

        assertThat(fixture.retailExpress.processedChangeSets()).hasSize((int) acknowledged);
    }

    @Test
    void anUnreadableCompletionIsSkippedAndDoesNotBlockTheOnesBehindIt() throws Exception {
        String id = register(300000);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // Same key, so the same partition: the good record sits behind the bad one.
            producer.send(new ProducerRecord<>(Topics.COMPLETIONS, id, "not avro".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
        fixture.publishCompletions(completion(id, EntityType.CUSTOMER, "300000", Outcome.SYNCED));

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
    }

    @Test
    void registersAndPublishesTheLargestNotificationAllowed() {
        String id = UUID.randomUUID().toString();
        int[] customers = IntStream.range(5_000_000, 5_010_000).toArray();
        long started = System.nanoTime();

        http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changeSet(id, group("Customer", customers)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.entities").isEqualTo(10_000);
        System.out.printf("10,000 entities registered and answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, id)).hasSize(10_000);
        System.out.printf("10,000 entities registered and published in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** Registers a change set of customers and waits until its events are on Kafka. */
    private static String register(int... customerIds) {
        String id = UUID.randomUUID().toString();
        http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changeSet(id, group("Customer", customerIds)))
                .exchange()
                .expectStatus().isCreated();
        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, id)).hasSize(customerIds.length);
        return id;
    }
}
