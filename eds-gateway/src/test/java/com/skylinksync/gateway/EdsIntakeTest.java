package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** EDS intake against a real broker, database and RE simulator: what is registered, published and refused. */
class EdsIntakeTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway("skylink.gateway.max-body-bytes=64KB", "skylink.gateway.max-entities=50");
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
    void readsItsOwnConfigurationFileAndHasNoJdbcPool() {
        // Only eds-gateway.yml names the application: proof that builder() makes Boot read <name>.yml.
        assertThat(gateway.getEnvironment().getProperty("spring.application.name")).isEqualTo("eds-gateway");
        assertThat(gateway.getEnvironment().getProperty("spring.config.name")).isEqualTo(EdsGatewayApplication.CONFIG_NAME);
        assertThat(gateway.getBeanNamesForType(DataSource.class)).isEmpty();
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void registersAChangeSetPublishesOneEventPerEntityAndRecognisesTheRepeat() {
        String id = UUID.randomUUID().toString();
        String body = changeSet(id, group("Customer", 300000, 300001));
        Instant before = Instant.now();

        put(body).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.changeSetId").isEqualTo(id)
                .jsonPath("$.status").isEqualTo(201)
                .jsonPath("$.entities").isEqualTo(2);
        Instant after = Instant.now();

        List<EntityChanged> events = fixture.publishedEvents(Topics.CUSTOMERS, id);
        assertThat(events).extracting(EntityChanged::getEntityId).containsExactlyInAnyOrder("300000", "300001");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getChangeSetId()).isEqualTo(id);
            assertThat(event.getOrigin()).isEqualTo(Origin.EDS);
            assertThat(event.getClientId()).isEqualTo(fixture.clientId());
            assertThat(event.getSalesChannelId()).isEqualTo(1);
            assertThat(event.getEntityType()).isEqualTo(EntityType.CUSTOMER);
            assertThat(event.getAttributeCode()).isNull();
            assertThat(event.getObservedAt()).isBetween(before.minusMillis(1), after.plusMillis(1));
            // The W3C trace id of the request's trace (as logs and trace backends show it).
            assertThat(event.getTraceId()).matches("[0-9a-f]{32}");
        });
        assertThat(events).extracting(EntityChanged::getTraceId).containsOnly(events.getFirst().getTraceId());
        String traceId = events.getFirst().getTraceId();
        assertThat(fixture.readAll(Topics.CUSTOMERS)).filteredOn(r -> id.equals(((EntityChanged) r.value()).getChangeSetId()))
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(((EntityChanged) r.value()).getEntityId()))
                // ... and each record carries that trace in its headers, for the sync service to continue.
                .allSatisfy(r -> assertThat(new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                        .matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"));

        put(body).expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.changeSetId").isEqualTo(id)
                .jsonPath("$.status").isEqualTo(202)
                .jsonPath("$.entities").isEqualTo(2);
        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, id)).hasSize(2);
    }

    @Test
    void derivesAStableIdWhenTheChangeSetHasNone() {
        int a = freshId();
        int b = a + 1;
        String first = "{\"Changesets\":[{\"UpdatedEntities\":[{\"Type\":\"Product\",\"List\":[" + a + "," + b + "]}]}]}";
        String reordered = "{\"Changesets\":[{\"UpdatedEntities\":[{\"Type\":\"Product\",\"List\":[" + b + "," + a + "]}]}]}";

        String derived = put(first).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("changeSetId").toString();
        put(reordered).expectStatus().isAccepted().expectBody().jsonPath("$.changeSetId").isEqualTo(derived);

        assertThat(fixture.publishedEvents(Topics.PRODUCTS, derived)).extracting(EntityChanged::getEntityId)
                .containsExactlyInAnyOrder(Integer.toString(a), Integer.toString(b));
        http.get().uri("/changesets/{id}", derived).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.idDerived").isEqualTo(true);
    }

    @Test
    void routesEveryEdsTypeToItsTopicAndRecordsWhatItDoesNotSync() {
        String id = UUID.randomUUID().toString();
        String body = changeSet(id,
                group("Product", 124005), group("PriceGroup", 3), "{\"Type\":\"Order\",\"List\":[\"16-00000001\"]}",
                group("Outlet", 1), group("Brand", 7), group("Colour", 7), group("ProductType", 2), group("Custom3", 9),
                group("Voucher", 55), group("Gadget", 1));

        put(body).expectStatus().isCreated().expectBody().jsonPath("$.entities").isEqualTo(10);

        assertThat(fixture.publishedEvents(Topics.PRODUCTS, id)).extracting(EntityChanged::getEntityId).containsExactly("124005");
        assertThat(fixture.publishedEvents(Topics.PRICE_GROUPS, id)).extracting(EntityChanged::getEntityId).containsExactly("3");
        assertThat(fixture.publishedEvents(Topics.ORDERS, id)).extracting(EntityChanged::getEntityId).containsExactly("16-00000001");
        assertThat(fixture.publishedEvents(Topics.OUTLETS, id)).extracting(EntityChanged::getEntityId).containsExactly("1");
        assertThat(fixture.publishedEvents(Topics.ATTRIBUTES, id))
                .extracting(EntityChanged::getAttributeCode, EntityChanged::getEntityId, EntityChanged::getEntityType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("brand", "7", EntityType.ATTRIBUTE_OPTION),
                        org.assertj.core.groups.Tuple.tuple("colour", "7", EntityType.ATTRIBUTE_OPTION),
                        org.assertj.core.groups.Tuple.tuple("product_type", "2", EntityType.ATTRIBUTE_OPTION),
                        org.assertj.core.groups.Tuple.tuple("custom_3", "9", EntityType.ATTRIBUTE_OPTION));

        http.get().uri("/changesets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.entities.length()").isEqualTo(10)
                .jsonPath("$.entities[?(@.type == 'Voucher')].outcome").isEqualTo("UNSUPPORTED")
                .jsonPath("$.entities[?(@.type == 'Gadget')].outcome").isEqualTo("IGNORED")
                .jsonPath("$.entities[?(@.type == 'Customer')]").doesNotExist()
                .jsonPath("$.entities[?(@.type == 'Order')].outcome").isEqualTo("PENDING");
        Double ignored = gateway.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("skylink.gateway.eds.ignored.types").tag("type", "Gadget").counter().count();
        assertThat(ignored).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aChangeSetWithNothingToSyncIsAcknowledgedRightAway() {
        String id = UUID.randomUUID().toString();
        put(changeSet(id, group("Voucher", 55, 56), group("BulkVoucher", 1))).expectStatus().isCreated();

        await().atMost(GatewayFixture.DEADLINE).until(() -> "ACKNOWLEDGED".equals(fixture.status(id)));
        assertThat(fixture.retailExpress.processedChangeSets()).containsOnlyOnce(id);
    }

    @Test
    void answersSeveralChangeSetsInOneNotificationWithAList() {
        String known = UUID.randomUUID().toString();
        put(changeSet(known, group("Customer", 300000))).expectStatus().isCreated();
        String fresh = UUID.randomUUID().toString();
        String body = "{\"Changesets\":[" + changeSetObject(fresh, group("Customer", 300001))
                + "," + changeSetObject(known, group("Customer", 300000)) + "]}";

        put(body).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$[0].changeSetId").isEqualTo(fresh).jsonPath("$[0].status").isEqualTo(201)
                .jsonPath("$[1].changeSetId").isEqualTo(known).jsonPath("$[1].status").isEqualTo(202);
        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, fresh)).hasSize(1);
        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, known)).hasSize(1);
    }

    @Test
    void concurrentDuplicatesRegisterOnceAndPublishOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = changeSet(id, group("Customer", 300000, 300001));
        List<Callable<HttpStatus>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            puts.add(() -> HttpStatus.valueOf(put(body).returnResult(String.class).getStatus().value()));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<HttpStatus> status : threads.invokeAll(puts)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
        assertThat(statuses).filteredOn(s -> s == HttpStatus.ACCEPTED).hasSize(7);
        assertThat(fixture.publishedEvents(Topics.CUSTOMERS, id)).hasSize(2);
    }

    @Test
    void acceptsEveryConfiguredKeySoKeysCanBeRotated() {
        http.put().uri("/eds/notify?client_id={c}&channel_id=2", fixture.clientId())
                .header("x-api-key", GatewayFixture.OLD_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changeSet(UUID.randomUUID().toString(), group("Customer", 300000)))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void refusesAMissingOrWrongKeyAndRegistersNothing() {
        long changeSets = fixture.changeSetRows();
        String body = changeSet(UUID.randomUUID().toString(), group("Customer", 300000));

        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 401);
        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", "eds-test-key-curren").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 401);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
    }

    @Test
    void refusesOtherClientsUnknownChannelsAndNonJsonBodies() {
        long changeSets = fixture.changeSetRows();
        String body = changeSet(UUID.randomUUID().toString(), group("Customer", 300000));

        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=1", UUID.randomUUID())
                .header("x-api-key", GatewayFixture.API_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 403);
        problem(http.put().uri("/eds/notify?channel_id=1")
                .header("x-api-key", GatewayFixture.API_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 403);
        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=99", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 422);
        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=one", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 422);
        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY).contentType(MediaType.TEXT_PLAIN).bodyValue(body).exchange(), 415);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
    }

    @Test
    void refusesAContentTypeThatIsNoMediaTypeAsUnsupported() throws Exception {
        // Found by the fuzz test: these used to end in a 500. Sent with the JDK client: WebClient refuses to send them.
        String port = gateway.getEnvironment().getProperty("local.server.port");
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            for (String contentType : List.of("json", "application/", "/")) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/eds/notify?client_id=" + fixture.clientId() + "&channel_id=1"))
                        .header("x-api-key", GatewayFixture.API_KEY).header("Content-Type", contentType)
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(changeSet(UUID.randomUUID().toString(), group("Customer", 300000))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(contentType).isEqualTo(415);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void saysHowDeepJsonMayNestWithoutNamingInternals() {
        // Found by the fuzz test: Jackson's limit message named its Java setting.
        String deep = "{\"Changesets\":" + "[".repeat(600) + "]".repeat(600) + "}";
        problem(put(deep), 400)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("nesting depth").doesNotContain("`", "Constraints"));
    }

    @Test
    void refusesABodyOverTheLimit() {
        long changeSets = fixture.changeSetRows();
        String padding = " ".repeat(64 * 1024);
        String body = changeSet(UUID.randomUUID().toString(), group("Customer", 300000)) + padding;

        problem(put(body), 413);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
    }

    @Test
    void refusesAnOverLimitBodyThatDoesNotAnnounceItsLength() {
        long changeSets = fixture.changeSetRows();
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        String start = "{\"Changesets\":[{\"ChangesetId\":\"" + UUID.randomUUID() + "\",\"UpdatedEntities\":[" + group("Customer", 300000) + "]}]}";
        // Several chunks, no Content-Length: the limit must hold while reading, not only when the length is declared.
        Flux<DataBuffer> chunked = Flux.concat(Flux.just(start), Flux.range(0, 20).map(i -> " ".repeat(4096)))
                .map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));

        problem(http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked, DataBuffer.class)
                .exchange(), 413);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
    }

    @Test
    void saysWhereMalformedJsonBreaks() {
        long changeSets = fixture.changeSetRows();

        problem(put("{\"Changesets\": [\n  {\"ChangesetId\": \"x\",, }]}"), 400)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("line 2, column"));
        problem(put(""), 400);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
    }

    static Stream<Arguments> invalidBodies() {
        String id = "\"ChangesetId\":\"" + UUID.randomUUID() + "\"";
        StringBuilder tooMany = new StringBuilder();
        for (int i = 1; i <= 51; i++) {
            tooMany.append(i == 1 ? "" : ",").append(i);
        }
        return Stream.of(
                Arguments.of("[]", ""),
                Arguments.of("{}", "/Changesets"),
                Arguments.of("{\"Changesets\":[]}", "/Changesets"),
                Arguments.of("{\"Changesets\":{}}", "/Changesets"),
                Arguments.of("{\"Changesets\":[{" + id + "}]}", "/Changesets/0/UpdatedEntities"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[]}]}", "/Changesets/0/UpdatedEntities"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"List\":[1]}]}]}", "/Changesets/0/UpdatedEntities/0/Type"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[" + group("Product", 1) + ","
                        + "{\"Type\":\"Customer\",\"List\":[1,2,3,\"abc\"]}]}]}", "/Changesets/0/UpdatedEntities/1/List/3"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[-5]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List/0"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[0]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List/0"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[1.5]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List/0"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Order\",\"List\":[16]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List/0"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[" + tooMany + "]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/List/50"),
                // Found by the fuzz test: a NUL in an unknown Type reached PostgreSQL and became a 503.
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[{\"Type\":\"Gad\\u0000get\",\"List\":[1]}]}]}",
                        "/Changesets/0/UpdatedEntities/0/Type"),
                Arguments.of("{\"Changesets\":[{\"ChangesetId\":42,\"UpdatedEntities\":[" + group("Customer", 1) + "]}]}",
                        "/Changesets/0/ChangesetId"),
                Arguments.of("{\"Changesets\":[{" + id + ",\"UpdatedEntities\":[" + group("Customer", 1) + "]},{" + id
                        + ",\"UpdatedEntities\":[" + group("Customer", 2) + "]}]}", "/Changesets/1/ChangesetId"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void refusesInvalidContentWithAPointerToTheOffendingElement(String body, String pointer) {
        long changeSets = fixture.changeSetRows();
        long entities = fixture.entityRows();

        problem(put(body), 422).jsonPath("$.pointer").isEqualTo(pointer);

        assertThat(fixture.changeSetRows()).isEqualTo(changeSets);
        assertThat(fixture.entityRows()).isEqualTo(entities);
    }

    @Test
    void answersFrameworkErrorsAndUnknownChangeSetsAsProblems() {
        problem(http.get().uri("/no/such/route").exchange(), 404);
        problem(http.get().uri("/eds/notify").exchange(), 405);
        problem(http.get().uri("/changesets/{id}", UUID.randomUUID()).exchange(), 404)
                .jsonPath("$.type").isEqualTo("urn:skylink:problem:unknown-change-set");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static WebTestClient.ResponseSpec put(String body) {
        return http.put().uri("/eds/notify?client_id={c}&channel_id=1", fixture.clientId())
                .header("x-api-key", GatewayFixture.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.stackTrace").doesNotExist();
    }

    static String changeSet(String id, String... groups) {
        return "{\"Changesets\":[" + changeSetObject(id, groups) + "]}";
    }

    static String changeSetObject(String id, String... groups) {
        return "{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[" + String.join(",", groups) + "]}";
    }

    static String group(String type, int... ids) {
        StringBuilder list = new StringBuilder();
        for (int id : ids) {
            list.append(list.isEmpty() ? "" : ",").append(id);
        }
        return "{\"Type\":\"" + type + "\",\"List\":[" + list + "]}";
    }

    /** Ids no other test uses, so content-derived change set ids never collide across tests. */
    private static int freshId() {
        return ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    }
}
