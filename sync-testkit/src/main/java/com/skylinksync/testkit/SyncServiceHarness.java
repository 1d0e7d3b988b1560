package com.skylinksync.testkit;

import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The real parts a sync service's tests run against, and the service started on them as in production — its own
 * {@code SpringApplicationBuilder} and yml — with what a test must change: an embedded KRaft broker, an embedded
 * PostgreSQL with a schema of its own, optionally the Retail Express and Magento simulators over HTTP/SOAP, a consumer
 * group of its own, short retry backoffs and few partitions. Every instance started from one harness shares its group
 * and schema, as pods of one service do; each connects to the database under a login of its own, so
 * {@link RunningService#kill()} can cut one pod off the way a dead pod is.
 *
 * <p>Around it: {@link #events()} to publish {@code EntityChanged}, {@link #completions()} to read
 * {@code EntitySynced}, {@link #topics()} to read dead-letter and parked records with their headers.
 */
public final class SyncServiceHarness implements AutoCloseable {

    /** How long a test waits for something the service should do. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The operator credentials every instance accepts on its operator routes ({@code Authorization: Bearer ...}). */
    public static final String OPERATOR_TOKEN = "test-operator-token";
    public static final String READ_ONLY_TOKEN = "test-read-only-token";

    /** Partitions of the topics the service declares (few: tests run on small machines). */
    public static final int PARTITIONS = 3;

    private final Supplier<SpringApplicationBuilder> application;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final RetailExpressSimulator retailExpress;
    private final MagentoSimulator magento;
    private final String schema;
    private final String consumerGroup;
    private final List<String> settings;
    private final EntityEvents events;
    private final Completions completions;
    private final TopicReader topics;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final List<RunningService> services = new ArrayList<>();
    private final AtomicInteger instances = new AtomicInteger();

    private SyncServiceHarness(Builder builder) {
        application = builder.application;
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        schema = builder.schema != null ? builder.schema : "sync_" + run;
        consumerGroup = "test-service-" + run;
        settings = List.copyOf(builder.settings);
        InstanceArguments.check(settings);
        try {
            kafka = builder.kafka != null ? builder.kafka : own(KafkaBroker.start(PARTITIONS));
            postgres = builder.postgres != null ? builder.postgres : own(PostgresServer.start(0, null));
            retailExpress = builder.retailExpress
                    ? own(RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0))) : null;
            if (retailExpress != null) {
                // Not a budget test (those set their own): RE's real 25/s would throttle a test's set-up itself.
                retailExpress.budget(SimulatedBudget.unlimited());
            }
            magento = builder.magento ? own(MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0))) : null;
            String clientId = retailExpress != null ? retailExpress.clientId().toString() : EntityEvents.TEST_CLIENT_ID;
            events = own(new EntityEvents(kafka.bootstrapServers(), clientId));
            completions = own(new Completions(kafka.bootstrapServers(), run));
            topics = own(new TopicReader(kafka.bootstrapServers(), consumerGroup));
        } catch (RuntimeException | Error failure) {
            close();
            throw failure;
        }
    }

    /**
     * A harness for the service that {@code application} builds, e.g. {@code CustomerSyncApplication::builder}
     * (called once per instance started: a builder runs one application).
     */
    public static Builder forService(Supplier<SpringApplicationBuilder> application) {
        return new Builder(application);
    }

    /** Starts an instance of the service with the harness's settings and then {@code overrides} ({@code --name=value}). */
    public RunningService startService(String... overrides) {
        return startService(UnaryOperator.identity(), overrides);
    }

    /**
     * Starts an instance after {@code customise} has had its builder — to register test beans, say:
     * {@code b -> b.initializers(c -> c.getBeanFactory().registerSingleton("fake", fake))}. An override replaces the
     * harness's value of the same option.
     */
    public RunningService startService(UnaryOperator<SpringApplicationBuilder> customise, String... overrides) {
        String name = "pod" + instances.incrementAndGet();
        String login = schema + "_" + name;
        postgres.execute("CREATE ROLE " + login + " LOGIN SUPERUSER");
        String[] arguments = InstanceArguments.merged(InstanceArguments.parts(kafka, consumerGroup, postgres, schema, login,
                retailExpress, magento), settings, List.of(overrides));
        var running = new RunningService(name, customise.apply(application.get()).run(arguments),
                new DatabaseLogin(postgres, login));
        synchronized (services) {
            services.add(running);
        }
        return running;
    }

    public EntityEvents events() {
        return events;
    }

    public Completions completions() {
        return completions;
    }

    public TopicReader topics() {
        return topics;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The Retail Express simulator; only when the harness was built {@link Builder#withRetailExpress()}. */
    public RetailExpressSimulator retailExpress() {
        return Objects.requireNonNull(retailExpress, "This harness runs no Retail Express simulator (withRetailExpress())");
    }

    /** The Magento simulator; only when the harness was built {@link Builder#withMagento()}. */
    public MagentoSimulator magento() {
        return Objects.requireNonNull(magento, "This harness runs no Magento simulator (withMagento())");
    }

    /** Retail Express calls of one operation the simulator received from {@code since} on. */
    public List<RetailExpressSimulator.Call> retailExpressCalls(String operation, Instant since) {
        return retailExpress().calls().stream()
                .filter(call -> call.operation().equals(operation) && !call.at().isBefore(since)).toList();
    }

    /** Magento requests of a method on exactly this path below {@code /rest} (query excluded), e.g. {@code /V1/customers}. */
    public List<MagentoSimulator.Request> magentoRequests(String method, String path) {
        return magento().requests().stream()
                .filter(request -> request.method().equals(method) && request.path().equals("/rest" + path)).toList();
    }

    /** The schema every instance's tables live in (fresh for each harness). */
    public String schema() {
        return schema;
    }

    /** The consumer group every instance consumes in (fresh for each harness). */
    public String consumerGroup() {
        return consumerGroup;
    }

    /** Stops every instance still running, then what the harness started (not what it was given). */
    @Override
    public void close() {
        List<RunningService> running;
        synchronized (services) {
            running = List.copyOf(services);
            services.clear();
        }
        running.forEach(RunningService::close);
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception ignored) {
                // best effort: the rest still has to stop
            }
        }
    }

    private <T extends AutoCloseable> T own(T part) {
        owned.push(part);
        return part;
    }

    /** What a harness runs: given parts are shared (and not closed by it), missing ones are started. */
    public static final class Builder {

        private final Supplier<SpringApplicationBuilder> application;
        private final List<String> settings = new ArrayList<>();
        private KafkaBroker kafka;
        private PostgresServer postgres;
        private boolean retailExpress;
        private boolean magento;
        private String schema;

        private Builder(Supplier<SpringApplicationBuilder> application) {
            this.application = Objects.requireNonNull(application, "application");
        }

        /** Use this broker instead of starting one (it outlives the harness). */
        public Builder kafka(KafkaBroker broker) {
            this.kafka = broker;
            return this;
        }

        /** Use these (shared by test classes: {@link SharedInfrastructure}) instead of starting a broker and a database. */
        public Builder on(SharedInfrastructure.Parts parts) {
            return kafka(parts.kafka()).postgres(parts.postgres());
        }

        /** Use this PostgreSQL instead of starting one (it outlives the harness). */
        public Builder postgres(PostgresServer server) {
            this.postgres = server;
            return this;
        }

        /** Start the Retail Express simulator (unbudgeted) and point the service at it, with its credentials. */
        public Builder withRetailExpress() {
            this.retailExpress = true;
            return this;
        }

        /** Start the Magento simulator and point the service at it, with its token. */
        public Builder withMagento() {
            this.magento = true;
            return this;
        }

        /** The schema to use instead of a fresh one (lower-case letters, digits, underscores). */
        public Builder schema(String name) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("A schema name of lower-case letters, digits and underscores, not '" + name + "'");
            }
            this.schema = name;
            return this;
        }

        /** {@code --name=value} settings of every instance, after the harness's own and before each start's overrides. */
        public Builder settings(String... arguments) {
            settings.addAll(List.of(arguments));
            return this;
        }

        public SyncServiceHarness start() {
            return new SyncServiceHarness(this);
        }
    }
}
