package com.skylinksync.sandbox.chaos.cluster;

import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.stack.ServiceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How each process of the cluster is launched: its JVM options (a pod's heap, the collector, a class-data archive)
 * and the settings that point a service at the broker, the database, the simulators and the other services.
 */
final class ProcessLaunch {

    /**
     * Every service JVM: the heap a pod would get; the serial collector, as for a small container. C1 only: on two
     * shared cores C2's compiler threads cost a service more start-up time than its faster code gives back here.
     */
    private static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED");
    /**
     * On top of the local stack's settings: eight JVMs starting at once on two shared cores can keep the broker from
     * answering a topic check within Kafka admin's default 30 s, which fails a service's start (the RE budget checks
     * its topic); a pod would be restarted, here the start would fail.
     */
    private static final Map<String, Object> CLUSTER_SETTINGS = Map.of("spring.kafka.admin.operation-timeout", "180s");

    private final Path archives;

    ProcessLaunch(Path workDir) {
        this.archives = workDir.resolve("cds");
    }

    /** The broker's JVM options: its own defaults, with a class-data archive. */
    List<String> brokerJvm(String name) {
        return withClassArchive(List.of(), name);
    }

    /** A service process's JVM options. */
    List<String> serviceJvm(String name) {
        return withClassArchive(SERVICE_JVM, name);
    }

    /** The infrastructure the services share, with the cluster's own additions. */
    static ServiceSettings shared(String kafkaBootstrap, PostgresServer postgres, RetailExpressSimulator retailExpress,
                                  MagentoSimulator magento) {
        return new ServiceSettings(kafkaBootstrap, postgres, retailExpress, magento, CLUSTER_SETTINGS);
    }

    /**
     * With a class-data archive per process (AppCDS, JDK 19+): written when the process exits cleanly (the close of a
     * cluster), used by every later start of it with the same class path, so the classes need not be loaded and
     * verified again — a restart after a kill, and the next cluster, start faster.
     */
    private List<String> withClassArchive(List<String> options, String name) {
        try {
            Files.createDirectories(archives);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + archives, e);
        }
        return Stream.concat(options.stream(), Stream.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archives.resolve(name + ".jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off")).toList();
    }

    /** A service kind's settings; {@code ports}: each kind's two replicas' ports. */
    static Map<String, Object> settingsOf(ServiceKind kind, ServiceSettings settings, Map<ServiceKind, List<Integer>> ports) {
        return switch (kind) {
            case GATEWAY -> {
                var gateway = settings.gateway(local(ports.get(ServiceKind.CUSTOMER_SYNC).get(0)),
                        local(ports.get(ServiceKind.CATALOG_SYNC).get(0)), local(ports.get(ServiceKind.FULFILLMENT_SYNC).get(0)));
                // On one host the replicas differ only by port, which Kafka's group description (how the gateway finds
                // the partition's owner) does not name: inline syncs go to replica 1 as addressed.
                for (String service : List.of("customer", "catalog", "fulfillment")) {
                    gateway.put("skylink.gateway.sync-services." + service + ".route-to-owner", false);
                }
                yield gateway;
            }
            case CUSTOMER_SYNC -> settings.customerSync();
            case CATALOG_SYNC -> settings.catalogSync();
            case FULFILLMENT_SYNC -> settings.fulfillmentSync();
        };
    }

    static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
