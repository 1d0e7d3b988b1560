package com.skylinksync.magento.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Magento product as SkyLink reads and writes it. Every null field is "absent": on a save Magento leaves it as it is
 * (an absent {@code websiteIds} keeps the links, an absent {@code tierPrices} keeps the tier prices). In
 * {@code customAttributes} a code mapped to null is sent as null and so cleared; codes not in the map are left alone.
 *
 * @param visibility 1 Not Visible Individually, 2 Catalog, 3 Search, 4 Catalog, Search
 * @param status     1 enabled, 2 disabled
 */
public record MagentoProduct(Long id, String sku, String name, String typeId, Integer attributeSetId, BigDecimal price,
                             Integer status, Integer visibility, BigDecimal weight, Map<String, String> customAttributes,
                             List<Integer> websiteIds, StockItem stockItem, List<TierPrice> tierPrices,
                             List<ConfigurableOption> configurableOptions, List<Long> configurableLinks) {

    public static final int NOT_VISIBLE_INDIVIDUALLY = 1;
    public static final int VISIBLE_IN_CATALOG = 2;
    public static final int VISIBLE_IN_SEARCH = 3;
    public static final int VISIBLE_IN_CATALOG_AND_SEARCH = 4;

    public MagentoProduct {
        customAttributes = customAttributes == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
        websiteIds = websiteIds == null ? null : List.copyOf(websiteIds);
        tierPrices = tierPrices == null ? null : List.copyOf(tierPrices);
        configurableOptions = configurableOptions == null ? null : List.copyOf(configurableOptions);
        configurableLinks = configurableLinks == null ? null : List.copyOf(configurableLinks);
    }

    /** A custom attribute's value; empty when absent or null. */
    public Optional<String> attribute(String code) {
        return Optional.ofNullable(customAttributes.get(code));
    }

    /** Magento's stock item: {@code qty} and {@code is_in_stock}, and whether Magento manages the product's stock. */
    public record StockItem(BigDecimal qty, Boolean isInStock, Boolean manageStock, Boolean useConfigManageStock) {
    }

    /** One group price: a customer group's price from {@code qty} on, on one website (0: all websites). */
    public record TierPrice(int customerGroupId, BigDecimal qty, BigDecimal value, int websiteId) {
    }

    /** One configurable option: the attribute and the option ids (value indexes) the children use. */
    public record ConfigurableOption(Long id, int attributeId, String label, int position, List<Integer> valueIndexes) {

        public ConfigurableOption {
            valueIndexes = List.copyOf(valueIndexes);
        }
    }
}
