package com.skylinksync.gateway.bulk;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The RE orders of Magento's active orders: every order not complete, closed or cancelled whose comments carry the
 * fulfillment service's link ({@value #LINK_PREFIX}{@code <RE order id>}, written by its order push). Read only when
 * the gateway has Magento settings ({@code skylink.magento.base-url}); without them a fulfillments run is refused.
 */
@Component
class LinkedMagentoOrders {

    /** The fulfillment service's link comment (its {@code MagentoOrderPush.LINK_PREFIX}): the one contract between them. */
    static final String LINK_PREFIX = "SkyLink Order ID: #";
    private static final List<String> FINISHED_STATES = List.of("complete", "closed", "canceled");
    private static final int PAGE_SIZE = 100;

    private final Optional<MagentoSales> magento;

    LinkedMagentoOrders(ObjectProvider<MagentoSales> magento) {
        this.magento = Optional.ofNullable(magento.getIfAvailable());
    }

    boolean available() {
        return magento.isPresent();
    }

    /** Paged by {@code entity_id} (keyset, so orders placed meanwhile shift no page); each RE order id once. */
    List<String> retailExpressOrderIds() {
        MagentoSales sales = magento.orElseThrow(() -> new IllegalStateException("skylink.magento.base-url is not set"));
        Set<String> ids = new LinkedHashSet<>();
        long after = 0;
        while (true) {
            List<MagentoOrder> page = sales.searchOrders(SearchCriteria.builder()
                    .where(new SearchCriteria.Filter("state", String.join(",", FINISHED_STATES), SearchCriteria.Condition.NIN))
                    .where(new SearchCriteria.Filter("entity_id", Long.toString(after), SearchCriteria.Condition.GT))
                    .sortBy("entity_id", SearchCriteria.Direction.ASC)
                    .page(1, PAGE_SIZE)
                    .build()).items();
            for (MagentoOrder order : page) {
                order.commentValue(LINK_PREFIX).filter(id -> !id.isBlank()).ifPresent(ids::add);
                after = Math.max(after, order.id());
            }
            if (page.size() < PAGE_SIZE) {
                return new ArrayList<>(ids);
            }
        }
    }
}
