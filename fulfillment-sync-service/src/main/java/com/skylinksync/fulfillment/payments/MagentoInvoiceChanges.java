package com.skylinksync.fulfillment.payments;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import com.skylinksync.magento.UpdatedAtCursor;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final MagentoSales magento;
    private final OrderSettings settings;
    private final Snapshots snapshots;
    private final Clock clock = Clock.systemUTC();

    MagentoInvoiceChanges(MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        this.magento = magento;
        this.settings = settings;
        this.snapshots = snapshots;
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
        return settings.poll().startFrom() != null ? settings.poll().startFrom() : MAGENTO_TIME.format(clock.instant());
    }

    @Override
    public Batch poll(String cursor) {
        UpdatedAtCursor at = UpdatedAtCursor.parse(cursor);
        int pageSize = settings.poll().pageSize();
        List<MagentoInvoice> all = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResult<MagentoInvoice> result = magento.searchInvoices(SearchCriteria.builder()
                    .where(Filter.gteq("updated_at", at.mark()))
                    .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
                    .page(page, pageSize).build());
            result.items().stream().filter(i -> ids.add(i.id())).forEach(all::add);
            if ((long) page * pageSize >= result.totalCount() || result.items().isEmpty()) {
                break;
            }
        }
        // An invoice's version is its id and updated_at: what the push needs (total, date) does not change after.
        var advance = at.advance(all, MagentoInvoice::updatedAt, i -> i.id() + ":" + i.updatedAt().replace(' ', 'T'),
                Comparator.comparing((MagentoInvoice i) -> i.updatedAt() == null ? "" : i.updatedAt()).thenComparing(MagentoInvoice::id));
        List<Change> changes = advance.fresh().stream()
                .map(i -> new Change(Long.toString(i.orderId()), i.updatedAt(), snapshots.write(i))).toList();
        return new Batch(changes, advance.next().render(), false);
    }
}
