package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.BudgetReport;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operator API over the real broker and database: dead letters and redrive, parked writes, lag, replay, budget. */
class OperatorApiTest {

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway();
        http = GatewayFixture.http(gateway);
        // The sync runtime declares its dead-letter and parked topics, the budget its topic: here, the test does.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.deadLetters(Topics.CUSTOMERS), 3, (short) 1),
                    new NewTopic(Topics.MAGENTO_CUSTOMERS + ".parked", 3, (short) 1),
                    new NewTopic(Topics.RE_BUDGET, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
    void aDeadLetterIsListedShownAndRedrivenOnceToTheBacklogTwinWithOriginReplay() {
        String changeSet = UUID.randomUUID().toString();
        quarantine(Topics.deadLetters(Topics.CUSTOMERS), Topics.CUSTOMERS, event(changeSet, "301001"),
                "Magento refused the customer: email is required");
        quarantine(Topics.deadLetters(Topics.CUSTOMERS), Topics.CUSTOMERS, event(changeSet, "301002"), "Unknown customer in RE");

        http.get().uri("/ops/dead-letters?topic={t}&reason=email", Topics.CUSTOMERS).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].entityId").isEqualTo("301001")
                .jsonPath("$.items[0].entityType").isEqualTo("CUSTOMER")
                .jsonPath("$.items[0].sourceTopic").isEqualTo(Topics.CUSTOMERS)
                .jsonPath("$.items[0].changeSetId").isEqualTo(changeSet)
                .jsonPath("$.items[0].reason").isEqualTo("Magento refused the customer: email is required")
                .jsonPath("$.items[0].handledAt").doesNotExist();
        String id = idOf("301001");

        http.get().uri("/ops/dead-letters/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.entityId").isEqualTo("301001");
        http.post().uri("/ops/dead-letters/{id}/redrive", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result").isEqualTo("REDRIVEN");
        http.post().uri("/ops/dead-letters/{id}/redrive", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result").isEqualTo("ALREADY_REDRIVEN");

        List<EntityChanged> republished = fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), changeSet);
        assertThat(republished).hasSize(1);
        assertThat(republished.getFirst().getEntityId()).isEqualTo("301001");
        assertThat(republished.getFirst().getOrigin()).isEqualTo(Origin.REPLAY);
        http.get().uri("/ops/dead-letters/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.handledAt").isNotEmpty();

        // --all redrives the rest once, and a second --all finds nothing left to redrive.
        http.post().uri("/ops/dead-letters/redrive?topic={t}", Topics.CUSTOMERS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.redriven").isEqualTo(1);
        http.post().uri("/ops/dead-letters/redrive?topic={t}", Topics.CUSTOMERS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.redriven").isEqualTo(0);
        assertThat(fixture.publishedEvents(Topics.backlog(Topics.CUSTOMERS), changeSet)).extracting(EntityChanged::getEntityId)
                .containsExactlyInAnyOrder("301001", "301002");
    }

    @Test
    void unknownAndMalformedDeadLetterIdsAreProblems() {
        http.get().uri("/ops/dead-letters/{id}", "skylink.re.customers.dlt:0:999999").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/ops/dead-letters/{id}", "nonsense").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/ops/dead-letters/{id}/redrive", "skylink.re.customers:0:0").exchange().expectStatus().isNotFound();
    }

    @Test
    void aParkedWriteIsListedAndResolvedOnce() {
        String topic = Topics.MAGENTO_CUSTOMERS + ".parked";
        quarantine(topic, Topics.MAGENTO_CUSTOMERS, event(null, "55"), "Create sent, no answer: outcome unknown");
        String id = idIn("/ops/parked", "55");
        http.post().uri("/ops/parked/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "exists in RE as 300123; id set in Magento")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.result").isEqualTo("RESOLVED");
        http.post().uri("/ops/parked/{id}/resolve", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.result").isEqualTo("ALREADY_RESOLVED");
        http.get().uri("/ops/parked/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.handledNote").isEqualTo("exists in RE as 300123; id set in Magento");
    }

    @Test
    void lagAndAReplayWhoseDryRunSaysWhatTheExecuteReReads() throws Exception {
        String topic = "replay-test-" + UUID.randomUUID();
        String group = "replay-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        // The group consumed 4 of partition 0's 5 and 5 of partition 1's 5: lag 1.
        commit(group, Map.of(new TopicPartition(topic, 0), 4L, new TopicPartition(topic, 1), 5L));

        http.get().uri("/ops/lag").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalByGroup['" + group + "']").isEqualTo(1)
                .jsonPath("$.partitions[?(@.group == '" + group + "' && @.partition == 0)].lag").isEqualTo(List.of(1))
                .jsonPath("$.partitions[?(@.group == '" + group + "' && @.partition == 1)].end").isEqualTo(List.of(5));

        Map<String, Object> replay = Map.of("group", group, "topic", topic, "toOffset", 1, "execute", false);
        http.post().uri("/ops/replay").bodyValue(replay).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.executed").isEqualTo(false)
                .jsonPath("$.reread").isEqualTo(7)
                .jsonPath("$.partitions[0].reread").isEqualTo(3)
                .jsonPath("$.partitions[1].reread").isEqualTo(4);

        // While the group has a live member the offsets do not move.
        try (var member = new KafkaConsumer<>(consumerConfig(group), new StringDeserializer(), new StringDeserializer())) {
            member.subscribe(List.of(topic));
            await().atMost(GatewayFixture.DEADLINE).until(() -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });
            http.post().uri("/ops/replay").bodyValue(Map.of("group", group, "topic", topic, "toOffset", 1, "execute", true)).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("live member"));
        }
        http.post().uri("/ops/replay").bodyValue(Map.of("group", group, "topic", topic, "toOffset", 1, "execute", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.executed").isEqualTo(true).jsonPath("$.reread").isEqualTo(7);

        // What the group now reads before its old committed offsets is what the dry run said (then it goes on to the end).
        List<String> reread = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig(group), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + GatewayFixture.DEADLINE.toNanos();
            while (reread.size() < 8 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> reread.add(record.partition() + ":" + record.offset()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> reread.add(record.partition() + ":" + record.offset()));
        }
        long beforeOldCommits = reread.stream().filter(r -> r.startsWith("0:") ? Long.parseLong(r.substring(2)) < 4
                : Long.parseLong(r.substring(2)) < 5).count();
        assertThat(beforeOldCommits).isEqualTo(7);
        assertThat(reread).hasSize(8).doesNotHaveDuplicates(); // and partition 0's one unread record once
    }

    @Test
    void replayRefusesBadRequestsNamingTheField() {
        http.post().uri("/ops/replay").bodyValue(Map.of("group", "g", "topic", "t")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("toTime");
        http.post().uri("/ops/replay").bodyValue(Map.of("group", "g", "topic", "t", "byDuration", "two hours")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("byDuration");
        http.post().uri("/ops/replay").bodyValue(Map.of("topic", "t", "toOffset", 0)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("group");
        http.post().uri("/ops/replay").bodyValue(Map.of("group", "g", "topic", "no-such-topic-" + UUID.randomUUID(), "toOffset", 0))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("topic");
    }

    @Test
    void theBudgetShowsEachWindowAndEachLiveParticipantsShare() {
        Instant now = Instant.now();
        BudgetReport report = BudgetReport.newBuilder().setParticipantId("customer-sync-1").setService("customer-sync-service")
                .setSlot(now.toEpochMilli() / 2000).setPeriodMillis(2000).setPublishedAt(now).setWaiting(3).setStarved(true)
                .setUsed(20).setSpentMinute(400).setRecentUsed(List.of(20)).setSpentHour(5000).setSpentDay(20000)
                .setGrantSecond(12.5).setGrantMinute(600).setGrantHour(15000).setGrantDay(75000).setThrottledAt(0).setLeaving(false)
                .build();
        BudgetReport gone = BudgetReport.newBuilder(report).setParticipantId("old").setPublishedAt(now.minusSeconds(600)).build();
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerConfig(), new StringSerializer(), new AvroEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RE_BUDGET, "old", gone)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.RE_BUDGET, "customer-sync-1", report)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        http.get().uri("/ops/budget").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.windows[?(@.window == 'minute')].limit").isEqualTo(List.of(1200))
                .jsonPath("$.windows[?(@.window == 'minute')].spent").isEqualTo(List.of(400))
                .jsonPath("$.windows[?(@.window == 'day')].spent").isEqualTo(List.of(20000))
                .jsonPath("$.participants[?(@.participantId == 'customer-sync-1')].live").isEqualTo(List.of(true))
                .jsonPath("$.participants[?(@.participantId == 'customer-sync-1')].grantMinute").isEqualTo(List.of(600))
                .jsonPath("$.participants[?(@.participantId == 'old')].live").isEqualTo(List.of(false));
    }

    @Test
    void deadLettersAreListedFromTheViewWithoutReadingTheirTopicAgainAndNewOnesShowUp() throws Exception {
        String topic = Topics.deadLetters(Topics.PRODUCTS);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        var meters = gateway.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        java.util.function.DoubleSupplier read = () -> meters.get("skylink.gateway.view.records.read").tag("view", "quarantine")
                .functionCounter().count();
        listed(topic); // the view holds whatever was there before
        double before = read.getAsDouble();
        int many = 500;
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerConfig(), new StringSerializer(), new AvroEventSerializer())) {
            for (int i = 0; i < many; i++) {
                var record = new ProducerRecord<String, SpecificRecord>(topic, i % 3, "p" + i, event(UUID.randomUUID().toString(), "7" + i));
                record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.PRODUCTS.getBytes(StandardCharsets.UTF_8));
                record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, ("reason " + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        assertThat(listed(topic)).isEqualTo(many);
        double afterFirst = read.getAsDouble();
        assertThat(afterFirst - before).as("each new dead letter read once").isEqualTo(many);
        for (int i = 0; i < 20; i++) {
            assertThat(listed(topic)).isEqualTo(many);
        }
        assertThat(read.getAsDouble()).as("listing again reads nothing from Kafka").isEqualTo(afterFirst);

        quarantine(topic, Topics.PRODUCTS, event(UUID.randomUUID().toString(), "799999"), "a new one");
        assertThat(listed(topic)).as("a dead letter written after the first list is in the next").isEqualTo(many + 1);
        assertThat(read.getAsDouble()).isEqualTo(afterFirst + 1);
        assertThat(http.get().uri("/ops/dead-letters/{id}", idIn("/ops/dead-letters", "799999")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("a new one");
    }

    private static long listed(String topic) {
        String body = http.get().uri("/ops/dead-letters?topic={t}", topic).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("total").asLong();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static String idOf(String entityId) {
        return idIn("/ops/dead-letters", entityId);
    }

    private static String idIn(String route, String entityId) {
        String body = http.get().uri(route).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var items = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("items");
        for (var item : items) {
            if (entityId.equals(item.path("entityId").asString())) {
                return item.path("id").asString();
            }
        }
        throw new AssertionError("No " + entityId + " in " + body);
    }

    private static EntityChanged event(String changeSetId, String entityId) {
        return EntityChanged.newBuilder().setChangeSetId(changeSetId).setOrigin(Origin.EDS).setClientId(fixture.clientId())
                .setSalesChannelId(1).setEntityType(changeSetId == null ? EntityType.MAGENTO_CUSTOMER : EntityType.CUSTOMER)
                .setEntityId(entityId).setAttributeCode(null).setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString())
                .build();
    }

    /** As the runtime's DeadLetterPublishingRecoverer writes it: the event, with spring-kafka's DLT headers. */
    private static void quarantine(String topic, String source, EntityChanged event, String reason) {
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerConfig(), new StringSerializer(), new AvroEventSerializer())) {
            var record = new ProducerRecord<String, SpecificRecord>(topic, 0, event.getEntityId(), event);
            record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.getBytes(StandardCharsets.UTF_8));
            record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
            record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "com.skylinksync.connector.PermanentSyncException".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static Properties consumerConfig(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((p, o) -> commits.put(p, new OffsetAndMetadata(o)));
            admin.alterConsumerGroupOffsets(group, commits).all().get(30, TimeUnit.SECONDS);
        }
    }
}
