package com.skylinksync.sandbox.chaos.cluster;

import com.skylinksync.schemas.TopicCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) from the broker jars on the class
 * path, with a persistent log directory: formatted once with Kafka's StorageTool, then started and restarted on the
 * same port and data, as a broker pod with its volume.
 */
final class BrokerProcess {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Path dir;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private final ChildJvm jvm;
    private final List<String> brokerOptions;
    private volatile Process process;

    /** {@code brokerOptions}: besides the heap and collector, for the broker's JVM only (not the format tool's). */
    BrokerProcess(Path dir, Path log, int port, int controllerPort, ChildJvm jvm, List<String> brokerOptions) {
        this.brokerOptions = java.util.stream.Stream.concat(JVM_OPTIONS.stream(), brokerOptions.stream()).toList();
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvm = jvm;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    Path logDirectory() {
        return dir.resolve("data");
    }

    /** Formats the log directory if it is new, then starts the broker (not waiting for it: {@link #awaitReady}). */
    synchronized void start() {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, properties());
            if (!Files.exists(logDirectory().resolve("meta.properties"))) {
                run("kafka.tools.StorageTool", List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        Duration.ofMinutes(2));
            }
            note("starting kafka on port " + port);
            process = jvm.launch(brokerOptions, "kafka.Kafka", List.of(config.toString()), log).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the broker", e);
        }
    }

    /** Waits until the broker answers a metadata request; fails at once if it exits meanwhile. */
    void awaitReady(Duration deadline) {
        Instant until = Instant.now().plus(deadline);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // Not up yet.
                }
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("The broker was not ready within " + deadline + "; see " + log);
                }
                ServiceProcess.pause(Duration.ofMillis(250));
            }
        }
    }

    /** Stops the broker ({@code how}) and waits until the process is gone. */
    synchronized void stop(BrokerStop how, Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        note("stopping kafka: " + (how == BrokerStop.GRACEFUL ? "SIGTERM" : "SIGKILL"));
        if (how == BrokerStop.GRACEFUL) {
            current.destroy();
        } else {
            current.destroyForcibly();
        }
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly();
                current.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time the running broker has used so far. */
    Duration cpu() {
        Process current = process;
        return current == null ? Duration.ZERO : current.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    void destroyNow() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    private String properties() {
        return String.join(System.lineSeparator(),
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirectory(),
                // As sandbox/test-infrastructure's KafkaBroker and production: the services create their topics.
                "num.partitions=" + TopicCatalog.DEFAULT_PARTITIONS,
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "");
    }

    private void run(String mainClass, List<String> args, Duration deadline) throws IOException {
        Process tool = jvm.launch(JVM_OPTIONS, mainClass, args, log).start();
        try {
            if (!tool.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException(mainClass + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            tool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void note(String line) {
        try {
            Files.writeString(log, "==== " + Instant.now() + " " + line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }
}
