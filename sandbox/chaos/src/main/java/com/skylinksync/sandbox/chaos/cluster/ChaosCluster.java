package com.skylinksync.sandbox.chaos.cluster;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.EdsTarget;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system as separate processes on this machine, as on Kubernetes: a Kafka broker process with a persistent log
 * directory, two gateways and two replicas of each sync service as their own JVMs ({@code -Xmx256m}), and in this
 * JVM the embedded PostgreSQL and both simulators (whose journals the checks read directly). Every port is a free
 * one, kept across restarts. Each process's output goes to {@code <workDir>/logs/<name>.log}.
 *
 * <p>What the harness does to it is kept in order ({@link #events()}): a kill is {@code KILLED} then, once the
 * process is ready again, {@code RESTARTED}; a broker restart is {@code KILLED kafka} when it is stopped and
 * {@code BROKER_RESTARTED kafka} once it answers again.
 */
public final class ChaosCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChaosCluster.class);

    /** The broker's name in {@link #events()}. */
    public static final String BROKER = "kafka";
    /** Generous: eight JVMs start at once on two cores that other builds may share. */
    static final Duration READY_DEADLINE = Duration.ofMinutes(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private final Path workDir;
    private final ChildJvm jvm;
    private final ProcessLaunch launch;
    private final List<ChaosEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::destroyNow, "chaos-cluster-teardown");
    private BrokerProcess broker;
    private PostgresServer postgres;
    private RetailExpressSimulator retailExpress;
    private MagentoSimulator magento;
    private Duration readyIn;
    private Duration cpuToReady;

    private ChaosCluster(Path workDir) {
        this.workDir = workDir.toAbsolutePath();
        this.jvm = ChildJvm.ofThisJvm(workDir);
        this.launch = new ProcessLaunch(this.workDir);
    }

    /**
     * Starts everything, in parallel where safe: the broker, the database and both simulators; then the eight service
     * processes. Returns once every one is ready. {@code workDir} is emptied first (a cluster starts clean).
     */
    public static ChaosCluster start(CatalogueSpec store, Path workDir) {
        ChaosCluster cluster = new ChaosCluster(workDir);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.startAll(store);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(CatalogueSpec store) {
        long starting = System.nanoTime();
        clean(workDir.resolve("kafka"));
        clean(workDir.resolve("logs"));
        broker = new BrokerProcess(workDir.resolve("kafka"), logOf(BROKER), freePort(), freePort(), jvm,
                launch.brokerJvm(BROKER));
        var brokerUp = async(() -> {
            broker.start();
            broker.awaitReady(READY_DEADLINE);
            return broker;
        });
        var database = async(() -> PostgresServer.start(0, null));
        var re = async(() -> RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0), store));
        var shop = async(() -> MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0)));
        // Every one is awaited (and kept, so close() stops it) before a failure of any is thrown.
        CompletableFuture.allOf(brokerUp, database, re, shop).exceptionally(failure -> null).join();
        postgres = database.exceptionally(failure -> null).join();
        retailExpress = re.exceptionally(failure -> null).join();
        magento = shop.exceptionally(failure -> null).join();
        Stream.of(brokerUp, database, re, shop).forEach(ChaosCluster::join);
        log.info("Broker, database and simulators up in {} ms", (System.nanoTime() - starting) / 1_000_000);

        var settings = ProcessLaunch.shared(broker.bootstrapServers(), postgres, retailExpress, magento);
        Map<ServiceKind, List<Integer>> ports = new LinkedHashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind, List.of(freePort(), freePort()));
        }
        for (ServiceKind kind : ServiceKind.values()) {
            for (int replica = 1; replica <= 2; replica++) {
                String name = kind.replica(replica);
                services.put(name, new ServiceProcess(name, kind, ports.get(kind).get(replica - 1), launch.serviceJvm(name),
                        ProcessLaunch.settingsOf(kind, settings, ports), logOf(name), jvm));
            }
        }
        services.values().forEach(ServiceProcess::start);
        services.values().stream().map(service -> async(() -> {
            service.awaitReady(READY_DEADLINE);
            return service;
        })).toList().forEach(ChaosCluster::join);
        // A change made in the RE simulator is announced as RE's EDS would announce it, to the first gateway.
        retailExpress.eds(new EdsTarget(uri(ServiceKind.GATEWAY.replica(1)), LocalStack.EDS_API_KEY, LocalStack.SALES_CHANNEL));
        readyIn = Duration.ofNanos(System.nanoTime() - starting);
        cpuToReady = services.values().stream().map(ServiceProcess::cpu).reduce(broker.cpu(), Duration::plus);
        log.info("Chaos cluster ready in {} ms ({} CPU-s in its processes, load {}): {}", readyIn.toMillis(),
                cpuToReady.toSeconds(), loadAverage(), services.keySet());
    }

    /** What a workload drives and checks. */
    public ChaosTargets targets() {
        return new ChaosTargets(retailExpress, magento,
                List.of(uri(ServiceKind.GATEWAY.replica(1)), uri(ServiceKind.GATEWAY.replica(2))),
                postgres.jdbcUrl(), broker.bootstrapServers(), LocalStack.EDS_API_KEY, LocalStack.OPERATOR_TOKEN);
    }

    /** The service processes, {@code eds-gateway-1} to {@code fulfillment-sync-service-2}. */
    public List<String> processNames() {
        return List.copyOf(services.keySet());
    }

    /** A service process's base URI (its API and actuator). */
    public URI uri(String name) {
        return process(name).uri();
    }

    /** A process's log file. */
    public Path logFile(String name) {
        return BROKER.equals(name) ? logOf(BROKER) : process(name).log();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** How long {@link #start} took until every process was ready. */
    public Duration readyIn() {
        return readyIn;
    }

    /**
     * CPU time the broker and service processes used until the cluster was ready: a figure the machine's load does
     * not change (on two idle cores the start takes about half of it).
     */
    public Duration cpuToReady() {
        return cpuToReady;
    }

    /** The 1-minute load average ({@code /proc/loadavg}), to say beside a timing; "?" where there is none. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Everything done to the cluster so far, in order. */
    public List<ChaosEvent> events() {
        return List.copyOf(events);
    }

    /**
     * SIGKILLs the process (see {@link ServiceProcess#kill()}), then starts it again on the same port with the same
     * settings and waits until it is ready.
     */
    public Restart kill(String name) {
        ServiceProcess service = process(name);
        synchronized (service) {
            Instant killed = Instant.now();
            events.add(new ChaosEvent(killed, ChaosEvent.Kind.KILLED, name));
            int exitCode = service.kill();
            service.start();
            service.awaitReady(READY_DEADLINE);
            Instant ready = Instant.now();
            events.add(new ChaosEvent(ready, ChaosEvent.Kind.RESTARTED, name));
            log.info("{} killed (exit {}) and ready again in {} ms", name, exitCode, Duration.between(killed, ready).toMillis());
            return new Restart(name, exitCode, Duration.between(killed, ready));
        }
    }

    /** {@link #kill} of a process chosen by {@code random} among every service process, gateways included. */
    public Restart killRandom(Random random) {
        List<String> names = processNames();
        return kill(names.get(random.nextInt(names.size())));
    }

    /** Stops the broker ({@code how}), starts it again on the same port and log directory, and waits until it answers. */
    public Restart restartBroker(BrokerStop how) {
        Instant stopped = Instant.now();
        events.add(new ChaosEvent(stopped, ChaosEvent.Kind.KILLED, BROKER));
        broker.stop(how, Duration.ofSeconds(60));
        broker.start();
        broker.awaitReady(READY_DEADLINE);
        Instant ready = Instant.now();
        events.add(new ChaosEvent(ready, ChaosEvent.Kind.BROKER_RESTARTED, BROKER));
        log.info("Broker stopped ({}) and answering again in {} ms", how, Duration.between(stopped, ready).toMillis());
        return new Restart(BROKER, -1, Duration.between(stopped, ready));
    }

    /**
     * One kill or restart.
     *
     * @param target   the process
     * @param exitCode how the killed process ended (137 = SIGKILL); -1 for the broker
     * @param down     from the kill until it was ready again
     */
    public record Restart(String target, int exitCode, Duration down) {
    }

    /**
     * Stops every process with SIGTERM (SIGKILL after 30 s) — cleanly, so each writes its class-data archive — then
     * the database and simulators; safe to call twice.
     */
    @Override
    public void close() {
        services.values().stream().map(service -> async(() -> {
            service.stop(STOP_GRACE);
            return service;
        })).toList().forEach(ChaosCluster::joinQuietly);
        if (broker != null) {
            broker.stop(BrokerStop.GRACEFUL, STOP_GRACE);
        }
        Stream.<AutoCloseable>of(magento, retailExpress, postgres).filter(java.util.Objects::nonNull).forEach(component -> {
            try {
                component.close();
            } catch (Exception e) {
                log.warn("Stopping {}: {}", component.getClass().getSimpleName(), e.toString());
            }
        });
        magento = null;
        retailExpress = null;
        postgres = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same.
        }
    }

    private void destroyNow() {
        services.values().forEach(ServiceProcess::destroyNow);
        if (broker != null) {
            broker.destroyNow();
        }
    }

    private ServiceProcess process(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No process " + name + "; there are " + services.keySet());
        }
        return service;
    }

    private Path logOf(String name) {
        return workDir.resolve("logs").resolve(name + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void clean(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }

    private static <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, command -> Thread.ofVirtual().start(command));
    }

    /** The future's value, or the runtime exception it failed with (not wrapped in a CompletionException). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void joinQuietly(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            log.warn("Stopping: {}", e.getCause().toString());
        }
    }
}
