package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.UpdatedAtCursor;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The source side of the order push: Magento orders changed since the cursor ({@code GET /V1/orders} by
 * {@code updated_at}, see {@link UpdatedAtChanges}), as {@code MAGENTO_ORDER} changes keyed by the order's
 * {@code entity_id} with the order as read for snapshot. Invoices travel on the same topic under the same key
 * ({@code MagentoInvoiceChanges}), so an invoice is pushed after its order.
 */
@Component
@ConditionalOnProperty(name = "skylink.orders.poll.enabled", havingValue = "true", matchIfMissing = true)
class MagentoOrderChanges implements ChangeSource {

    private final OrderSettings settings;
    private final Snapshots snapshots;
    private final UpdatedAtChanges<MagentoOrder> changes;
    private final Clock clock = Clock.systemUTC();

    MagentoOrderChanges(MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.changes = new UpdatedAtChanges<>(magento::searchOrders, MagentoOrder::id, MagentoOrder::updatedAt,
                o -> o.id() + ":" + ContentHash.of(snapshots.write(o)).substring(0, 12));
    }

    @Override
    public String name() {
        return "magento-orders";
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_ORDER;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(settings.poll().interval(), settings.poll().lease());
    }

    @Override
    public String initialCursor() {
        return settings.poll().startFrom() != null ? settings.poll().startFrom() : UpdatedAtCursor.at(clock.instant());
    }

    @Override
    public Batch poll(String cursor) {
        var advance = changes.since(cursor, settings.poll().pageSize());
        List<Change> found = advance.fresh().stream()
                .map(o -> new Change(Long.toString(o.id()), o.updatedAt(), snapshots.write(o))).toList();
        return new Batch(found, advance.next().render(), false);
    }
}
