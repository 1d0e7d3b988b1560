package com.skylinksync.testkit;

import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line one service instance starts with: where the harness's parts are, then the harness's settings,
 * then the start's overrides. A later value of an option replaces an earlier one (Spring would join two values of one
 * option with a comma).
 */
final class InstanceArguments {

    /** Any password passes: the embedded PostgreSQL trusts local connections; what counts is the login's name. */
    private static final String DATABASE_PASSWORD = "postgres";

    private InstanceArguments() {
    }

    /** Points an instance at the parts: broker and group, its schema under its own login, the simulators that run. */
    static List<String> parts(KafkaBroker kafka, String consumerGroup, PostgresServer postgres, String schema, String login,
                              RetailExpressSimulator retailExpress, MagentoSimulator magento) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + consumerGroup,
                "--spring.r2dbc.url=" + postgres.r2dbcUrl(schema),
                "--spring.r2dbc.username=" + login,
                "--spring.r2dbc.password=" + DATABASE_PASSWORD,
                "--spring.flyway.url=" + postgres.jdbcUrl(),
                "--spring.flyway.user=" + login,
                "--spring.flyway.password=" + DATABASE_PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--skylink.sync.topic-partitions=" + SyncServiceHarness.PARTITIONS,
                // Transient failures are retried in tens of milliseconds, not seconds.
                "--skylink.sync.retry-initial=50ms",
                "--skylink.sync.retry-max=200ms",
                // The service's operator routes need these, as the gateway's do (RunningService sends the operator one).
                "--skylink.operator-access.operator-tokens=" + SyncServiceHarness.OPERATOR_TOKEN,
                "--skylink.operator-access.read-only-tokens=" + SyncServiceHarness.READ_ONLY_TOKEN));
        if (retailExpress != null) {
            arguments.addAll(List.of(
                    "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                    "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                    "--skylink.retail-express.username=" + retailExpress.username(),
                    "--skylink.retail-express.password=" + retailExpress.password()));
        }
        if (magento != null) {
            arguments.addAll(List.of(
                    "--skylink.magento.base-url=" + magento.restBase(),
                    "--skylink.magento.access-token=" + magento.accessToken()));
        }
        return arguments;
    }

    /** The layers merged, each option once, with the value of the last layer that sets it. */
    @SafeVarargs
    static String[] merged(List<String>... layers) {
        Map<String, String> byOption = new LinkedHashMap<>();
        for (List<String> layer : layers) {
            for (String argument : layer) {
                byOption.put(optionOf(argument), argument);
            }
        }
        return byOption.values().toArray(String[]::new);
    }

    static void check(List<String> arguments) {
        arguments.forEach(InstanceArguments::optionOf);
    }

    private static String optionOf(String argument) {
        int equals = argument.indexOf('=');
        if (!argument.startsWith("--") || equals < 0) {
            throw new IllegalArgumentException("Settings are --name=value arguments, not '" + argument + "'");
        }
        return argument.substring(0, equals);
    }
}
