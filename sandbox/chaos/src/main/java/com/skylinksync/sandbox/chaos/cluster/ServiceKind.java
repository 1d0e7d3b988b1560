package com.skylinksync.sandbox.chaos.cluster;

import com.skylinksync.catalog.CatalogSyncApplication;
import com.skylinksync.customers.CustomerSyncApplication;
import com.skylinksync.fulfillment.FulfillmentSyncApplication;
import com.skylinksync.gateway.EdsGatewayApplication;

/** The kinds of service process the cluster runs (two replicas of each), named as their Kubernetes Deployments. */
public enum ServiceKind {
    GATEWAY("eds-gateway", EdsGatewayApplication.class),
    CUSTOMER_SYNC("customer-sync-service", CustomerSyncApplication.class),
    CATALOG_SYNC("catalog-sync-service", CatalogSyncApplication.class),
    FULFILLMENT_SYNC("fulfillment-sync-service", FulfillmentSyncApplication.class);

    private final String deployment;
    private final Class<?> mainClass;

    ServiceKind(String deployment, Class<?> mainClass) {
        this.deployment = deployment;
        this.mainClass = mainClass;
    }

    /** The Deployment's name; replica {@code n}'s process is {@code <deployment>-<n>}. */
    public String deployment() {
        return deployment;
    }

    String mainClass() {
        return mainClass.getName();
    }

    String replica(int n) {
        return deployment + "-" + n;
    }
}
