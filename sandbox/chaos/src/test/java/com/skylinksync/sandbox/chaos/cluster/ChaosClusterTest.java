package com.skylinksync.sandbox.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.schemas.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster itself, without a workload: ten processes start, a change set through the second gateway is synced and
 * acknowledged once, a SIGKILLed service comes back and consumes again, and the broker restarted keeps its topics,
 * records and committed offsets while the services reconnect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosClusterTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String PROBE_TOPIC = "chaos.probe";
    private static final String PROBE_GROUP = "chaos-probe";

    private static ChaosCluster cluster;
    private static ChaosTargets targets;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() {
        cluster = ChaosCluster.start(new CatalogueSpec(7, 0, 40, 0), Path.of("target", "chaos"));
        targets = cluster.targets();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            // No JVM, broker or database outlives the cluster.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        }
    }

    @Test
    @Order(1)
    void theClusterRunsTwoGatewaysAndTwoOfEachSyncServiceAsProcesses() {
        assertThat(cluster.processNames()).containsExactly("eds-gateway-1", "eds-gateway-2",
                "customer-sync-service-1", "customer-sync-service-2", "catalog-sync-service-1", "catalog-sync-service-2",
                "fulfillment-sync-service-1", "fulfillment-sync-service-2");
        assertThat(targets.gateways()).hasSize(2);
        Set<Long> children = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        // Eight service JVMs and the broker (PostgreSQL's postmaster is a child too).
        assertThat(children).hasSizeGreaterThanOrEqualTo(9);
        System.out.println("BENCH|footprint|chaos cluster ready (10 processes)|-|"
                + String.format("%.1f s", cluster.readyIn().toMillis() / 1000.0) + "|-|-|-");
    }

    @Test
    @Order(2)
    void aChangeSetThroughTheSecondGatewayReachesMagentoAndIsAcknowledgedOnce() throws Exception {
        String changeSet = UUID.randomUUID().toString();
        assertThat(put(targets.gateways().get(1), changeSet, List.of(300000)).statusCode()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> linked(300000));
        await().atMost(DEADLINE).until(() -> targets.retailExpress().processedChangeSets().contains(changeSet));
        assertThat(targets.retailExpress().processedChangeSets()).containsOnlyOnce(changeSet);
    }

    @Test
    @Order(3)
    void aSyncServiceSigkilledComesBackReadyAndConsumesAgain() throws Exception {
        String name = "customer-sync-service-1";
        ChaosCluster.Restart restart = cluster.kill(name);
        assertThat(restart.exitCode()).as("128 + SIGKILL").isEqualTo(137);
        assertThat(cluster.events()).extracting(ChaosEvent::kind, ChaosEvent::target)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple(ChaosEvent.Kind.KILLED, name),
                        org.assertj.core.groups.Tuple.tuple(ChaosEvent.Kind.RESTARTED, name));
        System.out.println("customer-sync-service-1 SIGKILLed and ready again in " + restart.down().toMillis() + " ms");

        // Generated customers spread over all 12 partitions: the restarted replica, once it owns some of them again,
        // syncs its share (any outcome counts: it consumed).
        String changeSet = UUID.randomUUID().toString();
        List<Integer> customers = IntStream.range(2_000_000, 2_000_030).boxed().toList();
        assertThat(put(targets.gateways().get(0), changeSet, customers).statusCode()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> outcomes(cluster.uri(name)) > 0);
        await().atMost(DEADLINE).until(() -> targets.retailExpress().processedChangeSets().contains(changeSet));
    }

    @Test
    @Order(4)
    void theBrokerRestartedKeepsItsTopicsRecordsAndCommittedOffsetsAndTheServicesSyncAgain() throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, targets.kafkaBootstrap());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, targets.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PROBE_TOPIC, "k", "before the restart")).get();
        }
        try (var consumer = consumer()) {
            consumer.commitSync(Map.of(new TopicPartition(PROBE_TOPIC, 0), new OffsetAndMetadata(1)));
        }

        ChaosCluster.Restart restart = cluster.restartBroker(BrokerStop.CRASH);
        System.out.println("Broker SIGKILLed and answering again in " + restart.down().toMillis() + " ms");
        assertThat(cluster.events()).extracting(ChaosEvent::kind).contains(ChaosEvent.Kind.BROKER_RESTARTED);

        try (Admin client = Admin.create(admin)) {
            Set<String> topics = client.listTopics().names().get();
            assertThat(topics).contains(PROBE_TOPIC)
                    .containsAll(TopicCatalog.all(TopicCatalog.DEFAULT_PARTITIONS).stream().map(TopicCatalog.TopicSpec::name).toList());
            assertThat(client.listConsumerGroupOffsets(PROBE_GROUP).partitionsToOffsetAndMetadata().get())
                    .containsEntry(new TopicPartition(PROBE_TOPIC, 0), new OffsetAndMetadata(1));
        }
        try (var consumer = consumer()) {
            TopicPartition partition = new TopicPartition(PROBE_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("before the restart");
        }

        String changeSet = UUID.randomUUID().toString();
        assertThat(put(targets.gateways().get(0), changeSet, List.of(300001)).statusCode()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> linked(300001));
        await().atMost(DEADLINE).until(() -> targets.retailExpress().processedChangeSets().contains(changeSet));
        assertThat(targets.retailExpress().processedChangeSets()).containsOnlyOnce(changeSet);
    }

    @Test
    @Order(5)
    void theFootprintRowsReadEveryServiceKindsHeapFromItsMetrics() {
        List<String> rows;
        try (Footprint footprint = new Footprint(cluster, targets.operatorToken())) {
            rows = footprint.rows();
        }
        rows.forEach(System.out::println);
        assertThat(rows).hasSize(ServiceKind.values().length).allSatisfy(row -> assertThat(row)
                .matches("BENCH\\|footprint\\|heap under load, [a-z-]+\\|≤ 256 MB\\|\\d+ MB used, \\d+ MB live after GC\\|-\\|-\\|yes"));
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, targets.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, PROBE_GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private HttpResponse<String> put(URI gateway, String changeSet, List<Integer> customers) throws Exception {
        String ids = customers.stream().map(String::valueOf).collect(Collectors.joining(","));
        String body = """
                {"Changesets":[{"ChangesetId":"%s","UpdatedEntities":[{"Type":"Customer","List":[%s]}]}]}
                """.formatted(changeSet, ids);
        var request = HttpRequest.newBuilder(URI.create(gateway + "/eds/notify?client_id=" + targets.retailExpress().clientId() + "&channel_id=1"))
                .header("x-api-key", targets.edsApiKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether Magento holds a customer linked to RE customer {@code id} (the link attribute). */
    private boolean linked(int id) throws Exception {
        String query = "searchCriteria[filterGroups][0][filters][0][field]=skylink_customer_id"
                + "&searchCriteria[filterGroups][0][filters][0][value]=" + id
                + "&searchCriteria[filterGroups][0][filters][0][condition_type]=eq";
        String encoded = query.replace("[", "%5B").replace("]", "%5D");
        var request = HttpRequest.newBuilder(URI.create(targets.magento().restBase() + "/V1/customers/search?" + encoded))
                .header("Authorization", "Bearer " + targets.magento().accessToken()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"total_count\":1");
    }

    /** How many entity outcomes (any) the process has produced since it started, from its metrics. */
    private double outcomes(URI service) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + targets.operatorToken()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().filter(line -> line.startsWith("skylink_sync_outcomes_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
