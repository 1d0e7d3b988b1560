package com.skylinksync.fulfillment.payments;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.UpdatedAtCursor;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.util.List;
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
class MagentoInvoiceChanges implements ChangeSource {

    private final OrderSettings settings;
    private final Snapshots snapshots;
    private final UpdatedAtChanges<MagentoInvoice> changes;
    private final Clock clock = Clock.systemUTC();

    MagentoInvoiceChanges(MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        this.settings = settings;
        this.snapshots = snapshots;
        // An invoice's version is its id and updated_at: what the push needs (total, date) does not change after.
        this.changes = new UpdatedAtChanges<>(magento::searchInvoices, MagentoInvoice::id, MagentoInvoice::updatedAt,
                i -> i.id() + ":" + i.updatedAt().replace(' ', 'T'));
    }

    @Override
    public String name() {
        return "magento-invoices";
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_INVOICE;
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
                .map(i -> new Change(Long.toString(i.orderId()), i.updatedAt(), snapshots.write(i))).toList();
        return new Batch(found, advance.next().render(), false);
    }
}
