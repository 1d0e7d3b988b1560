package com.skylinksync.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import com.skylinksync.gateway.phases.IntakePhases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake benchmark: the real gateway on the embedded KRaft broker and embedded PostgreSQL, driven over HTTP.
 * "Accepted" means answered 201: the change set is committed with its outbox row, and (within publish-wait) every
 * event is acknowledged by Kafka with acks=all. Measures latency one request at a time (p50/p99) and throughput
 * with several clients (entity ids accepted per second), for 1-entity and 1,000-entity change sets, prints the mean
 * of each intake phase (the gateway's {@code skylink.gateway.eds.intake.phase} timers), and measures the same
 * clients against the original extension's shape ({@link ExtensionShapeIntake}: a queue-table INSERT and an awaited
 * Kafka send per entity) as the baseline, on the same PostgreSQL and Kafka in the same process.
 *
 * <p>Besides the human-readable table it prints one {@code BENCH|intake|...} line per goal on stdout (the format of
 * {@code ./bench/all}). Run (README, "Benchmarks"): {@code ./mvnw -B -pl eds-gateway -am verify -DskipTests -Pbenchmark}.
 * Sizes: {@code -Dbenchmark.scale=N} multiplies the request counts (default 1).
 */
public final class IntakeBenchmark {

    private static final int CLIENTS = 4;
    private static final double GOAL_P99_MS = 50;
    private static final double GOAL_IDS_PER_SECOND = 20_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI notify;
    private final AtomicInteger nextId;

    private IntakeBenchmark(URI notify, int firstId) {
        this.notify = notify;
        this.nextId = new AtomicInteger(firstId);
    }

    public static void main(String[] args) throws Exception {
        int scale = Integer.getInteger("benchmark.scale", 1);
        String loadAtStart = loadAverage();
        System.out.printf("Intake benchmark: %d cores, Java %s, scale %d, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), scale, loadAtStart);
        try (GatewayFixture fixture = GatewayFixture.start();
             ConfigurableApplicationContext gateway = fixture.startGateway("spring.main.banner-mode=off", "logging.level.root=WARN",
                     "logging.level.com.skylinksync=WARN");
             ExtensionShapeIntake extensionShape = ExtensionShapeIntake.start(fixture)) {
            String port = gateway.getEnvironment().getProperty("local.server.port");
            IntakeBenchmark benchmark = new IntakeBenchmark(URI.create("http://127.0.0.1:" + port + "/eds/notify?client_id="
                    + fixture.clientId() + "&channel_id=1"), 10_000_000);
            IntakeBenchmark baseline = new IntakeBenchmark(extensionShape.notifyUri(), 500_000_000);

            benchmark.latency(1, 300 * scale); // warm-up: JIT, connection pools, producer metadata
            benchmark.latency(1000, 10 * scale);
            baseline.latency(1, 100 * scale);
            baseline.latency(1000, 1);

            MeterRegistry meters = gateway.getBean(MeterRegistry.class);
            Phases phases = Phases.of(meters);
            Result single = benchmark.latency(1, 1000 * scale);
            phases = phases.print("1 entity, 1 client", meters);
            Result thousand = benchmark.latency(1000, 60 * scale);
            phases = phases.print("1,000 entities, 1 client", meters);
            Result singleLoad = benchmark.throughput(1, 2000 * scale);
            phases = phases.print("1 entity, 4 clients", meters);
            Result thousandLoad = benchmark.throughput(1000, 80 * scale);
            phases.print("1,000 entities, 4 clients", meters);
            String loadAfterGateway = loadAverage();

            // The baseline is slow by design (about a millisecond or more per entity): fewer requests, same sizes.
            Result singleBaseline = baseline.latency(1, 200 * scale);
            Result thousandBaseline = baseline.latency(1000, 4 * scale);
            Result singleLoadBaseline = baseline.throughput(1, 400 * scale);
            Result thousandLoadBaseline = baseline.throughput(1000, 8 * scale);

            System.out.println();
            System.out.println("change set     mode              requests   ids/s       p50 ms   p99 ms");
            for (Result result : List.of(single, thousand, singleLoad, thousandLoad)) {
                System.out.println(result.row());
            }
            System.out.println("baseline: the original extension's shape (a queue-table INSERT and an awaited acks=all send per entity)");
            for (Result result : List.of(singleBaseline, thousandBaseline, singleLoadBaseline, thousandLoadBaseline)) {
                System.out.println(result.row());
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "1,000-entity vs 1-entity (same process):%n");
            System.out.printf(Locale.ROOT, "  latency p50: %.1fx for 1,000x the ids -> per-id cost %.4f of a 1-entity request%n",
                    thousand.p50() / single.p50(), thousand.p50() / single.p50() / 1000);
            System.out.printf(Locale.ROOT, "  ids/s sequential: %.0fx, with %d clients: %.0fx%n",
                    thousand.idsPerSecond() / single.idsPerSecond(), CLIENTS, thousandLoad.idsPerSecond() / singleLoad.idsPerSecond());
            long unpublished = fixture.count("SELECT coalesce(sum(event_count), 0) FROM eds_gateway.outbox");
            long changeSets = fixture.changeSetRows();
            System.out.printf(Locale.ROOT, "Registered %d change sets; outbox events left unpublished at the end: %d; baseline queue rows: %d%n",
                    changeSets, unpublished, extensionShape.queuedRows(fixture));
            System.out.printf("Load average: %s at the start, %s after the gateway's runs, %s at the end%n",
                    loadAtStart, loadAfterGateway, loadAverage());
            System.out.println(bench("p99, 1,000-entity change set, " + CLIENTS + " clients", "≤ 50 ms",
                    thousandLoad.p99(), thousandLoadBaseline.p99(), "%.0f ms", thousandLoad.p99() <= GOAL_P99_MS ? "yes" : "no"));
            System.out.println(bench("entity ids/s durable, 1,000-entity change sets, " + CLIENTS + " clients", "≥ 20,000",
                    thousandLoad.idsPerSecond(), thousandLoadBaseline.idsPerSecond(), "%,.0f",
                    thousandLoad.idsPerSecond() >= GOAL_IDS_PER_SECOND ? "yes" : "no"));
            System.out.println(bench("p99, 1-entity change set, " + CLIENTS + " clients", "-",
                    singleLoad.p99(), singleLoadBaseline.p99(), "%.0f ms", "-"));
        }
    }

    /** One {@code BENCH|...} line ({@code ./bench/all}'s format); no {@code |} inside a field. */
    private static String bench(String measure, String goal, double measured, double baseline, String format, String met) {
        return String.join("|", "BENCH", "intake", measure, goal, String.format(Locale.ROOT, format, measured),
                String.format(Locale.ROOT, format, baseline), String.format(Locale.ROOT, "%.2f", measured / baseline), met);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One client, one request at a time: what a single RE sender sees. */
    private Result latency(int entities, int requests) throws Exception {
        long[] nanos = new long[requests];
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            nanos[i] = send(entities);
        }
        return new Result(entities, "1 client", requests, System.nanoTime() - started, nanos);
    }

    /** Several clients at once: what the gateway can take. */
    private Result throughput(int entities, int requests) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        nanos[i] = send(entities);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return new Result(entities, CLIENTS + " clients", requests, System.nanoTime() - started, nanos);
    }

