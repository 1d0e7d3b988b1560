package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import com.skylinksync.magento.UpdatedAtCursor;
import com.skylinksync.magento.sales.MagentoOrder;
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
 * The source side of the order push: Magento orders changed since the cursor ({@code GET /V1/orders} by
 * {@code updated_at}, see {@link UpdatedAtCursor}), as {@code MAGENTO_ORDER} changes keyed by the order's
 * {@code entity_id} with the order as read for snapshot. Invoices travel on the same topic under the same key
 * ({@code MagentoInvoiceChanges}), so an invoice is pushed after its order.
 */
@Component
@ConditionalOnProperty(name = "skylink.orders.poll.enabled", havingValue = "true", matchIfMissing = true)
class MagentoOrderChanges implements ChangeSource {

    static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final com.skylinksync.magento.sales.MagentoSales magento;
    private final OrderSettings settings;
    private final Snapshots snapshots;
    private final Clock clock = Clock.systemUTC();

    MagentoOrderChanges(com.skylinksync.magento.sales.MagentoSales magento, OrderSettings settings, Snapshots snapshots) {
        this.magento = magento;
        this.settings = settings;
        this.snapshots = snapshots;
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
        return settings.poll().startFrom() != null ? settings.poll().startFrom() : MAGENTO_TIME.format(clock.instant());
    }

    @Override
    public Batch poll(String cursor) {
        UpdatedAtCursor at = UpdatedAtCursor.parse(cursor);
        int pageSize = settings.poll().pageSize();
        List<MagentoOrder> all = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResult<MagentoOrder> result = magento.searchOrders(SearchCriteria.builder()
                    .where(Filter.gteq("updated_at", at.mark()))
                    .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
                    .page(page, pageSize).build());
            result.items().stream().filter(o -> ids.add(o.id())).forEach(all::add);
            if ((long) page * pageSize >= result.totalCount() || result.items().isEmpty()) {
                break;
            }
        }
        var advance = at.advance(all, MagentoOrder::updatedAt, o -> o.id() + ":" + ContentHash.of(snapshots.write(o)).substring(0, 12),
                Comparator.comparing((MagentoOrder o) -> o.updatedAt() == null ? "" : o.updatedAt()).thenComparing(MagentoOrder::id));
        List<Change> changes = advance.fresh().stream()
                .map(o -> new Change(Long.toString(o.id()), o.updatedAt(), snapshots.write(o))).toList();
        return new Batch(changes, advance.next().render(), false);
    }
}
