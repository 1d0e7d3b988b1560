package com.skylinksync.fulfillment.payments;

import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.PolledMagentoChanges;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.schemas.avro.EntityType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The source side of the payment push: Magento invoices created or changed since the cursor ({@code GET /V1/invoices}
 * by {@code updated_at}), as {@code MAGENTO_INVOICE} changes. The change's entity id is the invoice's <b>order</b> id,
 * not its own: the runtime keys (and so lanes) events by entity id, and an invoice must wait behind its order on
 * {@code skylink.magento.orders}. The invoice itself (its id, total, date) is the snapshot; its status is therefore
 * {@code GET /entities/MAGENTO_INVOICE/<order id>} (the order's latest invoice, target id the RE payment id).
 */
@Component
@ConditionalOnProperty(name = "skylink.orders.poll.enabled", havingValue = "true", matchIfMissing = true)
class MagentoInvoiceChanges extends PolledMagentoChanges<MagentoInvoice> {

    MagentoInvoiceChanges(MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        // An invoice's version is its id and updated_at: what the push needs (total, date) does not change after.
        super(settings, snapshots, new UpdatedAtChanges<>(magento::searchInvoices, MagentoInvoice::id, MagentoInvoice::updatedAt,
                        i -> i.id() + ":" + i.updatedAt().replace(' ', 'T')),
                i -> Long.toString(i.orderId()), MagentoInvoice::updatedAt);
    }

    @Override
    public String name() {
        return "magento-invoices";
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_INVOICE;
    }
}
