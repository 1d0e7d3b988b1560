package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static com.skylinksync.gateway.GatewayFixture.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Exactly one {@code ChangeSetProcessed} per change set when two gateway replicas (one database, one broker, one
 * consumer group) race over the same completions through a rebalance, and when RE refuses the call for a while.
 */
class ReplicaRaceTest {

    private static final int CHANGE_SETS = 24;
    private static final int ENTITIES = 4;

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
    void twoReplicasRacingTheSameCompletionsThroughARebalanceAcknowledgeEachChangeSetOnce() {
        // Both replicas also sweep often, so the sweep races the event-driven claims as well.
        String[] settings = {"skylink.gateway.ack-sweep-interval=100ms", "skylink.gateway.ack-lease=20s"};
        try (ConfigurableApplicationContext first = fixture.startGateway(settings)) {
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < CHANGE_SETS; c++) {
                String id = UUID.randomUUID().toString();
                int[] customers = new int[ENTITIES];
                for (int e = 0; e < ENTITIES; e++) {
                    customers[e] = 700_000 + c * ENTITIES + e;
                }
                put(first, changeSet(id, group("Customer", customers)));
                ids.add(id);
            }
            // Every completion twice, keyed by entity and copy rather than by change set: one change set's completions
            // land on every partition, so both replicas record outcomes of it and race for its claim.
            List<EntitySynced> completions = new ArrayList<>();
            for (int c = 0; c < CHANGE_SETS; c++) {
                for (int e = 0; e < ENTITIES; e++) {
                    EntitySynced done = completion(ids.get(c), EntityType.CUSTOMER, Integer.toString(700_000 + c * ENTITIES + e),
                            e % 2 == 0 ? Outcome.SYNCED : Outcome.UNCHANGED);
                    completions.add(done);
                    completions.add(done);
                }
            }
            int half = completions.size() / 2;
            Function<EntitySynced, String> spread = new Function<>() {
                private int sent;

                @Override
                public String apply(EntitySynced completion) {
                    return completion.getEntityId() + "#" + (sent++);
                }
            };
            fixture.publishCompletionsKeyed(spread, completions.subList(0, half).toArray(EntitySynced[]::new));

            // The second replica joins while the first is consuming: the group rebalances mid-stream.
            CompletableFuture<ConfigurableApplicationContext> joining = CompletableFuture.supplyAsync(() -> fixture.startGateway(settings));
            fixture.publishCompletionsKeyed(spread, completions.subList(half, completions.size()).toArray(EntitySynced[]::new));
            try (ConfigurableApplicationContext second = joining.join()) {
                // And a third batch once the rebalance has given each replica partitions, so both must consume.
                await().atMost(GatewayFixture.DEADLINE).until(() -> !assigned(first).isEmpty() && !assigned(second).isEmpty());
                fixture.publishCompletionsKeyed(spread, completions.toArray(EntitySynced[]::new));

                await().atMost(GatewayFixture.DEADLINE).until(() -> ids.stream().allMatch(id -> "ACKNOWLEDGED".equals(fixture.status(id))));
                fixture.awaitCompletionsConsumed();

                // ACKNOWLEDGED is final and is written only after the call: no other call for these can follow.
                Map<String, Long> calls = fixture.retailExpress.processedChangeSets().stream()
                        .filter(ids::contains)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(calls).hasSize(CHANGE_SETS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
                assertThat(completionsRecorded(first)).as("completions the first replica consumed").isPositive();
                assertThat(completionsRecorded(second)).as("completions the second replica consumed").isPositive();
            }
        }
    }

    @Test
    void anAcknowledgementRetailExpressFailsIsRetriedWithBackoffAndSentOnce() {
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext gateway = fixture.startGateway("skylink.gateway.ack-attempts=30",
                "skylink.gateway.ack-backoff=100ms", "skylink.gateway.ack-sweep-interval=1h")) {
            fixture.stopRetailExpress();
            try {
                // Only unsupported entities: complete at registration, so the acknowledgement starts at once, and fails.
                put(gateway, changeSet(id, group("Voucher", 91)));
                await().atMost(GatewayFixture.DEADLINE).until(() -> retries(gateway) >= 2);
                assertThat(fixture.status(id)).isEqualTo("ACKNOWLEDGING");
                GatewayFixture.http(gateway).get().uri("/actuator/health/retailExpress").exchange()
                        .expectStatus().isEqualTo(503).expectBody().jsonPath("$.status").isEqualTo("DOWN");
                GatewayFixture.http(gateway).get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
            } finally {
                fixture.restartRetailExpress();
            }

            await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
            assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
            assertThat(fixture.retailExpress.calls()).filteredOn(call -> call.operation().equals("ChangeSetProcessed")).hasSize(1);
            assertThat(fixture.count("SELECT ack_attempts FROM eds_gateway.change_set WHERE id = ?", id))
                    .as("attempts recorded, the refused ones included").isGreaterThanOrEqualTo(3);
            GatewayFixture.http(gateway).get().uri("/actuator/health/retailExpress").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    private static java.util.Collection<org.apache.kafka.common.TopicPartition> assigned(ConfigurableApplicationContext gateway) {
        var container = gateway.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("eds-gateway-completions");
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? List.of() : partitions;
    }

    private static double completionsRecorded(ConfigurableApplicationContext gateway) {
        return gateway.getBean(MeterRegistry.class).find("skylink.gateway.completions").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static double retries(ConfigurableApplicationContext gateway) {
        Counter retries = gateway.getBean(MeterRegistry.class).find("skylink.gateway.acknowledgement.retries").counter();
        return retries == null ? 0 : retries.count();
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
