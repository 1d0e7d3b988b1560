package com.skylinksync.sandbox.stack.benchmark;

import static org.awaitility.Awaitility.await;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.stack.LocalStack;
import com.skylinksync.sandbox.stack.StackPorts;
import com.skylinksync.sandbox.stack.benchmark.PathTiming.Latencies;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * End to end (issue 13): single-entity EDS change sets (customers and products) sent one at a time and four at once
 * through the whole local stack on random ports, with fixed latency injected in both simulators; per change set, the
 * EDS PUT to the entity's Magento write minus the injected latency of the calls on its path, and the last entity's
 * outcome to RE's {@code ChangeSetProcessed}. Then the original extension's shape ({@link QueueTableWorker}) on the
 * same stack, simulators and latency as the first row's baseline. Prints the figures, where the time goes, and one
 * {@code BENCH|} line per goal. {@code ./bench/end-to-end [--quick]}.
 */
public final class EndToEndBenchmark {

    static final Latencies LATENCIES = new Latencies(Duration.ofMillis(100), Duration.ofMillis(50));
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Arrivals spread over a second, so no periodic work (polls, sweeps) is always met at the same phase. */
    private static final Duration SYSTEM_GAP = Duration.ofSeconds(1);

    private final LocalStack stack;
    private final int postgresPort;
    private final OutcomeClock outcomes;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger round = new AtomicInteger();
    private final Random arrivals = new Random(13);

    private EndToEndBenchmark(LocalStack stack, int postgresPort) {
        this.stack = stack;
        this.postgresPort = postgresPort;
        this.outcomes = new OutcomeClock(stack.kafkaBootstrapServers());
    }

