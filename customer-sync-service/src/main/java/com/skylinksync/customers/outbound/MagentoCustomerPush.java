package com.skylinksync.customers.outbound;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.customerlink.CustomerPusher;
import com.skylinksync.customerlink.PushOutcome;
import com.skylinksync.customerlink.PushStalled;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.schemas.avro.EntityType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The outbound connector: each {@code MAGENTO_CUSTOMER} change → {@link CustomerPusher}, in order per customer. A
 * later snapshot of a customer carries everything an earlier one did, so a waiting change is superseded by the next
 * one. The runtime gives it retries (RE unavailable, throttled, the credentials refused: {@link PushStalled}),
 * dead letters (RE refusing the content) and parking (a create of unknown outcome). Metric
 * {@code skylink.customers.push{outcome=created|updated|unchanged|rejected|parked|stalled}}.
 */
@Component
class MagentoCustomerPush implements EntitySyncer {

    private final CustomerPusher pusher;
    private final CustomerSnapshots snapshots;
    private final MeterRegistry registry;

    MagentoCustomerPush(CustomerPusher pusher, CustomerSnapshots snapshots, ObjectProvider<MeterRegistry> registry) {
        this.pusher = pusher;
        this.snapshots = snapshots;
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_CUSTOMER;
    }

    @Override
    public Ordering ordering() {
        return Ordering.inOrder((earlier, later) -> true);
    }

    @Override
    public SyncResult sync(SyncTask task) {
        MagentoCustomer customer = snapshots.read(task.entityId(), task.latest().getSnapshot());
        PushOutcome outcome;
        try {
            outcome = pusher.push(customer);
        } catch (PushStalled stalled) {
            count("stalled");
            throw stalled;
        }
        count(outcome.tag());
        return switch (outcome) {
            case CREATED, UPDATED -> SyncResult.synced(pusher.reCustomerId(customer.id()), null);
            case UNCHANGED -> SyncResult.unchanged(pusher.reCustomerId(customer.id()), null);
            case REJECTED -> throw new PermanentSyncException("RETAIL_EXPRESS_REJECTED", pusher.lastError(customer.id()));
            case PARKED -> throw new UncertainSyncException(pusher.lastError(customer.id()), null);
        };
    }

    private void count(String outcome) {
        Counter.builder("skylink.customers.push").tag("outcome", outcome).register(registry).increment();
    }
}
