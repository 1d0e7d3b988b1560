package com.skylinksync.customers.pricegroups;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomerGroup;
import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.retailexpress.PriceGroupType;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.connector.PermanentSyncException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * RE price group ↔ Magento customer group (reference 3.3). The link is the group code {@code "<name> (Standard|Fixed)"},
 * so it can be rebuilt from Magento alone; resolved links are cached per process. A group missing in Magento is
 * synced on the spot, so a customer never waits for a price-group event (the original failed with
 * {@code CustomerGroupNotSyncedException}).
 */
@Component
public class CustomerGroups {

    private final RetailExpressCatalogue retailExpress;
    private final MagentoCustomers magento;
    private final PriceGroupProperties properties;
    private final Map<PriceGroupKey, Integer> linked = new ConcurrentHashMap<>();
    private volatile Map<PriceGroupKey, PriceGroup> priceGroups = Map.of();

    CustomerGroups(RetailExpressCatalogue retailExpress, MagentoCustomers magento, PriceGroupProperties properties) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.properties = properties;
    }

    /** The type whose price group decides a customer's Magento group. */
    public PriceGroupType customerType() {
        return properties.customerType();
    }

    /** The Magento group id for a price group, creating the group when Magento has none. */
    public int groupOf(PriceGroupKey key) {
        Integer known = linked.get(key);
        return known != null ? known : sync(key).id();
    }

    /** Creates or updates the customer group of a price group (code and tax class are RE's to decide). */
    MagentoCustomerGroup sync(PriceGroupKey key) {
        PriceGroup group = priceGroup(key);
        String code = code(group);
        if (code.length() > 32) {
            throw new PermanentSyncException("GROUP_CODE_TOO_LONG", "Magento customer group codes are at most 32 characters: '"
                    + code + "' (rename price group " + key + " in Retail Express)");
        }
        Integer known = linked.get(key);
        // A linked group keeps its id when RE renames the price group; otherwise the code finds (or makes) it.
        MagentoCustomerGroup existing = Optional.ofNullable(known).flatMap(magento::getCustomerGroup)
                .orElseGet(() -> magento.findOrCreateCustomerGroup(code, properties.taxClassId()));
        MagentoCustomerGroup wanted = new MagentoCustomerGroup(existing.id(), code, properties.taxClassId());
        MagentoCustomerGroup written = existing.equals(wanted) ? existing : magento.updateCustomerGroup(wanted);
        linked.put(key, written.id());
        return written;
    }

    /** Price groups known to RE with this id, of either type (EDS names price groups by id alone). */
    List<PriceGroupKey> keysWithId(int id) {
        refresh();
        return priceGroups.keySet().stream().filter(k -> k.id() == id).toList();
    }

    private PriceGroup priceGroup(PriceGroupKey key) {
        PriceGroup group = priceGroups.get(key);
        if (group == null) {
            refresh(); // a new price group since the last fetch
            group = priceGroups.get(key);
        }
        if (group == null) {
            throw new PermanentSyncException("PRICE_GROUP_NOT_IN_RETAIL_EXPRESS",
                    "Price group " + key + " does not exist in Retail Express.");
        }
        return group;
    }

    private void refresh() {
        priceGroups = retailExpress.getAllPriceGroups().stream()
                .collect(Collectors.toUnmodifiableMap(PriceGroup::key, Function.identity(), (a, b) -> a));
    }

    static String code(PriceGroup group) {
        String type = group.key().type() == PriceGroupType.STANDARD ? "Standard" : "Fixed";
        return group.name().strip() + " (" + type + ")";
    }
}
