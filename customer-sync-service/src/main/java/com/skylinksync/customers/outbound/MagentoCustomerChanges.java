package com.skylinksync.customers.outbound;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.UpdatedAtCursor;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The source side of the push: Magento customers changed since the cursor ({@link UpdatedAtChanges} over
 * {@code GET /V1/customers/search}, the cursor an {@link UpdatedAtCursor}), as {@code MAGENTO_CUSTOMER} changes with
 * the customer as read (JSON) as their snapshot. The runtime publishes them to {@code skylink.magento.customers}
 * and {@link MagentoCustomerPush} pushes each, in order per customer. A customer's version at its second is its id
 * and a short hash of what was read: two saves within one second share an {@code updated_at}, and the second must
 * still be published.
 */
@Component
@ConditionalOnProperty(name = "skylink.customers.push.enabled", havingValue = "true", matchIfMissing = true)
class MagentoCustomerChanges implements ChangeSource {

    private final CustomerPushProperties properties;
    private final CustomerSnapshots snapshots;
    private final UpdatedAtChanges<MagentoCustomer> changes;
    private final Clock clock;

    MagentoCustomerChanges(MagentoCustomers magento, CustomerPushProperties properties, CustomerSnapshots snapshots) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.changes = new UpdatedAtChanges<>(magento::searchCustomers, MagentoCustomer::id, MagentoCustomer::updatedAt,
                c -> c.id() + ":" + ContentHash.of(snapshots.write(c)).substring(0, 12));
        this.clock = Clock.systemUTC();
    }

    @Override
    public String name() {
        return "magento-customers";
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_CUSTOMER;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(properties.interval(), properties.lease());
    }

    @Override
    public String initialCursor() {
        return properties.startFrom() != null ? properties.startFrom() : UpdatedAtCursor.at(clock.instant());
    }

    @Override
    public Batch poll(String cursor) {
        var advance = changes.since(cursor, properties.pageSize());
        List<Change> found = advance.fresh().stream()
                .map(c -> new Change(Long.toString(c.id()), c.updatedAt(), snapshots.write(c))).toList();
        return new Batch(found, advance.next().render(), false);
    }
}
