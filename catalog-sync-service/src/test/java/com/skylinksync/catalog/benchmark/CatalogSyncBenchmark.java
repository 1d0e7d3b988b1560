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
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
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
 * A bulk sync of a generated catalogue (default 20,000 products, about 30 % of them children of matrices of 2 to 12)
 * through a real broker and PostgreSQL, both simulators, and RE's real budget (25/s, 1,200/min, 30,000/h, 150,000/day,
 * enforced by the simulator and shared by the service's budget), then a second pass over the unchanged catalogue.
 * Only with {@code -Dbenchmark=true}; {@code -Dbenchmark.products=N} for another size.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CatalogSyncBenchmark {

    private static final int BATCH = 50;
    /** The binding RE window for a run of minutes: 1,200 calls a minute. */
    private static final double CALLS_PER_SECOND = 1_200 / 60.0;

    @Test
    void syncsAGeneratedCatalogueUnderRetailExpressBudgetAndThenWritesNothing() throws Exception {
        int products = Integer.getInteger("benchmark.products", 20_000);
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
                    "--skylink.sync.concurrency=16", "--skylink.sync.batch-size=" + BATCH,
                    "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                    "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                    "--skylink.retail-express.username=" + retailExpress.username(),
                    "--skylink.retail-express.password=" + retailExpress.password(),
                    "--skylink.retail-express.budget.enabled=true",
                    "--skylink.magento.base-url=" + magento.restBase(),
                    "--skylink.magento.access-token=" + magento.accessToken());
            try (service; var completions = consumer(kafka)) {
                completions.subscribe(List.of(Topics.COMPLETIONS));
                Pass first = pass("first", ids, kafka, completions, retailExpress, magento);
                Pass second = pass("second", ids, kafka, completions, retailExpress, magento);
                double minimum = products / (double) BATCH / CALLS_PER_SECOND;
                System.out.printf("%nBENCHMARK catalog RE->Magento: %d generated products (%d configurables), batch %d, RE's real budget%n",
                        products, magento.products().stream().filter(p -> p.get("type_id").asString().equals("configurable")).count(), BATCH);
                for (Pass pass : List.of(first, second)) {
                    System.out.printf("BENCHMARK %-6s pass: %6.1f s, %7.1f products/s, %5.2f RE calls per 100 products, "
                                    + "%5.2f Magento writes per product, %.2fx the budget-bound minimum of %.1f s%n",
                            pass.name(), pass.seconds(), products / pass.seconds(), pass.reCalls() * 100.0 / products,
                            pass.magentoWrites() / (double) products, pass.seconds() / minimum, minimum);
                }
                if (second.magentoWrites() != 0) {
                    throw new AssertionError("The second pass wrote " + second.magentoWrites() + " times to Magento");
                }
            }
        }
    }

    record Pass(String name, double seconds, long reCalls, long magentoWrites) {
    }

    private static Pass pass(String name, List<String> ids, KafkaBroker kafka, KafkaConsumer<String, SpecificRecord> completions,
                             RetailExpressSimulator retailExpress, MagentoSimulator magento) throws Exception {
        String changeSet = UUID.randomUUID().toString();
        long reBefore = retailExpress.calls().stream().filter(c -> c.operation().equals("GetProductsByChannel")).count();
        long writesBefore = writes(magento);
        long started = System.nanoTime();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        try (var producer = new KafkaProducer<String, SpecificRecord>(properties, new StringSerializer(), new AvroEventSerializer())) {
            for (String id : ids) {
                sent.add(producer.send(new ProducerRecord<>(Topics.backlog(Topics.PRODUCTS), id, EntityChanged.newBuilder()
                        .setChangeSetId(changeSet).setOrigin(Origin.BULK).setClientId(retailExpress.clientId().toString())
                        .setSalesChannelId(1).setEntityType(EntityType.PRODUCT).setEntityId(id).setAttributeCode(null)
                        .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build())));
            }
        }
        // An event the broker refused would leave the pass waiting for it until the deadline: fail at once instead.
        for (java.util.concurrent.Future<?> send : sent) {
            send.get();
        }
        Set<String> done = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (done.size() < ids.size() && System.nanoTime() < deadline) {
            completions.poll(Duration.ofMillis(200)).forEach(record -> {
                EntitySynced synced = (EntitySynced) record.value();
                if (changeSet.equals(synced.getChangeSetId())) {
                    if (synced.getOutcome() != Outcome.SYNCED && synced.getOutcome() != Outcome.UNCHANGED) {
                        throw new AssertionError(synced.getEntityId() + ": " + synced.getOutcome() + " " + synced.getErrorMessage());
                    }
                    done.add(synced.getEntityId());
                }
            });
        }
        if (done.size() < ids.size()) {
            throw new AssertionError(name + ": only " + done.size() + " of " + ids.size() + " synced in time");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long reCalls = retailExpress.calls().stream().filter(c -> c.operation().equals("GetProductsByChannel")).count() - reBefore;
        return new Pass(name, seconds, reCalls, writes(magento) - writesBefore);
    }

    private static long writes(MagentoSimulator magento) {
        return magento.requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    private static KafkaConsumer<String, SpecificRecord> consumer(KafkaBroker kafka) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-completions");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new AvroEventDeserializer());
    }
}
