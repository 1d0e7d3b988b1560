package com.skylinksync.sandbox.stack;

import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings the sandbox gives each service (as {@code --key=value} arguments outranking its own yml): where the
 * broker, its database schema, both simulators and the other services are, the shared RE budget, the sandbox
 * credentials. One source for the local stack (every service in one JVM) and the chaos cluster (each its own process).
 *
 * @param kafkaBootstrap the broker's bootstrap servers
 * @param postgres       the database holding every service's schema
 * @param retailExpress  the RE simulator
 * @param magento        the Magento simulator
 * @param everyService   settings added on top for every service (e.g. {@link LocalStack#jsonLogs()})
 */
public record ServiceSettings(String kafkaBootstrap, PostgresServer postgres, RetailExpressSimulator retailExpress,
                              MagentoSimulator magento, Map<String, ?> everyService) {

    public ServiceSettings {
        everyService = Map.copyOf(everyService);
    }

    /** The gateway's, with where each sync service is for inline single syncs. */
    public Map<String, Object> gateway(URI customerSync, URI catalogSync, URI fulfillmentSync) {
        var settings = common();
        settings.put("spring.r2dbc.url", postgres.r2dbcUrl("eds_gateway"));
        settings.put("spring.r2dbc.username", PostgresServer.USER);
        settings.put("spring.r2dbc.password", "");
        settings.put("spring.flyway.url", postgres.jdbcUrl());
        settings.put("spring.flyway.user", PostgresServer.USER);
        settings.put("spring.flyway.password", "");
        settings.put("skylink.gateway.api-keys", LocalStack.EDS_API_KEY);
        settings.put("skylink.gateway.operator-access.operator-tokens", LocalStack.OPERATOR_TOKEN);
        settings.put("skylink.gateway.operator-access.read-only-tokens", LocalStack.READ_ONLY_TOKEN);
        settings.put("skylink.gateway.client-id", retailExpress.clientId());
        settings.put("skylink.gateway.sales-channels", LocalStack.SALES_CHANNEL);
        // Inline single syncs go to the owning service (one pod each here; the group finds the owner in a cluster).
        settings.put("skylink.gateway.sync-services.customer.base-url", customerSync);
        settings.put("skylink.gateway.sync-services.customer.group", "customer-sync-service");
        settings.put("skylink.gateway.sync-services.catalog.base-url", catalogSync);
        settings.put("skylink.gateway.sync-services.catalog.group", "catalog-sync-service");
        settings.put("skylink.gateway.sync-services.fulfillment.base-url", fulfillmentSync);
        settings.put("skylink.gateway.sync-services.fulfillment.group", "fulfillment-sync-service");
        // The gateway reads Magento: drift (skylink drift, /ops/drift) and a fulfillments bulk run (active orders).
        settings.put("skylink.magento.base-url", magento.restBase());
        settings.put("skylink.magento.access-token", magento.accessToken());
        return settings;
    }

    public Map<String, Object> customerSync() {
        return syncService("customer_sync");
    }

    public Map<String, Object> catalogSync() {
        return syncService("catalog_sync");
    }

    public Map<String, Object> fulfillmentSync() {
        var settings = syncService("fulfillment_sync");
        // Sandbox choices: guest orders go on RE customer 300001, check/money order is RE's Cash (1), and the poll
        // reads every order the store has.
        settings.put("skylink.orders.guest-customer-id", 300001);
        settings.put("skylink.orders.payment-methods.checkmo", 1);
        settings.put("skylink.orders.poll.interval", "2s");
        settings.put("skylink.orders.poll.start-from", "1970-01-01 00:00:00");
        return settings;
    }

    /** What every sync service gets, with its entity status store and mapping tables in {@code schema}. */
    public Map<String, Object> syncService(String schema) {
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
        // The services' operator routes take the gateway's operator credentials (the gateway passes the caller's on).
        settings.put("skylink.operator-access.operator-tokens", LocalStack.OPERATOR_TOKEN);
        settings.put("skylink.operator-access.read-only-tokens", LocalStack.READ_ONLY_TOKEN);
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
        settings.putAll(everyService);
        return settings;
    }
}
