package com.skylinksync.drift.benchmark;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.connector.WorkPriority;
import com.skylinksync.drift.DriftComparison;
import com.skylinksync.drift.DriftCost;
import com.skylinksync.drift.DriftProperties;
import com.skylinksync.drift.DriftReport;
import com.skylinksync.drift.DriftScope;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A full product comparison of a generated catalogue (default 20,000 products, about 30 % matrix children) that the
 * catalog sync has brought into Magento, at the default budget share (0.2 of each RE window), against the RE simulator
 * (which enforces RE's real windows). Prints RE calls per 1,000 products, wall time, and the dry-run's estimate.
 * Only with {@code -Dbenchmark=true}; {@code -Dbenchmark.products=N} for another size.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DriftBenchmark {

    @Test
    void comparesAGeneratedCatalogueAtTheDefaultBudgetShare() throws Exception {
        int products = Integer.getInteger("benchmark.products", 20_000);
        try (var kafka = KafkaBroker.start(12); var postgres = PostgresServer.start(0, null);
             var retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0),
                     new CatalogueSpec(2026, products, 0, 0));
             var magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0))) {
            ConfigurableApplicationContext service = CatalogSyncApplication.builder().run("--server.port=0",
                    "--logging.level.com.skylinksync=WARN",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.r2dbc.url=" + postgres.r2dbcUrl("bench_catalog"),
                    "--spring.r2dbc.username=" + PostgresServer.USER, "--spring.r2dbc.password=postgres",
                    "--spring.flyway.url=" + postgres.jdbcUrl(), "--spring.flyway.schemas=bench_catalog",
                    "--skylink.sync.concurrency=16", "--skylink.sync.batch-size=50",
                    "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                    "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                    "--skylink.retail-express.username=" + retailExpress.username(),
                    "--skylink.retail-express.password=" + retailExpress.password(),
                    "--skylink.retail-express.budget.enabled=true",
                    "--skylink.magento.base-url=" + magento.restBase(),
                    "--skylink.magento.access-token=" + magento.accessToken());
            try (service) {
                RetailExpressTransport re = new RetailExpressTransport(new RetailExpressSettings(retailExpress.soapEndpoint(),
                        retailExpress.clientId(), retailExpress.username(), retailExpress.password(), null, null, false),
                        CallPermits.UNLIMITED);
                List<Integer> ids = new RetailExpressCatalogue(re).getProductIdsByChannel(1);
                long syncStarted = System.nanoTime();
                syncAll(ids.stream().map(String::valueOf).toList(), kafka, retailExpress);
                double syncSeconds = (System.nanoTime() - syncStarted) / 1e9;

                var transport = new MagentoTransport(WebClient.builder(), new MagentoSettings(magento.restBase(),
                        magento.accessToken(), Duration.ofSeconds(30)));
                DriftProperties defaults = new DriftProperties(Map.of(1, "base"), null, null, null, null, null, null, null,
                        null, null, null, null);
                DriftComparison drift = new DriftComparison(new RetailExpressCatalogue(re), new RetailExpressCustomers(re),
                        new RetailExpressSales(re), new MagentoCatalog(transport), new MagentoCustomers(transport),
                        new MagentoSales(transport), new WorkPriority(), defaults, Clock.systemUTC());
                DriftCost cost = drift.estimate(DriftScope.PRODUCTS);
                long reBefore = retailExpress.calls().size();
                long magentoBefore = magento.requests().size();
                long started = System.nanoTime();
                DriftReport report = drift.compare(DriftScope.PRODUCTS);
                double seconds = (System.nanoTime() - started) / 1e9;
                long reCalls = retailExpress.calls().size() - reBefore;
                long magentoCalls = magento.requests().size() - magentoBefore;
                long throttled = retailExpress.calls().stream().skip(reBefore).filter(RetailExpressSimulator.Call::rejected).count();
                System.out.printf("%nBENCHMARK drift products: %d generated products on channel 1 (%d ids), synced into Magento by the"
                                + " catalog sync in %.1f s%n", products, ids.size(), syncSeconds);
                System.out.printf("BENCHMARK comparison: %.1f s wall at budget share %.2f (%d/s, %d/min, %d/h), %d RE calls = %.2f per"
                                + " 1,000 products (%d throttled), %d Magento reads, %d differences, complete %s%n",
                        seconds, defaults.budgetShare(), defaults.perSecond(), defaults.perMinute(), defaults.perHour(), reCalls,
                        reCalls * 1000.0 / ids.size(), throttled, magentoCalls, report.items().size(), report.complete());
                System.out.printf("BENCHMARK dry run said: %d RE calls, %.1f s at the share (%d calls to count)%n",
                        cost.retailExpressCalls(), cost.retailExpressTime().toMillis() / 1000.0, cost.estimateCalls());
                report.counts().forEach((category, count) -> {
                    if (count > 0) {
                        System.out.printf("BENCHMARK   %s: %d%n", category.label(), count);
                    }
                });
                if (!report.items().isEmpty() || !report.complete()) {
                    throw new AssertionError("The synced catalogue drifted: " + report.counts() + " " + report.note());
                }
            }
        }
    }

    private static void syncAll(List<String> ids, KafkaBroker kafka, RetailExpressSimulator retailExpress) {
        String changeSet = UUID.randomUUID().toString();
        Properties producerProperties = new Properties();
        producerProperties.put("bootstrap.servers", kafka.bootstrapServers());
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerProperties, new StringSerializer(), new AvroEventSerializer())) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(Topics.backlog(Topics.PRODUCTS), id, EntityChanged.newBuilder()
                        .setChangeSetId(changeSet).setOrigin(Origin.BULK).setClientId(retailExpress.clientId().toString())
                        .setSalesChannelId(1).setEntityType(EntityType.PRODUCT).setEntityId(id).setAttributeCode(null)
                        .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build()));
            }
        }
        Properties consumerProperties = new Properties();
        consumerProperties.put("bootstrap.servers", kafka.bootstrapServers());
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-completions");
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var completions = new KafkaConsumer<String, SpecificRecord>(consumerProperties, new StringDeserializer(), new AvroEventDeserializer())) {
            completions.subscribe(List.of(Topics.COMPLETIONS));
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
                throw new AssertionError("only " + done.size() + " of " + ids.size() + " synced in time");
            }
        }
    }
}
