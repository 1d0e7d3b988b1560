package com.skylinksync.customers.outbound;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The source side of the push: Magento customers changed since the cursor, as {@code MAGENTO_CUSTOMER} changes with
 * the customer as read (JSON) as their snapshot. The runtime publishes them to {@code skylink.magento.customers}
 * and {@link MagentoCustomerPush} pushes each, in order per customer.
 *
 * <p>The cursor is Magento's {@code updated_at} of the newest customer published plus the versions published at that
 * very second ({@code 2026-12-01 08:00:05|17:3fa2c81b90de,18:...}): Magento's timestamps have whole seconds, so the
 * poll asks with gteq (a strictly-greater poll would miss a customer saved later in the same second) and leaves out
 * what it already published at the cursor's second.
 */
@Component
@ConditionalOnProperty(name = "skylink.customers.push.enabled", havingValue = "true", matchIfMissing = true)
class MagentoCustomerChanges implements ChangeSource {

    private final MagentoCustomers magento;
    private final CustomerPushProperties properties;
    private final CustomerSnapshots snapshots;
    private final Clock clock;

    MagentoCustomerChanges(MagentoCustomers magento, CustomerPushProperties properties, CustomerSnapshots snapshots) {
        this.magento = magento;
        this.properties = properties;
        this.snapshots = snapshots;
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
        return properties.startFrom() != null ? properties.startFrom()
                : CustomerSnapshots.MAGENTO_TIME.format(clock.instant());
    }

    /**
     * Every page of customers changed at or after the cursor's second, in {@code (updated_at, id)} order, less the
     * versions already published at that second; pages until Magento's {@code total_count} is read.
     */
    @Override
    public Batch poll(String cursor) {
        String mark = markOf(cursor);
        Set<String> published = publishedAt(cursor);
        List<MagentoCustomer> all = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResult<MagentoCustomer> result = magento.searchCustomers(SearchCriteria.builder()
                    .where(Filter.gteq("updated_at", mark))
                    .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
                    .page(page, properties.pageSize()).build());
            result.items().stream().filter(c -> ids.add(c.id())).forEach(all::add);
            if ((long) page * properties.pageSize() >= result.totalCount() || result.items().isEmpty()) {
                break;
            }
        }
        all.sort(Comparator.comparing((MagentoCustomer c) -> c.updatedAt() == null ? "" : c.updatedAt())
                .thenComparing(MagentoCustomer::id));
        List<Change> changes = new ArrayList<>();
        String newest = mark;
        Set<String> atNewest = new LinkedHashSet<>(published);
        for (MagentoCustomer customer : all) {
            String snapshot = snapshots.write(customer);
            String version = version(customer, snapshot);
            if (mark.equals(customer.updatedAt()) && published.contains(version)) {
                continue; // this very version went out in an earlier poll
            }
            changes.add(new Change(Long.toString(customer.id()), customer.updatedAt(), snapshot));
            if (customer.updatedAt() != null && customer.updatedAt().compareTo(newest) > 0) {
                newest = customer.updatedAt();
                atNewest.clear();
            }
            if (newest.equals(customer.updatedAt())) {
                atNewest.add(version);
            }
        }
        return new Batch(changes, atNewest.isEmpty() ? newest : newest + "|" + String.join(",", atNewest), false);
    }

    /**
     * A customer's version at its second: its id and a short hash of what was read. Two saves within one second
     * share an {@code updated_at}, and the second must still be published.
     */
    private static String version(MagentoCustomer customer, String snapshot) {
        return customer.id() + ":" + ContentHash.of(snapshot).substring(0, 12);
    }

    private static String markOf(String cursor) {
        int bar = cursor.indexOf('|');
        return bar < 0 ? cursor : cursor.substring(0, bar);
    }

    private static Set<String> publishedAt(String cursor) {
        int bar = cursor.indexOf('|');
        Set<String> versions = new HashSet<>();
        if (bar >= 0) {
            for (String version : cursor.substring(bar + 1).split(",")) {
                if (!version.isBlank()) {
                    versions.add(version.strip());
                }
            }
        }
        return versions;
    }
}
