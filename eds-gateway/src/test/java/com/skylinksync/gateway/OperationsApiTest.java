package com.skylinksync.gateway;

import static com.skylinksync.gateway.EdsIntakeTest.changeSet;
import static com.skylinksync.gateway.EdsIntakeTest.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What operators and their tools see: the status API, the OpenAPI document, metrics and health. */
class OperationsApiTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;
    private static final List<String> open = new ArrayList<>();
    private static String acknowledged;
    private static Instant started;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        // The relay drains only when a registration wakes it, so rows put in the outbox by hand stay there for the gauges.
        gateway = fixture.startGateway("skylink.gateway.metrics-interval=100ms", "skylink.gateway.relay-poll-interval=1h");
        http = GatewayFixture.http(gateway);
        started = Instant.now();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            put(changeSet(id, group("Customer", 300000 + i))).expectStatus().isCreated();
            open.add(id);
        }
        // Nothing to sync: acknowledged at once, which gives it a receipt-to-acknowledgement time.
        acknowledged = UUID.randomUUID().toString();
        put(changeSet(acknowledged, group("Voucher", 12))).expectStatus().isCreated();
        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(acknowledged)));
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
    void listsChangeSetsNewestFirstFilteredByStatusAndTimeAndPaged() {
        http.get().uri("/changesets?status=OPEN&from={from}&size=2", started).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].changeSetId").isEqualTo(open.get(2))
                .jsonPath("$.items[1].changeSetId").isEqualTo(open.get(1))
                .jsonPath("$.items[0].status").isEqualTo("OPEN")
                .jsonPath("$.items[0].receiptToAcknowledgementMillis").doesNotExist();
        http.get().uri("/changesets?status=open&from={from}&size=2&page=1", started).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].changeSetId").isEqualTo(open.get(0));
        http.get().uri("/changesets?status=ACKNOWLEDGED").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].changeSetId").isEqualTo(acknowledged)
                .jsonPath("$.items[0].receiptToAcknowledgementMillis").isNumber();
        http.get().uri("/changesets?to={to}", started).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/changesets?from={from}&to={to}", started, Instant.now().plusSeconds(60)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=NOPE|status", "from=yesterday|from", "to=2026-13-01T00:00:00Z|to", "page=-1|page", "page=x|page",
            "page=10001|page", "size=0|size", "size=201|size", "size=1&size=2|size", "from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z|from",
            "page=99999999999999999999|page"})
    void refusesBadListParametersWithAProblemNamingTheParameter(String query, String parameter) {
        http.get().uri("/changesets?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").isEqualTo("urn:skylink:problem:invalid-parameter")
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void showsOneChangeSetWithEntityOutcomesAndTheTimeToAcknowledgement() {
        http.get().uri("/changesets/{id}", acknowledged).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.receiptToAcknowledgementMillis").isNumber()
                .jsonPath("$.ackAttempts").isEqualTo(1)
                .jsonPath("$.outcomes.UNSUPPORTED").isEqualTo(1)
                .jsonPath("$.entityTotal").isEqualTo(1)
                .jsonPath("$.entities[0].type").isEqualTo("Voucher")
                .jsonPath("$.entities[0].origin").isEqualTo("EDS");
        http.get().uri("/changesets/{id}?entitySize=0", acknowledged).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("entitySize");
    }

    @Test
    void servesAnOpenApiDocumentListingEveryEndpoint() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat(version.toString()).startsWith("3."))
                .jsonPath("$.paths['/eds/notify'].put").exists()
                .jsonPath("$.paths['/eds/notify'].put.parameters[?(@.name == 'client_id')]").exists()
                .jsonPath("$.paths['/eds/notify'].put.responses['422']").exists()
                .jsonPath("$.paths['/changesets'].get.parameters[?(@.name == 'status')]").exists()
                .jsonPath("$.paths['/changesets/{id}'].get").exists();
        http.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).contains("/eds/notify:", "/changesets:", "/changesets/{id}:"));
    }

    @Test
    void exposesIntakeOutboxAndAcknowledgementMetricsToPrometheus() {
        put(changeSet(open.getFirst(), group("Customer", 300000))).expectStatus().isAccepted();
        put("{\"Changesets\": [").expectStatus().isBadRequest();
        http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();

        await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> assertThat(prometheus())
                .contains("skylink_gateway_eds_change_sets_total{application=\"eds-gateway\",result=\"new\"} 4.0")
                .contains("skylink_gateway_eds_change_sets_total{application=\"eds-gateway\",result=\"duplicate\"} 1.0")
                .contains("skylink_gateway_eds_rejected_total{application=\"eds-gateway\",reason=\"malformed-json\"} 1.0")
                .contains("skylink_gateway_eds_rejected_total{application=\"eds-gateway\",reason=\"unauthorized\"} 1.0")
                .contains("skylink_gateway_eds_entities_total{application=\"eds-gateway\",type=\"Customer\"} 3.0")
                .contains("skylink_gateway_eds_entities_total{application=\"eds-gateway\",type=\"Voucher\"} 1.0")
                .contains("skylink_gateway_outbox_depth{application=\"eds-gateway\"} 0.0")
                .contains("skylink_gateway_outbox_oldest_age_seconds{application=\"eds-gateway\"} 0.0")
                .contains("skylink_gateway_acknowledgement_latency_seconds_count{application=\"eds-gateway\"} 1")
                .contains("skylink_gateway_acknowledgement_latency_seconds_bucket{application=\"eds-gateway\",le="));
    }

    @Test
    void theOutboxGaugesShowABacklog() {
        // Rows nobody has published yet (as during a Kafka outage): depth and age show the backlog.
        fixture.postgres.execute("INSERT INTO eds_gateway.outbox (change_set_id, topic, message_key, payload, created_at)"
                + " SELECT 'gauge-test', 'skylink.re.customers', 'k', '\\x00'::bytea, now() - interval '1 hour'"
                + " FROM generate_series(1, 3)");
        try {
            await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> assertThat(prometheus())
                    .containsPattern("skylink_gateway_outbox_depth\\{application=\"eds-gateway\"} [1-9]")
                    .containsPattern("skylink_gateway_outbox_oldest_age_seconds\\{application=\"eds-gateway\"} [0-9]{4}"));
        } finally {
            fixture.postgres.execute("DELETE FROM eds_gateway.outbox WHERE change_set_id = 'gauge-test'");
        }
    }

    @Test
    void theAcknowledgementGaugesShowChangeSetsRetailExpressIsStillWaitingFor() {
        // Three customer change sets nobody syncs (no sync service runs here): pending, and ageing since receipt.
        await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("skylink_gateway_acknowledgement_pending\\{application=\"eds-gateway\"} [3-9]\\.0")
                .containsPattern("skylink_gateway_acknowledgement_oldest_age_seconds\\{application=\"eds-gateway\"} [0-9.]*[1-9]"));
    }

    @Test
    void consumerLagIsExportedPerGroupTopicAndPartitionFromTheBrokers() throws Exception {
        // A group that committed offset 0 everywhere on the customers topic and never read on: its lag is every event there.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.CUSTOMERS)).allTopicNames().get().get(Topics.CUSTOMERS)
                    .partitions().size();
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                start.put(new TopicPartition(Topics.CUSTOMERS, p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets("lag-probe", start).all().get();
        }
        Pattern series = Pattern.compile("skylink_kafka_consumer_lag\\{application=\"eds-gateway\",group=\"lag-probe\","
                + "partition=\"\\d+\",topic=\"skylink.re.customers\"} ([0-9.]+)");
        await().atMost(GatewayFixture.DEADLINE).untilAsserted(() -> {
            double total = series.matcher(prometheus()).results().mapToDouble(m -> Double.parseDouble(m.group(1))).sum();
            assertThat(total).as("lag of lag-probe on %s (three customer events at least)", Topics.CUSTOMERS)
                    .isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void readinessIncludesTheDatabaseAndKafka() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.retailExpress").doesNotExist();
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.retailExpress.status").isEqualTo("UP");
    }

    private static String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec put(String body) {
        return http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
