package com.skylinksync.sandbox.stack;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.customers.CustomerSyncApplication;
import com.skylinksync.fulfillment.FulfillmentSyncApplication;
import com.skylinksync.gateway.EdsGatewayApplication;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine with no Docker: a real KRaft broker, a real PostgreSQL, the Retail Express and
 * Magento simulators, the EDS gateway and the customer, catalog and fulfillment sync services, wired together. State lives only as long as
 * the stack (the broker's and the database's data are throwaway), so every start is a clean, consistent one.
 */
public final class LocalStack implements AutoCloseable {

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

    private LocalStack(StackPorts ports) {
        try {
            KafkaBroker kafka = track(KafkaBroker.start(12));
            kafkaBootstrap = kafka.bootstrapServers();
            PostgresServer postgres = track(PostgresServer.start(ports.postgres(), null));
            retailExpress = track(RetailExpressSimulator.start(
                    RetailExpressSimulator.Options.defaults().withPort(ports.retailExpress())));
            magento = track(MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(ports.magento())));

            gateway = track(run(EdsGatewayApplication.builder(), ports.gateway(), gatewaySettings(postgres)));
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
        return new LocalStack(ports);
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

    public UUID clientId() {
        return retailExpress.clientId();
    }

    /** Stops everything in reverse order of starting; safe to call twice. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Stopping " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private Map<String, Object> gatewaySettings(PostgresServer postgres) {
        var settings = common();
        settings.put("spring.r2dbc.url", postgres.r2dbcUrl("eds_gateway"));
        settings.put("spring.r2dbc.username", PostgresServer.USER);
        settings.put("spring.r2dbc.password", "");
        settings.put("spring.flyway.url", postgres.jdbcUrl());
        settings.put("spring.flyway.user", PostgresServer.USER);
        settings.put("spring.flyway.password", "");
        settings.put("skylink.gateway.api-keys", EDS_API_KEY);
        settings.put("skylink.gateway.operator-access.operator-tokens", OPERATOR_TOKEN);
        settings.put("skylink.gateway.operator-access.read-only-tokens", READ_ONLY_TOKEN);
        settings.put("skylink.gateway.client-id", retailExpress.clientId());
        settings.put("skylink.gateway.sales-channels", SALES_CHANNEL);
        // Drift (skylink drift, /ops/drift) reads Magento from the gateway.
        settings.put("skylink.magento.base-url", magento.restBase());
        settings.put("skylink.magento.access-token", magento.accessToken());
        return settings;
    }

    private Map<String, Object> customerSyncSettings(PostgresServer postgres) {
        return syncServiceSettings(postgres, "customer_sync");
    }

    private Map<String, Object> syncServiceSettings(PostgresServer postgres, String schema) {
        var settings = common();
        // Its own schema for its entity status store and mapping tables, as in production; Flyway migrates it over JDBC.
        settings.put("spring.r2dbc.url", postgres.r2dbcUrl(schema));
        settings.put("spring.r2dbc.username", PostgresServer.USER);
        settings.put("spring.r2dbc.password", "");
        settings.put("spring.flyway.url", postgres.jdbcUrl());
        settings.put("spring.flyway.user", PostgresServer.USER);
        settings.put("spring.flyway.password", "");
        settings.put("skylink.magento.base-url", magento.restBase());
        settings.put("skylink.magento.access-token", magento.accessToken());
        return settings;
    }

    private Map<String, Object> fulfillmentSyncSettings(PostgresServer postgres) {
        var settings = customerSyncSettings(postgres);
        settings.put("spring.r2dbc.url", postgres.r2dbcUrl("fulfillment_sync"));
        // Sandbox choices: guest orders go on RE customer 300001, check/money order is RE's Cash (1), and the poll
        // reads every order the store has.
        settings.put("skylink.orders.guest-customer-id", 300001);
        settings.put("skylink.orders.payment-methods.checkmo", 1);
        settings.put("skylink.orders.poll.interval", "2s");
        settings.put("skylink.orders.poll.start-from", "1970-01-01 00:00:00");
        return settings;
    }

    private Map<String, Object> common() {
        var settings = new LinkedHashMap<String, Object>();
        // Boot's [application-name] log label is process-wide: in one JVM it would tag every line with one service.
        settings.put("logging.include-application-name", false);
        settings.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        settings.put("skylink.retail-express.endpoint", retailExpress.soapEndpoint());
        settings.put("skylink.retail-express.client-id", retailExpress.clientId());
        settings.put("skylink.retail-express.username", retailExpress.username());
        settings.put("skylink.retail-express.password", retailExpress.password());
        // As in production: every RE call of every service shares one budget, coordinated over Kafka.
        settings.put("skylink.retail-express.budget.enabled", true);
        return settings;
    }

    /** Command-line arguments outrank each service's own yml, as an operator's overrides would. */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder app, int port, Map<String, Object> settings) {
        List<String> args = new java.util.ArrayList<>();
        args.add("--server.port=" + port);
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        // The stack stops its parts in order (services before the broker and database): no per-context hooks racing it.
        return app.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}
