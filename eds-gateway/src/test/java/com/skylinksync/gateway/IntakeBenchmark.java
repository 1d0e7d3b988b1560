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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake benchmark: the real gateway on the embedded KRaft broker and embedded PostgreSQL, driven over HTTP.
 * "Accepted" means answered 201: the change set is committed with its outbox rows, and (within publish-wait) every
 * event is acknowledged by Kafka with acks=all. Measures latency one request at a time (p50/p99) and throughput
 * with several clients (entity ids accepted per second), for 1-entity and 1,000-entity change sets, and prints the
 * 1,000-entity figures relative to the 1-entity baseline measured in the same process.
 *
 * <p>Run (README, "Benchmarks"): {@code ./mvnw -B -pl eds-gateway -am verify -DskipTests -Pbenchmark}.
 * Sizes: {@code -Dbenchmark.scale=N} multiplies the request counts (default 1).
 */
public final class IntakeBenchmark {

    private static final int CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI notify;
    private final AtomicInteger nextId = new AtomicInteger(10_000_000);

    private IntakeBenchmark(URI notify) {
        this.notify = notify;
    }

    public static void main(String[] args) throws Exception {
        int scale = Integer.getInteger("benchmark.scale", 1);
        System.out.printf("Intake benchmark: %d cores, Java %s, scale %d%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), scale);
        try (GatewayFixture fixture = GatewayFixture.start();
             ConfigurableApplicationContext gateway = fixture.startGateway("spring.main.banner-mode=off", "logging.level.root=WARN",
                     "logging.level.com.skylinksync=WARN")) {
            String port = gateway.getEnvironment().getProperty("local.server.port");
            IntakeBenchmark benchmark = new IntakeBenchmark(URI.create("http://127.0.0.1:" + port + "/eds/notify?client_id="
                    + fixture.clientId() + "&channel_id=1"));

            benchmark.latency(1, 300 * scale); // warm-up: JIT, connection pools, producer metadata
            benchmark.latency(1000, 10 * scale);

            Result single = benchmark.latency(1, 1000 * scale);
            Result thousand = benchmark.latency(1000, 60 * scale);
            Result singleLoad = benchmark.throughput(1, 2000 * scale);
            Result thousandLoad = benchmark.throughput(1000, 80 * scale);

            System.out.println();
            System.out.println("change set     mode              requests   ids/s       p50 ms   p99 ms");
            for (Result result : List.of(single, thousand, singleLoad, thousandLoad)) {
                System.out.println(result.row());
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "1,000-entity vs 1-entity (same process):%n");
            System.out.printf(Locale.ROOT, "  latency p50: %.1fx for 1,000x the ids -> per-id cost %.4f of a 1-entity request%n",
                    thousand.p50() / single.p50(), thousand.p50() / single.p50() / 1000);
            System.out.printf(Locale.ROOT, "  ids/s sequential: %.0fx, with %d clients: %.0fx%n",
                    thousand.idsPerSecond() / single.idsPerSecond(), CLIENTS, thousandLoad.idsPerSecond() / singleLoad.idsPerSecond());
            long unpublished = fixture.count("SELECT count(*) FROM eds_gateway.outbox");
            long changeSets = fixture.changeSetRows();
            System.out.printf(Locale.ROOT, "Registered %d change sets; outbox rows left unpublished at the end: %d%n", changeSets, unpublished);
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
