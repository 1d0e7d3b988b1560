package com.skylinksync.catalog.benchmark;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bulk resync of a generated catalogue (default 20,000 products, about 30 % of them children of matrices of 2 to
 * 12) through a real broker and PostgreSQL, both simulators, and RE's real budget (25/s, 1,200/min, 30,000/h,
 * 150,000/day, enforced by the simulator as sliding windows and shared by the service's budget): the bulk backlog
 * published as the gateway's bulk expansion publishes it, consumed by the service, then a second pass over the
 * unchanged catalogue. Beside it, in the same run, the original extension's shape on a sample (batch size 1,
 * concurrency 1: one RE call per product), extrapolated to the catalogue's size.
 *
 * <p>Only with {@code -Dbenchmark=true}; {@code -Dbenchmark.products=N} for another size,
 * {@code -Dbenchmark.concurrency=N} for the service's {@code skylink.sync.concurrency} (default 32),
 * {@code -Dbenchmark.baseline=N} for the baseline's sample (default 1,000; 0 skips it).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CatalogSyncBenchmark {

    private static final int BATCH = 50;
    /** RE's windows as the simulator enforces them: at most {@code limit} calls in any {@code seconds}. */
    private static final long[][] RE_WINDOWS = {{25, 1}, {1_200, 60}, {30_000, 3_600}, {150_000, 86_400}};

    @Test
    void syncsAGeneratedCatalogueUnderRetailExpressBudgetAndThenWritesNothing() throws Exception {
        int products = Integer.getInteger("benchmark.products", 20_000);
        int concurrency = Integer.getInteger("benchmark.concurrency", 32);
        int sample = Math.min(products, Integer.getInteger("benchmark.baseline", 1_000));

        Run baseline = sample == 0 ? null : run(sample, 1, 1, 1);
        Run run = run(products, BATCH, concurrency, 2);
        Pass first = run.passes().getFirst();
        Pass second = run.passes().get(1);

        double minimum = windowsMinimumSeconds(first.reCalls());
        System.out.printf(Locale.ROOT, "%nBENCHMARK catalog RE->Magento: %d generated products (%d configurables), batch %d, "
                        + "concurrency %d, RE's real budget; load average before/after: %s / %s%n",
                products, run.configurables(), BATCH, concurrency, run.loadBefore(), run.loadAfter());
        for (Pass pass : run.passes()) {
            double passMinimum = windowsMinimumSeconds(pass.reCalls());
            System.out.printf(Locale.ROOT, "BENCHMARK %-6s pass: %7.1f s, %7.1f products/s, %d RE calls (%.4f per product, "
                            + "%d throttled), %.3f Magento writes and %.3f reads per product, RE calls from the first to the "
                            + "last %.1f s; the RE windows allow those calls in %.1f s at least: %.2fx that minimum%n",
                    pass.name(), pass.seconds(), products / pass.seconds(), pass.reCalls(),
                    pass.reCalls() / (double) products, pass.throttled(), pass.magentoWrites() / (double) products,
                    pass.magentoReads() / (double) products, pass.reSpanSeconds(), passMinimum,
                    pass.seconds() / passMinimum);
            System.out.printf(Locale.ROOT, "BENCHMARK %-6s pass, where the time goes (sums over concurrent work, s): %s%n",
                    pass.name(), pass.breakdown());
            System.out.printf(Locale.ROOT, "BENCHMARK %-6s pass, Magento requests: %s%n", pass.name(), pass.magentoByRoute());
        }
        String baselineTime = "-";
        String ratio = "-";
        if (baseline != null) {
            Pass sampled = baseline.passes().getFirst();
            double perProduct = sampled.seconds() / sample;
            // At one call a product the RE windows bind long before the sample's pace does: 30,000 calls an hour.
            double baselineCalls = sampled.reCalls() / (double) sample * products;
            double extrapolated = Math.max(perProduct * products, windowsMinimumSeconds(Math.round(baselineCalls)));
            System.out.printf(Locale.ROOT, "BENCHMARK baseline (batch 1, concurrency 1) on %d products: %.1f s, %d RE calls "
                            + "(%.3f per product), %.3f Magento writes per product; extrapolated to %d products: %.0f s "
                            + "(the larger of %.0f s at the sample's pace and %.0f s the RE windows allow %.0f calls)%n",
                    sample, sampled.seconds(), sampled.reCalls(), sampled.reCalls() / (double) sample,
                    sampled.magentoWrites() / (double) sample, products, extrapolated, perProduct * products,
                    windowsMinimumSeconds(Math.round(baselineCalls)), baselineCalls);
            baselineTime = String.format(Locale.ROOT, "%.2f × (extrapolated)", extrapolated / minimum);
            ratio = String.format(Locale.ROOT, "%.3f", (first.seconds() / minimum) / (extrapolated / minimum));
            printRow("RE calls per product", "-", String.format(Locale.ROOT, "%.4f", first.reCalls() / (double) products),
                    String.format(Locale.ROOT, "%.3f", sampled.reCalls() / (double) sample),
                    String.format(Locale.ROOT, "%.3f", (first.reCalls() / (double) products) / (sampled.reCalls() / (double) sample)), "-");
            printRow("Magento writes per product", "-", String.format(Locale.ROOT, "%.3f", first.magentoWrites() / (double) products),
                    String.format(Locale.ROOT, "%.3f", sampled.magentoWrites() / (double) sample),
                    String.format(Locale.ROOT, "%.2f", (first.magentoWrites() / (double) products) / (sampled.magentoWrites() / (double) sample)), "-");
        } else {
            printRow("RE calls per product", "-", String.format(Locale.ROOT, "%.4f", first.reCalls() / (double) products), "-", "-", "-");
            printRow("Magento writes per product", "-", String.format(Locale.ROOT, "%.3f", first.magentoWrites() / (double) products), "-", "-", "-");
        }
        double times = first.seconds() / minimum;
        printRow(String.format(Locale.ROOT, "%,d-product resync, time vs budget-bound minimum", products), "≤ 1.1 ×",
                String.format(Locale.ROOT, "%.2f ×", times),
                baselineTime, ratio, times <= 1.1 ? "yes" : "no");
        printRow("second pass Magento writes", "0", String.valueOf(second.magentoWrites()), "-", "-",
                second.magentoWrites() == 0 ? "yes" : "no");
        if (second.magentoWrites() != 0) {
            throw new AssertionError("The second pass wrote " + second.magentoWrites() + " times to Magento");
        }
    }

    private static void printRow(String measure, String goal, String measured, String baseline, String ratio, String met) {
        System.out.println(String.join("|", "BENCH", "bulk", measure, goal, measured, baseline, ratio, met));
    }

    /**
     * The least time RE's sliding windows allow {@code calls} calls: call {@code k} is admitted at the earliest when
     * no window already holds its limit, i.e. {@code t(k) >= t(k - limit) + length} for every window; the time is
     * that of the last call, the first at 0.
     */
    static double windowsMinimumSeconds(long calls) {
        if (calls <= 0) {
            return 0;
        }
        double[] at = new double[(int) calls];
        for (int k = 0; k < calls; k++) {
            double earliest = k == 0 ? 0 : at[k - 1];
            for (long[] window : RE_WINDOWS) {
                if (k >= window[0]) {
                    earliest = Math.max(earliest, at[k - (int) window[0]] + window[1]);
                }
            }
            at[k] = earliest;
        }
        return at[(int) calls - 1];
    }

    record Pass(String name, double seconds, long reCalls, long throttled, double reSpanSeconds, long magentoWrites,
                long magentoReads, Map<String, Long> magentoByRoute, String breakdown) {
    }

    record Run(List<Pass> passes, long configurables, String loadBefore, String loadAfter) {
    }

    private static Run run(int products, int batch, int concurrency, int passes) throws Exception {
        String loadBefore = loadAverage();
        try (var kafka = KafkaBroker.start(12); var postgres = PostgresServer.start(0, null);
             var retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0),
                     new CatalogueSpec(2026, products, 0, 0));
             var magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0))) {
            List<String> ids = IntStream.range(1_000_000, 1_000_000 + products).mapToObj(String::valueOf).toList();
            ConfigurableApplicationContext service = CatalogSyncApplication.builder().run("--server.port=0",
                    "--logging.level.com.skylinksync=WARN",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.r2dbc.url=" + postgres.r2dbcUrl("bench_catalog"),
                    "--spring.r2dbc.username=" + PostgresServer.USER, "--spring.r2dbc.password=postgres",
                    "--spring.flyway.url=" + postgres.jdbcUrl(), "--spring.flyway.schemas=bench_catalog",
                    // A matrix holds a connection for its lock while its writes need another: more than the groups.
                    "--spring.r2dbc.pool.max-size=" + Math.max(20, concurrency + 8),
                    "--skylink.sync.concurrency=" + concurrency, "--skylink.sync.batch-size=" + batch,
                    "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                    "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                    "--skylink.retail-express.username=" + retailExpress.username(),
                    "--skylink.retail-express.password=" + retailExpress.password(),
                    "--skylink.retail-express.budget.enabled=true",
                    "--skylink.magento.base-url=" + magento.restBase(),
                    "--skylink.magento.access-token=" + magento.accessToken());
            List<Pass> results = new ArrayList<>();
            try (service; var completions = consumer(kafka)) {
                completions.subscribe(List.of(Topics.COMPLETIONS));
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                for (int i = 0; i < passes; i++) {
                    results.add(pass(i == 0 ? "first" : "second", ids, kafka, completions, retailExpress, magento, meters));
                }
            }
            long configurables = magento.products().stream()
                    .filter(p -> p.get("type_id").asString().equals("configurable")).count();
            return new Run(results, configurables, loadBefore, loadAverage());
        }
    }

    private static Pass pass(String name, List<String> ids, KafkaBroker kafka, KafkaConsumer<String, SpecificRecord> completions,
                             RetailExpressSimulator retailExpress, MagentoSimulator magento, MeterRegistry meters)
            throws Exception {
        String changeSet = UUID.randomUUID().toString();
        int reBefore = retailExpress.calls().size();
        int magentoBefore = magento.requests().size();
        Map<String, double[]> timersBefore = timers(meters);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Not idempotent: on a loaded machine the embedded broker's idempotence bookkeeping has refused whole batches
        // (OutOfOrderSequence); one request in flight keeps the order, and a repeated event only coalesces.
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "60000");
        List<Future<?>> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<String, SpecificRecord>(properties, new StringSerializer(), new AvroEventSerializer())) {
            for (String id : ids) {
                sent.add(producer.send(new ProducerRecord<>(Topics.backlog(Topics.PRODUCTS), id, EntityChanged.newBuilder()
                        .setChangeSetId(changeSet).setOrigin(Origin.BULK).setClientId(retailExpress.clientId().toString())
                        .setSalesChannelId(1).setEntityType(EntityType.PRODUCT).setEntityId(id).setAttributeCode(null)
                        .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build())));
            }
        }
        // An event the broker refused would leave the pass waiting for it until the deadline: fail at once instead.
        for (Future<?> send : sent) {
            send.get();
        }
        Set<String> done = new HashSet<>();
        java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (done.size() < ids.size() && System.nanoTime() < deadline) {
            completions.poll(Duration.ofMillis(200)).forEach(record -> {
                EntitySynced synced = (EntitySynced) record.value();
                if (changeSet.equals(synced.getChangeSetId())) {
                    if (synced.getOutcome() == Outcome.FAILED) {
                        retried.incrementAndGet(); // an attempt that failed transiently: retried, reported again
                    } else if (synced.getOutcome() != Outcome.SYNCED && synced.getOutcome() != Outcome.UNCHANGED) {
                        throw new AssertionError(synced.getEntityId() + ": " + synced.getOutcome() + " " + synced.getErrorMessage());
                    } else {
                        done.add(synced.getEntityId());
                    }
                }
            });
        }
        if (done.size() < ids.size()) {
            throw new AssertionError(name + ": only " + done.size() + " of " + ids.size() + " synced in time");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<RetailExpressSimulator.Call> reCalls = retailExpress.calls().subList(reBefore, retailExpress.calls().size())
                .stream().filter(c -> c.operation().equals("GetProductsByChannel")).toList();
        List<RetailExpressSimulator.Call> admitted = reCalls.stream().filter(c -> !c.rejected()).toList();
        double span = admitted.isEmpty() ? 0 : Duration.between(admitted.getFirst().at(), admitted.getLast().at()).toMillis() / 1e3;
        List<MagentoSimulator.Request> requests = magento.requests().subList(magentoBefore, magento.requests().size());
        Map<String, Long> byRoute = new TreeMap<>();
        requests.forEach(r -> byRoute.merge(r.method() + " " + route(r.path()), 1L, Long::sum));
        long writes = requests.stream().filter(r -> !r.method().equals("GET")).count();
        Map<String, double[]> timersAfter = timers(meters);
        StringBuilder breakdown = new StringBuilder();
        timersAfter.forEach((timer, after) -> {
            double[] before = timersBefore.getOrDefault(timer, new double[2]);
            if (after[0] - before[0] > 0) {
                breakdown.append(String.format(Locale.ROOT, "%s %.0f calls %.1f s; ", timer, after[0] - before[0], after[1] - before[1]));
            }
        });
        breakdown.append(String.format(Locale.ROOT, "first RE call %.1f s after the pass started; %d attempts failed and were retried",
                admitted.isEmpty() ? 0 : Duration.between(startedAt, admitted.getFirst().at()).toMillis() / 1e3, retried.get()));
        System.out.printf(Locale.ROOT, "BENCHMARK progress: %s pass of %d products in %.1f s, %d RE calls%n", name, ids.size(),
                seconds, admitted.size());
        return new Pass(name, seconds, admitted.size(), reCalls.size() - admitted.size(), span, writes,
                requests.size() - writes, byRoute, breakdown.toString());
    }

    /** A request's route with SKUs, ids and the query left out. */
    private static String route(String path) {
        String withoutQuery = path.replaceAll("\\?.*", "");
        return withoutQuery.replaceAll("/V1/products/[^/]+", "/V1/products/:sku").replaceAll("/stockItems/\\d+", "/stockItems/:id")
                + (path.contains("skylink_product_id") ? " (by skylink_product_id)" : path.contains("[field]=sku") ? " (by sku)" : "");
    }

    /** The service's timers that tell where a product's time goes: count and total seconds of each. */
    private static Map<String, double[]> timers(MeterRegistry meters) {
        Map<String, double[]> timers = new TreeMap<>();
        for (var meter : meters.getMeters()) {
            if (meter instanceof Timer timer && (meter.getId().getName().startsWith("skylink.magento.calls")
                    || meter.getId().getName().startsWith("skylink.re.calls")
                    || meter.getId().getName().startsWith("skylink.retail-express.call")
                    || meter.getId().getName().startsWith("skylink.catalog"))) {
                String key = meter.getId().getName() + meter.getId().getTags().stream()
                        .filter(t -> List.of("method", "operation", "statement").contains(t.getKey()))
                        .map(t -> "[" + t.getValue() + "]").reduce("", String::concat);
                double[] sum = timers.computeIfAbsent(key, k -> new double[2]);
                sum[0] += timer.count();
                sum[1] += timer.totalTime(TimeUnit.SECONDS);
            }
        }
        return timers;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (Exception unavailable) {
            return "unknown";
        }
    }

    private static KafkaConsumer<String, SpecificRecord> consumer(KafkaBroker kafka) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-completions");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new AvroEventDeserializer());
    }
}
