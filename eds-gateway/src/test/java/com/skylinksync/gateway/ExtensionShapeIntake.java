package com.skylinksync.gateway;

import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's baseline: EDS intake in the original extension's shape, against the same PostgreSQL and Kafka. Each
 * entity becomes one queue-table row, written by its own INSERT (autocommit, no batching: the extension enqueued a
 * command per entity), and one event sent to Kafka with {@code acks=all} and awaited before the next (batch size 1).
 * Answered 201 once every entity is in the table and on Kafka, the same promise the gateway's 201 makes.
 * Only what that shape costs is modelled: it checks the key and answers; no validation, no repeats, no outbox.
 */
final class ExtensionShapeIntake implements AutoCloseable {

    static final String TOPIC = "skylink.benchmark.extension-shape";
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(THREADS);
    private final KafkaProducer<String, byte[]> producer;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String clientId;

    private ExtensionShapeIntake(GatewayFixture fixture) throws IOException, SQLException {
        this.clientId = fixture.clientId();
        for (int i = 0; i < THREADS; i++) {
            Connection connection = DriverManager.getConnection(fixture.postgres.jdbcUrl(), PostgresServer.USER, "postgres");
            connection.setAutoCommit(true);
            connections.add(connection);
        }
        try (Statement ddl = connections.peek().createStatement()) {
            ddl.execute("""
                    CREATE TABLE IF NOT EXISTS extension_shape_queue (
                        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        queue      varchar(64) NOT NULL,
                        message    bytea       NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now())""");
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + TOPIC, e);
        }
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        threads = Executors.newFixedThreadPool(THREADS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(threads);
        server.createContext("/eds/notify", this::handle);
        server.start();
    }

    static ExtensionShapeIntake start(GatewayFixture fixture) throws IOException, SQLException {
        return new ExtensionShapeIntake(fixture);
    }

    URI notifyUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/eds/notify?client_id=" + clientId + "&channel_id=1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!GatewayFixture.API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                answer(exchange, 401, "{}");
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            Connection connection = connections.take();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO extension_shape_queue (queue, message) VALUES (?, ?)")) {
                for (JsonNode changeSet : body.get("Changesets")) {
                    String changeSetId = changeSet.get("ChangesetId").asString();
                    for (JsonNode group : changeSet.get("UpdatedEntities")) {
                        String type = group.get("Type").asString();
                        for (JsonNode id : group.get("List")) {
                            byte[] message = serializer.serialize(TOPIC, event(changeSetId, type, id.asString()));
                            insert.setString(1, type);
                            insert.setBytes(2, message);
                            insert.executeUpdate();
                            producer.send(new ProducerRecord<>(TOPIC, id.asString(), message)).get(30, TimeUnit.SECONDS);
                        }
                    }
                }
            } finally {
                connections.add(connection);
            }
            answer(exchange, 201, "{}");
        } catch (Exception e) {
            answer(exchange, 500, "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private EntityChanged event(String changeSetId, String type, String id) {
        return EntityChanged.newBuilder()
                .setChangeSetId(changeSetId)
                .setOrigin(Origin.EDS)
                .setClientId(clientId)
                .setSalesChannelId(1)
                .setEntityType("Customer".equals(type) ? EntityType.CUSTOMER : EntityType.PRODUCT)
                .setEntityId(id)
                .setObservedAt(Instant.now())
                .setTraceId(UUID.randomUUID().toString().replace("-", ""))
                .build();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    long queuedRows(GatewayFixture fixture) {
        return fixture.count("SELECT count(*) FROM extension_shape_queue");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        producer.close();
        connections.forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        });
    }
}
