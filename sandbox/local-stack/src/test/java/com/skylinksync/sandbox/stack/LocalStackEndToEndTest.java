package com.skylinksync.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton's proof: the very stack {@code ./run-local} starts — real KRaft broker, real PostgreSQL,
 * both simulators over HTTP/SOAP, the gateway and the customer service — takes an EDS change set all the way into
 * Magento and back to Retail Express as exactly one acknowledgement.
 */
class LocalStackEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CHANGE_SET = "7d4f8a2e-3b1c-4e5d-9f6a-0b1c2d3e4f50";
    private static final String BODY = """
            {"Changesets":[{"ChangesetId":"%s","UpdatedEntities":[{"Type":"Customer","List":[300000,300001]}]}]}
            """.formatted(CHANGE_SET);

    private static LocalStack stack;
    private static OtlpReceiver traces;
    private static CapturedOutput output;
    /** Lines printed before the stack was up: the broker's and database's, before the services set up logging. */
    private static int linesBeforeStackUp;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** What {@code ./run-local --store ...} takes, at a small size: the generator path, not the fixtures alone. */
    private static final String STORE = "products=40,customers=25,orders=5,seed=11";

    /**
     * One stack for every test, as {@code ./run-local} runs it but with JSON log lines (captured) and spans exported
     * over OTLP to a receiver of the test's; RE SOAP envelopes and Magento requests are logged too (DEBUG), so the
     * masking of credentials is tested where they would leak.
     */
    @BeforeAll
    static void startStack() throws Exception {
        traces = OtlpReceiver.start();
        output = CapturedOutput.start();
        Map<String, Object> settings = new java.util.HashMap<>(LocalStack.jsonLogs());
        settings.put("management.opentelemetry.tracing.export.otlp.endpoint", traces.tracesEndpoint());
        settings.put("management.opentelemetry.tracing.export.schedule-delay", "200ms");
        settings.put("skylink.retail-express.log-payloads", true);
        settings.put("logging.level.com.skylinksync.retailexpress.PayloadLog", "DEBUG");
        settings.put("logging.level.com.skylinksync.magento.MagentoTransport", "DEBUG");
        stack = LocalStack.start(StackPorts.anyFree(), StoreSize.parse(STORE), settings);
        linesBeforeStackUp = output.lines().size();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (output != null) {
            output.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void aChangeSetForTwoCustomersReachesMagentoAndIsAcknowledgedExactlyOnce() throws Exception {
        assertThat(putChangeSet(BODY, LocalStack.EDS_API_KEY).statusCode()).isEqualTo(201);

        await().atMost(DEADLINE).until(() -> linked("300000").isPresent() && linked("300001").isPresent());
        JsonNode joey = linked("300000").orElseThrow();
        assertThat(text(joey, "firstname")).isEqualTo("Joey");
        assertThat(text(joey, "lastname")).isEqualTo("Bloggs");
        assertThat(text(joey, "email")).isEqualTo("joe@testing.com");
        assertThat(joey.path("extension_attributes").path("is_subscribed").asBoolean()).isTrue();
        JsonNode address = joey.path("addresses").get(0);
        assertThat(address.path("street").get(0).asString()).isEqualTo("Unit 5");
        assertThat(address.path("street").get(1).asString()).isEqualTo("192 Ann St");
        assertThat(text(address, "city")).isEqualTo("Brisbane");
        assertThat(text(address, "postcode")).isEqualTo("4000");
        assertThat(text(address.path("region"), "region")).isEqualTo("Queensland");
        assertThat(text(address.path("region"), "region_code")).isEqualTo("QLD");
        assertThat(text(address, "country_id")).isEqualTo("AU");
        assertThat(text(address, "telephone")).isEqualTo("(07) 1111 1111");
        assertThat(text(address, "company")).isEqualTo("Sample Company");
        assertThat(address.path("default_billing").asBoolean()).isTrue();
        assertThat(address.path("default_shipping").asBoolean()).isTrue();

        JsonNode sarah = linked("300001").orElseThrow();
        assertThat(text(sarah, "firstname")).isEqualTo("Sarah");
        assertThat(text(sarah, "lastname")).isEqualTo("Bloggs");
        assertThat(sarah.path("extension_attributes").path("is_subscribed").asBoolean()).isFalse();

        await().atMost(DEADLINE).until(() -> stack.retailExpress().processedChangeSets().contains(CHANGE_SET));
        assertThat(stack.retailExpress().processedChangeSets()).containsOnlyOnce(CHANGE_SET);

        // The same notification again: recognised, nothing new published, synced or acknowledged.
        assertThat(putChangeSet(BODY, LocalStack.EDS_API_KEY).statusCode()).isEqualTo(202);
        assertThat(eventsOn(Topics.CUSTOMERS)).isEqualTo(2);
        assertThat(stack.magento().customers()).hasSize(2);
        assertThat(stack.retailExpress().processedChangeSets()).containsOnlyOnce(CHANGE_SET);
    }

    @Test
    void aProductChangeSetReachesMagentoThroughTheCatalogServiceAndIsAcknowledged() throws Exception {
        String changeSet = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
        String body = """
                {"Changesets":[{"ChangesetId":"%s","UpdatedEntities":[{"Type":"Product","List":[124005]}]}]}
                """.formatted(changeSet);
        assertThat(putChangeSet(body, LocalStack.EDS_API_KEY).statusCode()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> stack.magento().product("HB0011OSFA").isPresent());
        JsonNode beanie = stack.magento().product("HB0011OSFA").orElseThrow();
        assertThat(beanie.path("price").decimalValue()).isEqualByComparingTo("19.95");
        await().atMost(DEADLINE).until(() -> stack.retailExpress().processedChangeSets().contains(changeSet));
    }

    @Test
    void aPriceChangedInTheRetailExpressSimulatorReachesMagentoThroughTheGatewaysEdsAndIsAcknowledgedOnce() throws Exception {
        // RE's back office changes a price: the simulator sends the EDS change set to the real gateway (no test
        // publishing), which publishes to Kafka, from where the catalog service syncs it into Magento.
        var first = stack.retailExpress().changeProduct(124013, Map.of("DefaultPrice", "10.95"), null);
        assertThat(first.status()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> price("PAD001OSFA").filter(p -> p.compareTo(new java.math.BigDecimal("10.95")) == 0).isPresent());

        var changed = stack.retailExpress().changeProduct(124013, Map.of("DefaultPrice", "77.50"), null);
        assertThat(changed.status()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> price("PAD001OSFA").filter(p -> p.compareTo(new java.math.BigDecimal("77.50")) == 0).isPresent());
        await().atMost(DEADLINE).until(() -> stack.retailExpress().processedChangeSets()
                .containsAll(List.of(first.changeSetId(), changed.changeSetId())));
        assertThat(stack.retailExpress().processedChangeSets()).containsOnlyOnce(changed.changeSetId())
                .containsOnlyOnce(first.changeSetId());
        assertThat(stack.magento().products().stream().filter(p -> p.path("sku").asString().equals("PAD001OSFA"))).hasSize(1);
    }

    private static Optional<java.math.BigDecimal> price(String sku) {
        return stack.magento().product(sku).map(product -> product.path("price").decimalValue());
    }

    @Test
    void theGeneratedStoreIsWhatABulkRunWouldResync() throws Exception {
        // The simulator's generated customers and products besides the fixtures (300000, 300001; 124005..124007's six).
        // GetCustomerIds lists those marked for export and with an email: most of the 25 generated ones.
        assertThat(dryRun("customers").path("entities").asLong()).isBetween(2L + 25 / 2, 2L + 25);
        assertThat(dryRun("products").path("entities").asLong()).isGreaterThanOrEqualTo(40);
        assertThatThrownBy(() -> StoreSize.parse("products=ten")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> StoreSize.parse("shops=3")).hasMessageContaining("products=N,customers=N,orders=N");
        assertThat(StoreSize.from(new String[] {"--store", "products=5"}, null)).isEqualTo("products=5");
        assertThat(StoreSize.from(new String[0], "customers=9")).isEqualTo("customers=9");
    }

    private JsonNode dryRun(String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + "/ops/bulk-runs"))
                .header("Authorization", "Bearer " + LocalStack.OPERATOR_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\",\"dryRun\":true}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return json.readTree(response.body());
    }

    @Test
    void theGatewayTurnsAwayAWrongKeyAndAMalformedBodyWithProblemJson() throws Exception {
        var unauthorized = putChangeSet(BODY, "not-the-key");
        assertThat(unauthorized.statusCode()).isEqualTo(401);

        var malformed = putChangeSet("{\"Changesets\": [", LocalStack.EDS_API_KEY);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(malformed.body()).path("status").asInt()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aChangeSetsLogLinesAreJsonWithItsIdsAndOneTraceRunsFromTheRequestThroughTheSyncToTheAcknowledgement() throws Exception {
        String changeSet = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
        String body = """
                {"Changesets":[{"ChangesetId":"%s","UpdatedEntities":[{"Type":"Product","List":[124006]}]}]}
                """.formatted(changeSet);
        assertThat(putChangeSet(body, LocalStack.EDS_API_KEY).statusCode()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> stack.retailExpress().processedChangeSets().contains(changeSet));

        // The trace id operators see in the entity's history (skylink status product 124006) ...
        JsonNode history = json.readTree(operatorGet("/ops/entities/product/124006").body());
        JsonNode event = history.path("history").get(0);
        assertThat(event.path("changeSetId").asString()).isEqualTo(changeSet);
        String traceId = event.path("traceId").asString();
        assertThat(traceId).matches("[0-9a-f]{32}");

        // ... is the trace of spans in the gateway (the EDS request, the outbox relay, the acknowledgement with its
        // RE call) and in the catalog service (the sync with its RE and Magento calls), one trace across Kafka.
        await().atMost(DEADLINE).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = traces.ofTrace(traceId);
            assertThat(spans).filteredOn(span -> span.service().equals("eds-gateway")).extracting(OtlpReceiver.ReceivedSpan::name)
                    .contains("http put /eds/notify", "outbox publish", "acknowledge change set", "RE ChangeSetProcessed");
            assertThat(spans).filteredOn(span -> span.service().equals("catalog-sync-service")).extracting(OtlpReceiver.ReceivedSpan::name)
                    .contains("sync product")
                    .anySatisfy(name -> assertThat(name).startsWith("RE "))
                    .anySatisfy(name -> assertThat(name).startsWith("http "));
        });
        List<OtlpReceiver.ReceivedSpan> spans = traces.ofTrace(traceId);
        OtlpReceiver.ReceivedSpan request = spans.stream().filter(span -> span.name().equals("http put /eds/notify")).findFirst().orElseThrow();
        OtlpReceiver.ReceivedSpan relay = spans.stream().filter(span -> span.name().equals("outbox publish")).findFirst().orElseThrow();
        OtlpReceiver.ReceivedSpan sync = spans.stream().filter(span -> span.name().equals("sync product")).findFirst().orElseThrow();
        assertThat(relay.parentSpanId()).as("the relay continues the EDS request's span").isEqualTo(request.spanId());
        assertThat(sync.parentSpanId()).as("the sync continues the relay's span, through the record's headers").isEqualTo(relay.spanId());

        // Every line printed since the stack is up is JSON; the sync's lines name service, change set, entity and trace.
        List<String> printed = output.lines();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : printed.subList(linesBeforeStackUp, printed.size())) {
            assertThat(line).as("a JSON log line").startsWith("{");
            lines.add(json.readTree(line));
        }
        List<JsonNode> ofChangeSet = lines.stream()
                .filter(line -> line.path("skylink").path("changeSetId").asString().equals(changeSet)).toList();
        assertThat(ofChangeSet).as("lines of change set %s", changeSet)
                .anySatisfy(line -> {
                    assertThat(line.path("skylink").path("service").asString()).isEqualTo("catalog-sync-service");
                    assertThat(line.path("skylink").path("entityType").asString()).isEqualTo("PRODUCT");
                    assertThat(line.path("skylink").path("entityId").asString()).isEqualTo("124006");
                })
                .anySatisfy(line -> assertThat(line.path("log").path("logger").asString()).endsWith("ChangeSetRegistry"))
                .allSatisfy(line -> assertThat(line.path("traceId").asString()).isEqualTo(traceId));

        // Credentials never reach a log line, though RE envelopes and Magento requests were logged.
        assertThat(lines).anySatisfy(line -> assertThat(line.path("log").path("logger").asString()).endsWith("PayloadLog"));
        for (String secret : List.of(stack.retailExpress().password(), stack.magento().accessToken(),
                LocalStack.OPERATOR_TOKEN, LocalStack.READ_ONLY_TOKEN, LocalStack.EDS_API_KEY)) {
            assertThat(printed).as("log lines").noneMatch(line -> line.contains(secret));
        }
    }

    private HttpResponse<String> operatorGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUri() + path))
                .header("Authorization", "Bearer " + LocalStack.OPERATOR_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putChangeSet(String body, String apiKey) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + "/eds/notify?client_id=" + stack.clientId()
                        + "&channel_id=" + LocalStack.SALES_CHANNEL))
                .header("x-api-key", apiKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<JsonNode> linked(String reCustomerId) {
        return stack.magento().customers().stream().filter(c -> {
            for (JsonNode attribute : c.path("custom_attributes")) {
                if ("skylink_customer_id".equals(attribute.path("attribute_code").asString())
                        && reCustomerId.equals(attribute.path("value").asString())) {
                    return true;
                }
            }
            return false;
        }).findFirst();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString();
    }

    private static long eventsOn(String topic) {
        var properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        try (var consumer = new KafkaConsumer<byte[], byte[]>(properties)) {
            int partitions = consumer.partitionsFor(topic).size();
            List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
            return consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
