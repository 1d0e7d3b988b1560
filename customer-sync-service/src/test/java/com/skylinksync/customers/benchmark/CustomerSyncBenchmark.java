package com.skylinksync.customers.benchmark;

import com.skylinksync.customers.CustomerSyncApplication;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
 * Syncs N customers (default 10,000) RE → Magento through both simulators, a real broker and a real PostgreSQL, with
 * every RE call taking ~100 ms (added in the client's {@link CallPermits} hook: the RE simulator cannot inject latency
 * yet), then a baseline run with concurrency 1 and batch size 1 on a smaller sample. Only with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CustomerSyncBenchmark {

    private static final Duration RE_LATENCY = Duration.ofMillis(100);

    @Test
    void syncsCustomersConcurrentlyAndAgainstABaselineOfOne() throws Exception {
        int customers = Integer.getInteger("benchmark.customers", 10_000);
        int baselineCustomers = Integer.getInteger("benchmark.baseline-customers", 300);
        try (var kafka = KafkaBroker.start(12); var postgres = PostgresServer.start(0, null);
             var retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0))) {
            // Seeding 10,300 customers is set-up, not the measured sync: it runs without RE's 25/s budget.
            retailExpress.budget(SimulatedBudget.unlimited());
            var client = new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                    retailExpress.soapEndpoint(), retailExpress.clientId(), retailExpress.username(),
                    retailExpress.password(), null, null, false)));
            List<Integer> ids = seed(client, customers + baselineCustomers);
            Result fast = run("fast", kafka, postgres, retailExpress, ids.subList(0, customers), 16, 50);
            Result slow = run("baseline", kafka, postgres, retailExpress, ids.subList(customers, ids.size()), 1, 1);
            System.out.printf("%nBENCHMARK customers RE->Magento, RE latency %d ms per call%n", RE_LATENCY.toMillis());
            System.out.println(fast);
            System.out.println(slow);
            System.out.printf("speed-up: %.1fx customers/s over concurrency 1%n%n", fast.perSecond() / slow.perSecond());
        }
    }

    record Result(String name, int customers, int concurrency, int batchSize, Duration took, long reCalls) {
        double perSecond() {
            return customers * 1000.0 / took.toMillis();
        }

        @Override
        public String toString() {
            return String.format("%-8s %6d customers, concurrency %2d, batch %2d: %6.1f s, %7.1f customers/s, %.3f RE calls/customer",
                    name, customers, concurrency, batchSize, took.toMillis() / 1000.0, perSecond(), (double) reCalls / customers);
        }
    }

    private static List<Integer> seed(RetailExpressCustomers client, int count) throws Exception {
        try (var pool = Executors.newFixedThreadPool(32)) {
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> client.createOrUpdateCustomer(new CustomerUpdate(null, "bench-pw",
                        "bench-" + n + "@example.com", new Contact("Bench", "Customer" + n, "",
                        new Address(n + " Queen St", "", "Brisbane", "QLD", "4000", "AU"), "0730000000", ""),
                        Contact.EMPTY, n % 2 == 0))));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> id : created) {
                ids.add(id.get());
            }
            return ids;
        }
    }

    private static Result run(String name, KafkaBroker kafka, PostgresServer postgres, RetailExpressSimulator retailExpress,
                              List<Integer> ids, int concurrency, int batchSize) throws Exception {
        String topic = "bench." + name + ".customers";
        try (var admin = Admin.create(props(kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
        }
        var producerProps = props(kafka);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerProps, new StringSerializer(), new AvroEventSerializer())) {
            for (int id : ids) {
                producer.send(new ProducerRecord<>(topic, String.valueOf(id), EntityChanged.newBuilder()
                        .setChangeSetId(name).setOrigin(Origin.BULK).setClientId(retailExpress.clientId().toString())
                        .setSalesChannelId(1).setEntityType(EntityType.CUSTOMER).setEntityId(String.valueOf(id))
                        .setAttributeCode(null).setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString()).build()));
            }
            producer.flush();
        }
        var consumerProps = props(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + name);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long callsBefore = retailExpress.calls().size();
        CallPermits latency = new CallPermits() {
            @Override
            public void acquire(String operation) {
                try {
                    Thread.sleep(RE_LATENCY); // the simulated round trip to Retail Express
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void throttled(String operation) {
            }
        };
        try (var magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
             var completions = new KafkaConsumer<String, SpecificRecord>(consumerProps, new StringDeserializer(), new AvroEventDeserializer())) {
            completions.subscribe(List.of(Topics.COMPLETIONS));
            long started = System.nanoTime();
            ConfigurableApplicationContext service = CustomerSyncApplication.builder()
                    .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkLatency", latency))
                    .run("--server.port=0", "--logging.level.com.skylinksync=WARN",
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--spring.kafka.consumer.group-id=bench-service-" + name,
                            "--spring.r2dbc.url=" + postgres.r2dbcUrl("bench_" + name),
                            "--spring.r2dbc.username=" + PostgresServer.USER, "--spring.r2dbc.password=postgres",
                            "--spring.flyway.url=" + postgres.jdbcUrl(), "--spring.flyway.schemas=bench_" + name,
                            "--skylink.sync.topics=" + topic, "--skylink.sync.concurrency=" + concurrency,
                            "--skylink.sync.batch-size=" + batchSize,
                            "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                            "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                            "--skylink.retail-express.username=" + retailExpress.username(),
                            "--skylink.retail-express.password=" + retailExpress.password(),
                            "--skylink.magento.base-url=" + magento.restBase(),
                            "--skylink.magento.access-token=" + magento.accessToken());
            try (service) {
                Set<String> done = new HashSet<>();
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                while (done.size() < ids.size() && System.nanoTime() < deadline) {
                    completions.poll(Duration.ofMillis(200)).forEach(r -> {
                        EntitySynced synced = (EntitySynced) r.value();
                        if (name.equals(synced.getChangeSetId()) && synced.getOutcome() == Outcome.SYNCED) {
                            done.add(synced.getEntityId());
                        }
                    });
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (done.size() < ids.size()) {
                    throw new AssertionError(name + ": only " + done.size() + " of " + ids.size() + " synced in time");
                }
                if (magento.customers().size() < ids.size()) {
                    throw new AssertionError(name + ": Magento holds " + magento.customers().size() + " customers");
                }
                long reCalls = retailExpress.calls().size() - callsBefore;
                return new Result(name, ids.size(), concurrency, batchSize, took, reCalls);
            }
        }
    }

    private static Properties props(KafkaBroker kafka) {
        var properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        return properties;
    }
}
