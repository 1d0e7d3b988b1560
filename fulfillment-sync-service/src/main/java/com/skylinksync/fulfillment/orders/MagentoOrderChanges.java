package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.ContentHash;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.PolledMagentoChanges;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.schemas.avro.EntityType;
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
class MagentoOrderChanges extends PolledMagentoChanges<MagentoOrder> {

    MagentoOrderChanges(MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        // An order's version is its id and content: its status and comments change under one updated_at second.
        super(settings, snapshots, new UpdatedAtChanges<>(magento::searchOrders, MagentoOrder::id, MagentoOrder::updatedAt,
                        o -> o.id() + ":" + ContentHash.of(snapshots.write(o)).substring(0, 12)),
                o -> Long.toString(o.id()), MagentoOrder::updatedAt);
    }

    @Override
    public String name() {
        return "magento-orders";
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_ORDER;
    }
}
