package com.skylinksync.gateway.singlesync;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sync services are, for inline single syncs ({@code skylink sync TYPE ID}, {@code POST /ops/sync/inline}):
 * each type goes to the service that owns it (customer and price-group: customer; attribute and product: catalog;
 * order and fulfillments: fulfillment). A service left unset cannot sync inline (its types answer 503; {@code --queue}
 * still works).
 *
 * @param customer    customer-sync-service
 * @param catalog     catalog-sync-service
 * @param fulfillment fulfillment-sync-service
 * @param timeout     how long the service may take to answer an inline sync (a transient failure still retried after
 *                    it is answered as such, with the status so far)
 */
@ConfigurationProperties("skylink.gateway.sync-services")
public record SyncServicesProperties(Service customer, Service catalog, Service fulfillment, @DefaultValue("60s") Duration timeout) {

    /**
     * @param baseUrl      the service's address (its Kubernetes Service, e.g. {@code http://customer-sync-service:8080})
     * @param group        its consumer group: the gateway sends the sync to the pod that owns the entity's partition
     *                     (Kafka's group description names each member's host), so it runs in that pod's lane for the
     *                     key and never beside the consumer's sync of the same entity
     * @param routeToOwner whether to find that pod (on) or call {@code baseUrl} as it is (off: one pod, or a proxy)
     * @param podPort      the port the pods listen on, when it differs from the Service's ({@code baseUrl}'s) port
     */
    public record Service(URI baseUrl, String group, @DefaultValue("true") boolean routeToOwner, Integer podPort) {
    }
}