    private long send(int entities) throws Exception {
        StringBuilder ids = new StringBuilder();
        int first = nextId.getAndAdd(entities);
        for (int e = 0; e < entities; e++) {
            ids.append(e == 0 ? "" : ",").append(first + e);
        }
        String body = "{\"Changesets\":[{\"ChangesetId\":\"" + UUID.randomUUID() + "\",\"UpdatedEntities\":[{\"Type\":\""
                + (entities == 1 ? "Customer" : "Product") + "\",\"List\":[" + ids + "]}]}]}";
        HttpRequest request = HttpRequest.newBuilder(notify)
                .header("x-api-key", GatewayFixture.API_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    /** The gateway's per-phase timers at one moment; {@link #print} shows the mean of each phase since then. */
    private record Phases(Map<String, double[]> countAndTotalMs) {

        static Phases of(MeterRegistry meters) {
            Map<String, double[]> snapshot = new TreeMap<>();
            for (Timer timer : meters.find(IntakePhases.METER).timers()) {
                snapshot.put(timer.getId().getTag("phase"), new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)});
            }
            return new Phases(snapshot);
        }

        Phases print(String scenario, MeterRegistry meters) {
            Phases now = of(meters);
            StringBuilder line = new StringBuilder("  phases, " + scenario + " (mean ms, count):");
            now.countAndTotalMs.forEach((phase, current) -> {
                double[] before = countAndTotalMs.getOrDefault(phase, new double[2]);
                double count = current[0] - before[0];
                if (count > 0) {
                    line.append(String.format(Locale.ROOT, " %s %.2f (%.0f)", phase, (current[1] - before[1]) / count, count));
                }
            });
            System.out.println(line);
            return now;
        }
    }

    private record Result(int entities, String mode, int requests, long wallNanos, long[] nanos) {

        double idsPerSecond() {
            return (double) requests * entities / (wallNanos / 1e9);
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "%-14s %-17s %8d %9.0f %10.2f %8.2f",
                    entities == 1 ? "1 entity" : String.format(Locale.ROOT, "%,d entities", entities), mode, requests,
                    idsPerSecond(), p50(), p99());
        }
    }
}
