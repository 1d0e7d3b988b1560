package com.skylinksync.catalog.products;

import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.retailexpress.PriceGroupType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Magento customer group of an RE price group, for tier prices. The customer service's price-group sync names
 * groups {@code "<name> (Standard|Fixed)"} (reference 3.3); a group it has not synced yet is created here with that
 * code (tax class 3), so a product never waits for a price-group event (the original failed with
 * {@code CustomerGroupNotSyncedException}).
 */
@Component
class PriceGroupsInMagento {

    private static final int RETAIL_CUSTOMER_TAX_CLASS = 3;

    private final RetailExpressCatalogue retailExpress;
    private final MagentoCustomers magento;
    private final Map<PriceGroupKey, Integer> linked = new ConcurrentHashMap<>();
    private volatile Map<PriceGroupKey, PriceGroup> priceGroups = Map.of();

    PriceGroupsInMagento(RetailExpressCatalogue retailExpress, MagentoCustomers magento) {
        this.retailExpress = retailExpress;
        this.magento = magento;
    }

    int groupOf(PriceGroupKey key) {
        return linked.computeIfAbsent(key, k -> magento.findOrCreateCustomerGroup(code(priceGroup(k)), RETAIL_CUSTOMER_TAX_CLASS).id());
    }

    private PriceGroup priceGroup(PriceGroupKey key) {
        PriceGroup group = priceGroups.get(key);
        if (group == null) {
            priceGroups = retailExpress.getAllPriceGroups().stream()
                    .collect(Collectors.toUnmodifiableMap(PriceGroup::key, Function.identity(), (a, b) -> a));
            group = priceGroups.get(key);
        }
        if (group == null) {
            throw new PermanentSyncException("PRICE_GROUP_NOT_IN_RETAIL_EXPRESS", "Price group " + key
                    + " of the product's prices does not exist in Retail Express.");
        }
        return group;
    }

    static String code(PriceGroup group) {
        return group.name().strip() + " (" + (group.key().type() == PriceGroupType.STANDARD ? "Standard" : "Fixed") + ")";
    }
}
