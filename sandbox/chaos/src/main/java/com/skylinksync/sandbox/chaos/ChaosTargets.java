package com.skylinksync.sandbox.chaos;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.net.URI;
import java.util.List;

/**
 * What a chaos workload drives and checks: the system as the cluster (separate processes) or any other stack runs
 * it. The simulators live in the harness's JVM, so their journals are read directly; everything else is reached as
 * an outside client would reach it.
 *
 * @param retailExpress   the RE simulator every service calls (its journal: calls, acknowledgements, orders, payments)
 * @param magento         the Magento simulator every service calls
 * @param gateways        every gateway replica's base URI (EDS intake and operator API)
 * @param postgresJdbcUrl JDBC URL of the database holding every service's schema ({@code eds_gateway}, ...)
 * @param kafkaBootstrap  the broker's bootstrap servers
 * @param edsApiKey       the key RE's EDS requests carry ({@code x-api-key})
 * @param operatorToken   the operator API's credential (Authorization: Bearer)
 */
public record ChaosTargets(RetailExpressSimulator retailExpress, MagentoSimulator magento, List<URI> gateways,
                           String postgresJdbcUrl, String kafkaBootstrap, String edsApiKey, String operatorToken) {

    public ChaosTargets {
        gateways = List.copyOf(gateways);
        if (gateways.isEmpty()) {
            throw new IllegalArgumentException("At least one gateway");
        }
    }
}
