package com.skylinksync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.sandbox.stack.LocalStack;
import com.skylinksync.sandbox.stack.StackPorts;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Origin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code skylink} against the very stack {@code ./run-local} starts: the embedded broker and PostgreSQL, both
 * simulators, the gateway and the customer, catalog and fulfillment services, all real.
 */
class SkylinkAgainstTheStackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Pattern BAR = Pattern.compile(
            "\\[[#.]{30}] (\\d+)/(\\d+) +\\d+% \\| done (\\d+) unchanged (\\d+) failed (\\d+) \\| [0-9.]+/s ETA (--:--|[0-9:]+) \\| [A-Z]+");

    private static LocalStack stack;
    private static String api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackPorts.anyFree());
        api = stack.gatewayUri().toString();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bulksOfAttributesOutletsAndFulfillmentsFinishWithCountsFromTheOwningServicesOutcomes() {
        // Attribute options (the catalog service) and outlets (the fulfillment service): every entity gets an outcome.
        for (String type : List.of("attributes", "outlets")) {
            CliRun dryRun = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", type, "--dry-run");
            assertThat(dryRun.exit()).as(dryRun.err()).isZero();
            var counted = Pattern.compile("would resync (\\d+) entities").matcher(dryRun.out());
            assertThat(counted.find()).as(dryRun.out()).isTrue();
            long entities = Long.parseLong(counted.group(1));
            assertThat(entities).as(type).isPositive();

            CliRun bulk = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", type, "--interval=PT0.2S");
            assertThat(bulk.exit()).as(bulk.out() + bulk.err()).isIn(ExitCode.OK, ExitCode.WORK_FAILED);
            String run = bulk.lines().getFirst().replaceAll("^Bulk run (\\S+) started.*$", "$1");
            JsonNode shown = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "show", run, "--json").json();
            assertThat(shown.path("status").asString()).as(type).isEqualTo("FINISHED");
            assertThat(shown.path("total").asLong()).as(type).isEqualTo(entities);
            assertThat(shown.path("done").asLong() + shown.path("unchanged").asLong() + shown.path("failed").asLong())
                    .as(type).isEqualTo(entities);
        }
        // Fulfillments read the store's active orders with an RE id: the gateway has Magento's settings, so it counts.
        CliRun fulfillments = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", "fulfillments", "--dry-run");
        assertThat(fulfillments.exit()).as(fulfillments.out() + fulfillments.err()).isZero();
        assertThat(fulfillments.out()).containsPattern("would resync \\d+ entities");
    }

    @Test
    void aBulkOfEveryCustomerFinishesWithCountsMatchingTheOutcomesAndItsProgressBarRendered() {
        CliRun dryRun = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", "customers", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        var counted = Pattern.compile("would resync (\\d+) entities, costing about (\\d+) Retail Express calls").matcher(dryRun.out());
        assertThat(counted.find()).as(dryRun.out()).isTrue();
        long entities = Long.parseLong(counted.group(1));
        assertThat(entities).isPositive();

        CliRun bulk = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", "customers", "--interval=PT0.2S");
        assertThat(bulk.exit()).as(bulk.out() + bulk.err()).isIn(ExitCode.OK, ExitCode.WORK_FAILED);
        List<String> bars = bulk.lines().stream().filter(line -> BAR.matcher(line).matches()).toList();
        assertThat(bars).as(bulk.out()).isNotEmpty();
        var last = BAR.matcher(bars.getLast());
        assertThat(last.matches()).isTrue();
        assertThat(bars.getLast()).endsWith("| FINISHED").contains("ETA 00:00");
        assertThat(Long.parseLong(last.group(1))).isEqualTo(Long.parseLong(last.group(2))).isEqualTo(entities);
        String run = bulk.lines().getFirst().replaceAll("^Bulk run (\\S+) started.*$", "$1");

        // The counts are the gateway's, from the customer service's outcome events.
        JsonNode shown = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "show", run, "--json").json();
        assertThat(shown.path("status").asString()).isEqualTo("FINISHED");
        assertThat(shown.path("done").asLong() + shown.path("unchanged").asLong() + shown.path("failed").asLong()).isEqualTo(entities);
        assertThat(Long.parseLong(last.group(3))).isEqualTo(shown.path("done").asLong());
        assertThat(Long.parseLong(last.group(5))).isEqualTo(shown.path("failed").asLong());
        assertThat(bulk.exit()).isEqualTo(shown.path("failed").asLong() > 0 ? ExitCode.WORK_FAILED : ExitCode.OK);
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "list").out()).contains(run).contains("FINISHED");

        // Everything it resynced is in Magento now: a second run finds it unchanged.
        CliRun again = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "bulk", "customers", "--interval=PT0.2S");
        String second = again.lines().getFirst().replaceAll("^Bulk run (\\S+) started.*$", "$1");
        JsonNode secondRun = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "show", second, "--json").json();
        assertThat(secondRun.path("unchanged").asLong()).isEqualTo(shown.path("done").asLong() + shown.path("unchanged").asLong());
    }

    @Test
    void aDeadLetterRedrivenTwiceIsRepublishedOnce() throws Exception {
        // A customer RE does not know: the customer service dead-letters it at once.
        String changeSet = UUID.randomUUID().toString();
        assertThat(putChangeSet(changeSet, 987654)).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "list", "--topic",
                Topics.CUSTOMERS, "--json").json().path("items").valueStream().anyMatch(i -> i.path("entityId").asString().equals("987654")));
        JsonNode deadLetter = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "list", "--topic", Topics.CUSTOMERS, "--json").json()
                .path("items").valueStream().filter(i -> i.path("entityId").asString().equals("987654")).findFirst().orElseThrow();
        String id = deadLetter.path("id").asString();
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "list").out()).contains(id).contains("987654");
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "show", id).out()).contains("reason").contains("987654");

        // The read-only credential may look but not redrive.
        CliRun refused = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "redrive", id);
        assertThat(refused.exit()).isEqualTo(ExitCode.REFUSED_CREDENTIAL);
        assertThat(refused.err().lines()).singleElement().asString().contains("refused the credential");

        CliRun first = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "dlt", "redrive", id);
        CliRun second = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "dlt", "redrive", id);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Redriven: " + id);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Already redriven");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(replays(changeSet)).hasSize(1));
        // RE still does not know the customer: the redriven event is dead-lettered again, a new dead letter. --all
        // redrives that one and not the first again: every dead letter is republished at most once, so however often
        // --all runs, the REPLAY events are exactly the dead letters shown as redriven.
        await().atMost(DEADLINE).until(() -> deadLettersOf("987654").size() == 2);
        CliRun third = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "dlt", "redrive", "--all", "--topic", Topics.CUSTOMERS);
        CliRun fourth = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "dlt", "redrive", "--all", "--topic", Topics.CUSTOMERS);
        assertThat(third.exit()).isZero();
        assertThat(fourth.exit()).isZero();
        assertThat(third.out()).matches("(?s)Redriven: [1-9][0-9]* .*"); // this one, and any other test's left meanwhile
        await().atMost(DEADLINE).until(() -> replays(changeSet).size()
                == deadLettersOf("987654").stream().filter(d -> d.hasNonNull("handledAt")).count());
        assertThat(replays(changeSet)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "show", id, "--json").json().hasNonNull("handledAt")).isTrue();

        // Its history shows the change set and the outcome.
        CliRun status = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "status", "customer", "987654");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains(changeSet).contains("DEAD_LETTERED");
        CliRun changeSetStatus = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "status", "changeset", changeSet);
        assertThat(changeSetStatus.out()).contains("987654").contains("DEAD_LETTERED");
    }

    @Test
    void aReplaysDryRunSaysWhatTheExecuteReReads() throws Exception {
        String topic = "cli-replay-" + UUID.randomUUID();
        String group = "cli-replay-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(8), new TopicPartition(topic, 2), new OffsetAndMetadata(10)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        CliRun lag = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "lag");
        assertThat(lag.out()).contains("total " + group + ": 2");

        CliRun dryRun = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "replay", "--group", group, "--topic", topic, "--to-offset", "4", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run: group " + group + " re-reads 16 events");
        JsonNode figures = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "replay", "--group", group, "--topic", topic, "--to-offset", "4", "--json").json();
        assertThat(figures.path("partitions").valueStream().map(p -> p.path("reread").asLong())).containsExactly(6L, 4L, 6L);

        // The customer service's group is live: its offsets are not moved under it.
        CliRun live = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "replay", "--group", "customer-sync-service",
                "--topic", Topics.CUSTOMERS, "--by-duration", "PT1H", "--execute");
        assertThat(live.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(live.err()).contains("live member");

        CliRun executed = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "replay", "--group", group, "--topic", topic, "--to-offset", "4", "--execute");
        assertThat(executed.exit()).as(executed.err()).isZero();
        assertThat(executed.out()).contains("Executed: group " + group + " re-reads 16 events");
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> reread = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (reread.size() < 18 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> reread.add(r.partition() + ":" + r.offset()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> reread.add(r.partition() + ":" + r.offset()));
        }
        // Re-read: what lay between the target and the old commits (as the dry run said); then the 2 never read before.
        Map<Integer, Long> oldCommits = Map.of(0, 10L, 1, 8L, 2, 10L);
        assertThat(reread.stream().filter(r -> Long.parseLong(r.split(":")[1]) < oldCommits.get(Integer.parseInt(r.split(":")[0]))).count())
                .isEqualTo(16);
        assertThat(reread).hasSize(18).doesNotHaveDuplicates();
    }

    @Test
    void aSingleSyncPrintsItsOutcome() {
        CliRun written = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "customer", "300001", "--queue");
        assertThat(written.exit()).as(written.out() + written.err()).isZero();
        assertThat(written.out()).matches("(?s)customer 300001: (written \\(SYNCED\\)|unchanged \\(Magento already held it\\))\\R");
        CliRun again = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "customer", "300001");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("customer 300001: unchanged");

        CliRun unknown = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "customer", "987655");
        assertThat(unknown.exit()).isEqualTo(ExitCode.WORK_FAILED);
        assertThat(unknown.out()).startsWith("customer 987655: DEAD_LETTERED (");

        CliRun queued = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "customer", "300000", "--no-wait");
        assertThat(queued.exit()).isZero();
        assertThat(queued.out().strip()).startsWith("sync-");
        CliRun bad = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "voucher", "1");
        assertThat(bad.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(bad.err()).contains("type must be one of");
    }

    @Test
    void aPausedServiceCanBeReplayedAndAfterResumingReReadsTheEvents() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String changeSet = UUID.randomUUID().toString();
        assertThat(putChangeSet(changeSet, 300000)).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> completionsOf(changeSet).size() == 1);
        String[] replay = {"replay", "--group", "customer-sync-service", "--topic", Topics.CUSTOMERS, "--to-time", before.toString()};

        CliRun live = CliRun.against(api, LocalStack.OPERATOR_TOKEN, concat(replay, "--execute"));
        assertThat(live.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(live.err()).contains("live member").contains("skylink pause customer-sync-service");
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "pause", "customer-sync-service").exit())
                .as("pausing is an action").isEqualTo(ExitCode.REFUSED_CREDENTIAL);

        try {
            CliRun paused = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "pause", "customer-sync-service");
            assertThat(paused.exit()).as(paused.out() + paused.err()).isZero();
            assertThat(paused.out()).startsWith("Paused customer-sync-service: no live members");
            JsonNode state = OperatorApiClient.get(api, "/ops/groups/customer-sync-service");
            assertThat(state.path("state").asString()).isEqualTo("PAUSED");
            assertThat(state.path("members").asInt()).isZero();

            CliRun executed = CliRun.against(api, LocalStack.OPERATOR_TOKEN, concat(replay, "--execute"));
            assertThat(executed.exit()).as(executed.err()).isZero();
            var reread = Pattern.compile("Executed: group customer-sync-service re-reads (\\d+) events").matcher(executed.out());
            assertThat(reread.find()).as(executed.out()).isTrue();
            assertThat(Long.parseLong(reread.group(1))).isPositive();
        } finally {
            CliRun resumed = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "resume", "customer-sync-service");
            assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).startsWith("Resumed customer-sync-service: 1 live member(s)");
        }
        // The re-read event is synced again: a second outcome for the same change set.
        await().atMost(DEADLINE).until(() -> completionsOf(changeSet).size() >= 2);
        assertThat(OperatorApiClient.get(api, "/ops/groups/customer-sync-service").path("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void anInlineSyncOfAProductGoesThroughTheCatalogServiceAndABadIdSaysWhy() {
        await().atMost(DEADLINE).untilAsserted(() -> {
            CliRun product = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "product", "124005");
            assertThat(product.exit()).as(product.out() + product.err()).isZero();
            assertThat(product.out()).matches("(?s)product 124005: (written \\(SYNCED\\)|unchanged \\(Magento already held it\\)), Magento id \\S+\\R");
        });
        JsonNode json = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "product", "124005", "--json").json();
        assertThat(json.path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(json.path("service").asString()).isEqualTo("catalog-sync-service");
        assertThat(json.path("targetId").asString()).isNotBlank();
        // Recorded in the entity's history like any other sync, with its outcome.
        assertThat(CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "status", "product", "124005").out())
                .contains(json.path("changeSetId").asString()).contains("UNCHANGED");

        CliRun unknown = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "product", "999999991");
        assertThat(unknown.exit()).isEqualTo(ExitCode.WORK_FAILED);
        assertThat(unknown.out()).startsWith("product 999999991: DEAD_LETTERED (");
        CliRun malformed = CliRun.against(api, LocalStack.OPERATOR_TOKEN, "sync", "attribute", "7");
        assertThat(malformed.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(malformed.err()).contains("brand:7");
    }

    @Test
    void theBudgetShowsEachWindow() {
        await().atMost(DEADLINE).untilAsserted(() -> {
            CliRun budget = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "budget");
            assertThat(budget.exit()).isZero();
            assertThat(budget.out()).contains("minute").contains("1200").contains("customer-sync-service").contains("eds-gateway");
        });
    }

    @Test
    void aWrongCredentialOrAnUnreachableApiIsOneLineAndItsOwnExitCode() {
        CliRun wrong = CliRun.against(api, "not-the-token", "lag");
        assertThat(wrong.exit()).isEqualTo(ExitCode.REFUSED_CREDENTIAL);
        assertThat(wrong.err().lines()).singleElement().asString().contains("refused the credential");
        assertThat(wrong.out()).isEmpty();

        CliRun none = CliRun.of("lag", "--api-url=" + api, "--config=/nonexistent/skylink.properties");
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);

        CliRun unreachable = CliRun.against("http://127.0.0.1:1", LocalStack.OPERATOR_TOKEN, "budget");
        assertThat(unreachable.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(unreachable.err().lines()).singleElement().asString().startsWith("skylink: cannot reach the operator API at http://127.0.0.1:1");

        CliRun unknown = CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "bulk", "show", "bulk-no-such-run");
        assertThat(unknown.exit()).isEqualTo(ExitCode.REFUSED_REQUEST);
        assertThat(unknown.err()).contains("No bulk run bulk-no-such-run");
    }

    @Test
    void theConfigFileSuppliesTheAddressAndTheCredential(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("skylink.properties");
        Files.writeString(file, "api-url=" + api + "\ntoken=" + LocalStack.READ_ONLY_TOKEN + "\n");
        CliRun lag = CliRun.of("lag", "--json", "--config=" + file);
        assertThat(lag.exit()).as(lag.err()).isZero();
        assertThat(lag.json().path("total").isNumber()).isTrue();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** The operator API read directly (not through the CLI), for what the CLI does not print. */
    private static final class OperatorApiClient {
        static JsonNode get(String api, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + LocalStack.READ_ONLY_TOKEN).build();
            try (HttpClient http = HttpClient.newHttpClient()) {
                return tools.jackson.databind.json.JsonMapper.builder().build().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            }
        }
    }

    /** Every EntitySynced of a change set on the completions topic, read to its end. */
    private static List<EntitySynced> completionsOf(String changeSet) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<EntitySynced> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPLETIONS, DEADLINE).stream()
                    .map(p -> new TopicPartition(Topics.COMPLETIONS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() instanceof EntitySynced e && changeSet.equals(e.getChangeSetId())) {
                        found.add(e);
                    }
                });
            }
        }
        return found;
    }

    private static List<JsonNode> deadLettersOf(String entityId) {
        return CliRun.against(api, LocalStack.READ_ONLY_TOKEN, "dlt", "list", "--topic", Topics.CUSTOMERS, "--json").json()
                .path("items").valueStream().filter(i -> i.path("entityId").asString().equals(entityId)).toList();
    }

    private static int putChangeSet(String changeSet, int customer) throws Exception {
        String body = "{\"Changesets\":[{\"ChangesetId\":\"" + changeSet + "\",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[" + customer + "]}]}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/eds/notify?client_id=" + stack.clientId() + "&channel_id=" + LocalStack.SALES_CHANNEL))
                .header("x-api-key", LocalStack.EDS_API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** The REPLAY events of a change set on the customers' backlog topic, read to its end. */
    private static List<EntityChanged> replays(String changeSet) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        String topic = Topics.backlog(Topics.CUSTOMERS);
        List<EntityChanged> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() instanceof EntityChanged e && changeSet.equals(e.getChangeSetId()) && e.getOrigin() == Origin.REPLAY) {
                        found.add(e);
                    }
                });
            }
        }
        return found;
    }
}
