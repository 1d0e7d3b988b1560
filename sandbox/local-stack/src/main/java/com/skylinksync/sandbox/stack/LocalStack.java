package com.skylinksync.sandbox.stack;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.customers.CustomerSyncApplication;
import com.skylinksync.fulfillment.FulfillmentSyncApplication;
import com.skylinksync.gateway.EdsGatewayApplication;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.EdsTarget;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine with no Docker: a real KRaft broker, a real PostgreSQL, the Retail Express and
 * Magento simulators, the EDS gateway and the customer, catalog and fulfillment sync services, wired together. State lives only as long as
 * the stack (the broker's and the database's data are throwaway), so every start is a clean, consistent one.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** The EDS key the local gateway accepts; a sandbox value, not a secret. */
    public static final String EDS_API_KEY = "local-eds-key";
    /** The local stack's operator API credentials (Authorization: Bearer ...): the operator and the read-only role. */
    public static final String OPERATOR_TOKEN = "local-operator-token";
    public static final String READ_ONLY_TOKEN = "local-read-only-token";
    public static final int SALES_CHANNEL = 1;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final RetailExpressSimulator retailExpress;
    private final MagentoSimulator magento;
    private final ConfigurableApplicationContext gateway;
    private final ConfigurableApplicationContext customerSync;
    private final ConfigurableApplicationContext catalogSync;
    private final ConfigurableApplicationContext fulfillmentSync;
    private final String kafkaBootstrap;
    private final String postgresJdbcUrl;
    private final Map<String, Object> everyService;

    private LocalStack(StackPorts requested, CatalogueSpec store, Map<String, ?> everyService) {
        this.everyService = Map.copyOf(everyService);
        // The gateway is told where the sync services are before they start: a port left to chance is chosen now.
        StackPorts ports = new StackPorts(requested.gateway(), requested.magento(), requested.retailExpress(), requested.postgres(),
                chosen(requested.customerSync()), chosen(requested.catalogSync()), chosen(requested.fulfillmentSync()));
        try {
            // The broker, the database and the simulators need nothing from each other: started side by side, the
            // database's own processes (initdb, postgres) and the broker's threads overlap the simulators' set-up.
            var kafkaStarting = starting(() -> KafkaBroker.start(12));
            var postgresStarting = starting(() -> PostgresServer.start(ports.postgres(), null));
            var retailExpressStarting = starting(() -> RetailExpressSimulator.start(
                    RetailExpressSimulator.Options.defaults().withPort(ports.retailExpress()), store));
            var magentoStarting = starting(() -> MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(ports.magento())));
            KafkaBroker kafka = started(kafkaStarting);
            PostgresServer postgres = started(postgresStarting);
            RetailExpressSimulator retailExpressStarted = started(retailExpressStarting);
            MagentoSimulator magentoStarted = started(magentoStarting);
            List.of(kafkaStarting, postgresStarting, retailExpressStarting, magentoStarting).forEach(LocalStack::rethrow);
            kafkaBootstrap = kafka.bootstrapServers();
            postgresJdbcUrl = postgres.jdbcUrl();
            retailExpress = retailExpressStarted;
            magento = magentoStarted;

            // The services start one after the other: in one JVM Spring Boot's logging system is process-wide, and
            // contexts started side by side re-initialise it under each other (logback configuration errors, lost lines).
            gateway = track(run(EdsGatewayApplication.builder(), ports.gateway(), gatewaySettings(postgres, ports)));
            // A change made in the RE simulator (POST /sandbox/products/{id}, /sandbox/customers/{id}) is announced to
            // this gateway as RE's EDS would announce it.
            retailExpress.eds(new EdsTarget(gatewayUri(), EDS_API_KEY, SALES_CHANNEL));
            customerSync = track(run(CustomerSyncApplication.builder(), ports.customerSync(), customerSyncSettings(postgres)));
            catalogSync = track(run(CatalogSyncApplication.builder(), ports.catalogSync(),
                    syncServiceSettings(postgres, "catalog_sync")));
            fulfillmentSync = track(run(FulfillmentSyncApplication.builder(), ports.fulfillmentSync(),
                    fulfillmentSyncSettings(postgres)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(StackPorts ports) {
        return new LocalStack(ports, CatalogueSpec.none(), Map.of());
    }

    /**
     * The stack with {@code everyService} settings on top of what it gives each service, e.g. {@link #jsonLogs()} or
     * {@code management.opentelemetry.tracing.export.otlp.endpoint} (README, "Logs and traces").
     */
    public static LocalStack start(StackPorts ports, Map<String, ?> everyService) {
        return new LocalStack(ports, CatalogueSpec.none(), everyService);
    }

    /**
     * Settings for JSON log lines (Elastic Common Schema) instead of human-readable ones. In one JVM the logging
     * system is shared: the services' lines are told apart by {@code skylink.service} (set around every sync), not by
     * ECS's {@code service.name}, which names the stack.
     */
    public static Map<String, Object> jsonLogs() {
        return Map.of("logging.config", "classpath:logback-json.xml",
                "logging.structured.format.console", "ecs",
                "logging.structured.ecs.service.name", "skylink-local-stack");
    }

    /**
     * With a generated store in the RE simulator besides the reference fixtures (its seeded generator: products,
     * customers and RE orders, computed on read, so any size starts at once).
     */
    public static LocalStack start(StackPorts ports, CatalogueSpec store) {
        return new LocalStack(ports, store, Map.of());
    }

    /** A generated store and {@code everyService} settings together. */
    public static LocalStack start(StackPorts ports, CatalogueSpec store, Map<String, ?> everyService) {
        return new LocalStack(ports, store, everyService);
    }

    private static int chosen(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    public URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + port(gateway));
    }

    public URI customerSyncUri() {
        return URI.create("http://127.0.0.1:" + port(customerSync));
    }

    public URI catalogSyncUri() {
        return URI.create("http://127.0.0.1:" + port(catalogSync));
    }

    public URI fulfillmentSyncUri() {
        return URI.create("http://127.0.0.1:" + port(fulfillmentSync));
    }

    public RetailExpressSimulator retailExpress() {
        return retailExpress;
    }

    public MagentoSimulator magento() {
        return magento;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** JDBC URL of the database holding every service's schema (user {@code postgres}, no password). */
    public String postgresJdbcUrl() {
        return postgresJdbcUrl;
    }

    public UUID clientId() {
        return retailExpress.clientId();
    }

    /** Stops everything in reverse order of starting; safe to call twice. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            long stopping = System.nanoTime();
            try {
                component.close();
                log.info("Stopped {} in {} ms", name(component), (System.nanoTime() - stopping) / 1_000_000);
            } catch (Exception e) {
                System.err.println("Stopping " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private Map<String, Object> gatewaySettings(PostgresServer postgres, StackPorts ports) {
        return settings(postgres).gateway(URI.create("http://127.0.0.1:" + ports.customerSync()),
                URI.create("http://127.0.0.1:" + ports.catalogSync()), URI.create("http://127.0.0.1:" + ports.fulfillmentSync()));
    }

    private Map<String, Object> customerSyncSettings(PostgresServer postgres) {
        return settings(postgres).customerSync();
    }

    private Map<String, Object> syncServiceSettings(PostgresServer postgres, String schema) {
        return settings(postgres).syncService(schema);
    }

    private Map<String, Object> fulfillmentSyncSettings(PostgresServer postgres) {
        return settings(postgres).fulfillmentSync();
    }

    private ServiceSettings settings(PostgresServer postgres) {
        return new ServiceSettings(kafkaBootstrap, postgres, retailExpress, magento, everyService);
    }

    /** Command-line arguments outrank each service's own yml, as an operator's overrides would. */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder app, int port, Map<String, Object> settings) {
        List<String> args = new java.util.ArrayList<>();
        args.add("--server.port=" + port);
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        // The stack stops its parts in order (services before the broker and database): no per-context hooks racing it.
        return app.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    private static String name(AutoCloseable component) {
        return component instanceof ConfigurableApplicationContext context
                ? context.getEnvironment().getProperty("spring.application.name", context.getId())
                : component.getClass().getSimpleName();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static <T extends AutoCloseable> CompletableFuture<T> starting(Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, runnable -> Thread.ofPlatform().name("local-stack-start").start(runnable));
    }

    /** The part, tracked for {@link #close()} (whatever else failed to start), or null when it failed itself. */
    private <T extends AutoCloseable> T started(CompletableFuture<T> starting) {
        try {
            return track(starting.join());
        } catch (CompletionException | CancellationException failed) {
            return null;
        }
    }

    private static void rethrow(CompletableFuture<?> starting) {
        try {
            starting.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}