    /** What one change set took; {@code acknowledged} is when the gateway sent the acknowledgement. */
    record Sample(Probe probe, String changeSetId, Instant sent, Instant accepted) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int sequential = quick ? 8 : 40;
        int bursts = quick ? 2 : 10;
        long started = System.nanoTime();
        int postgresPort = freePort();
        var settings = new HashMap<String, Object>(Map.of("logging.level.root", "WARN", "logging.level.com.skylinksync", "WARN"));
        // --budget-floor=N: the shared RE budget's calls per period offered to an idle participant (default 1 per 2 s),
        // to see what a burst's second call waits for (README, "Benchmarks").
        List.of(args).stream().filter(a -> a.startsWith("--budget-floor=")).findFirst().ifPresent(a ->
                settings.put("skylink.retail-express.budget.floor-per-period", a.substring("--budget-floor=".length())));
        Map<String, Object> quiet = Map.copyOf(settings);
        System.out.println("Settings on every service: " + quiet);
        try (LocalStack stack = LocalStack.start(new StackPorts(0, 0, 0, postgresPort, 0, 0, 0), quiet)) {
            System.out.printf("Local stack up in %.1f s (load average %s)%n", (System.nanoTime() - started) / 1e9, loadAverage());
            EndToEndBenchmark benchmark = new EndToEndBenchmark(stack, postgresPort);
            try (benchmark.outcomes) {
                benchmark.run(sequential, bursts);
            }
        }
        System.exit(0); // the services' non-daemon threads must not keep the benchmark alive once the stack is closed
    }

    private void run(int sequential, int bursts) throws Exception {
        // The benchmark sends the EDS PUTs itself, so it knows when each left; the simulator only records changes.
        stack.retailExpress().eds(null);
        stack.retailExpress().latency(InjectedLatency.fixed(LATENCIES.retailExpress()));
        stack.magento().latency(LATENCIES.magento());
        // Warm-up (discarded): creates the entities in Magento and warms the code paths.
        for (int i = 0; i < 3; i++) {
            for (Probe probe : Probe.fixtures()) {
                awaitAcknowledged(send(probe));
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            arrivalGap(SYSTEM_GAP);
            Sample sample = send(Probe.fixtures().get(i % Probe.fixtures().size()));
            awaitAcknowledged(sample);
            samples.add(sample);
        }
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < bursts; b++) {
                arrivalGap(SYSTEM_GAP);
                var sent = Probe.fixtures().stream().map(p -> senders.submit(() -> send(p))).toList();
                for (var future : sent) {
                    Sample sample = future.get();
                    awaitAcknowledged(sample);
                    samples.add(sample);
                }
            }
        }
        EndToEndReport report = EndToEndReport.of(samples, stack.retailExpress().journal(), stack.magento().requests(),
                outcomes, LATENCIES);
        List<Duration> baseline = baseline(Math.max(4, sequential / 2), Math.max(1, bursts / 2));
        report.print(baseline, loadAverage());
    }

    private Sample send(Probe probe) throws IOException, InterruptedException {
        int n = round.incrementAndGet();
        if (probe.customer()) {
            stack.retailExpress().changeCustomer(probe.id(), probe.change(n));
        } else {
            stack.retailExpress().changeProduct(probe.id(), probe.change(n), null);
        }
        String changeSetId = UUID.randomUUID().toString();
        String body = """
                {"Changesets":[{"ChangesetId":"%s","UpdatedEntities":[{"Type":"%s","List":[%d]}]}]}"""
                .formatted(changeSetId, probe.edsType(), probe.id());
        HttpRequest put = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + "/eds/notify?client_id="
                        + stack.clientId() + "&channel_id=" + LocalStack.SALES_CHANNEL))
                .header("x-api-key", LocalStack.EDS_API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant sent = Instant.now();
        int status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
        Instant accepted = Instant.now();
        if (status != 201) {
            throw new IllegalStateException("The gateway answered " + status + " to change set " + changeSetId);
        }
        return new Sample(probe, changeSetId, sent, accepted);
    }

    private void awaitAcknowledged(Sample sample) {
        await("change set " + sample.changeSetId() + " acknowledged").atMost(DEADLINE).pollInterval(Duration.ofMillis(5))
                .until(() -> stack.retailExpress().processedChangeSets().contains(sample.changeSetId())
                        && outcomes.lastOutcome(sample.changeSetId()).isPresent());
    }

    /**
     * The original extension's shape on the same stack: change sets enqueued in a table, one worker polling it every
     * 3 s when empty, one RE call and one Magento write per entity; one at a time, then four at once.
     */
    private List<Duration> baseline(int sequential, int bursts) throws Exception {
        var reTransport = new RetailExpressTransport(new RetailExpressSettings(stack.retailExpress().soapEndpoint(),
                stack.clientId(), stack.retailExpress().username(), stack.retailExpress().password(), null, null, false));
        var magento = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(stack.magento().restBase(), stack.magento().accessToken(), null));
        var magentoCustomers = new MagentoCustomers(magento);
        var magentoCatalog = new MagentoCatalog(magento);
        var customers = new HashMap<Integer, com.skylinksync.magento.customers.MagentoCustomer>();
        var products = new HashMap<Integer, com.skylinksync.magento.catalog.MagentoProduct>();
        for (Probe probe : Probe.fixtures()) {
            if (probe.customer()) {
                customers.put(probe.id(), magentoCustomers.findCustomersByAttribute("skylink_customer_id", probe.key()).getFirst());
            } else {
                products.put(probe.id(), magentoCatalog.findProductsByAttribute("skylink_product_id", probe.key()).getFirst());
            }
        }
        List<Duration> latencies = new ArrayList<>();
        try (var worker = new QueueTableWorker("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + PostgresServer.DATABASE,
                PostgresServer.USER, new RetailExpressCustomers(reTransport), new RetailExpressCatalogue(reTransport),
                magentoCustomers, magentoCatalog, customers, products)) {
            for (int i = 0; i < sequential; i++) {
                arrivalGap(QueueTableWorker.PAUSE_WHEN_EMPTY);
                latencies.add(baselineOne(worker, List.of(Probe.fixtures().get(i % Probe.fixtures().size()))).getFirst());
            }
            for (int b = 0; b < bursts; b++) {
                arrivalGap(QueueTableWorker.PAUSE_WHEN_EMPTY);
                latencies.addAll(baselineOne(worker, Probe.fixtures()));
            }
            if (worker.failure() != null) {
                throw new IllegalStateException("The baseline worker failed", worker.failure());
            }
        }
        return latencies;
    }

    private List<Duration> baselineOne(QueueTableWorker worker, List<Probe> probes) throws Exception {
        List<Instant> enqueued = new ArrayList<>();
        for (Probe probe : probes) {
            int n = round.incrementAndGet();
            if (probe.customer()) {
                stack.retailExpress().changeCustomer(probe.id(), probe.change(n));
            } else {
                stack.retailExpress().changeProduct(probe.id(), probe.change(n), null);
            }
            enqueued.add(Instant.now());
            worker.enqueue(probe, UUID.randomUUID().toString());
        }
        List<Duration> above = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Instant sent = enqueued.get(i);
            PathTiming path = await("baseline write of " + probe.key()).atMost(DEADLINE).pollInterval(Duration.ofMillis(5))
                    .until(() -> PathTiming.of(probe, sent, stack.retailExpress().journal(), stack.magento().requests(),
                            LATENCIES), java.util.Optional::isPresent).orElseThrow();
            above.add(path.aboveLatency(LATENCIES));
        }
        return above;
    }

    /**
     * A random pause of up to {@code spread} before the next change set: EDS sends when RE's data changes, at no
     * particular phase of a consumer's poll or a worker's pause (for the baseline, its 3 s pause-when-empty).
     */
    private void arrivalGap(Duration spread) throws InterruptedException {
        Thread.sleep(arrivals.nextLong(spread.toMillis()));
    }

    static List<JournalEntry> acknowledgements(List<JournalEntry> journal) {
        return journal.stream().filter(e -> e.operation().equals("ChangeSetProcessed")).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
