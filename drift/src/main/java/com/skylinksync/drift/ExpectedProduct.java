package com.skylinksync.drift;

import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.products.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Magento state the catalog sync writes for one RE product, by the catalog's rules (README "Catalog sync",
 * catalog-sync-service's {@code ProductContent}): global name, price, special price with its dates in the store's time
 * zone (an ended promotion cleared, no end = 2099-01-01), stock (qty clamped at 0), attribute labels, websites of the
 * channels listing it, tier prices per price group per website. Kept in step with {@code ProductContent} by
 * {@code ExpectedProductTest}'s fixtures; that class stays in the service (moving it is a follow-up).
 */
record ExpectedProduct(int id, String sku, String manufacturerSku, String name, BigDecimal weight, BigDecimal price,
                       BigDecimal specialPrice, String specialFrom, String specialTo, boolean manageStock, BigDecimal qty,
                       boolean inStock, int available, int onOrder, Map<String, String> attributeLabels,
                       List<Integer> websiteIds, Map<PriceGroupKey, Map<Integer, BigDecimal>> tierPrices) {

    static final String NO_END = "2099-01-01 00:00:00";
    private static final DateTimeFormatter MAGENTO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code byWebsite}: the product as each of its websites' channels gives it, in channel order. */
    static ExpectedProduct of(Map<Integer, Product> byWebsite, ProductAttributes attributes, DriftProperties properties,
                              Instant now) {
        Product primary = byWebsite.values().iterator().next();
        var special = primary.pricing().special().filter(s -> s.to() == null || s.to().isAfter(now));
        int available = primary.inventory().available() == null ? 0 : primary.inventory().available();
        int onOrder = primary.inventory().onOrder() == null ? 0 : primary.inventory().onOrder();
        int qty = Math.max(properties.qtyOnOrder() ? available + onOrder : available, 0);
        Map<String, String> labels = new LinkedHashMap<>();
        for (AttributeCode code : AttributeCode.values()) {
            String magentoCode = properties.attributes().get(code.code());
            if (magentoCode != null && !magentoCode.isBlank()) {
                labels.put(magentoCode, primary.option(code).map(option -> label(attributes, option)).orElse(null));
            }
        }
        Map<PriceGroupKey, Map<Integer, BigDecimal>> tiers = new LinkedHashMap<>();
        byWebsite.forEach((website, product) -> product.pricing().groupPrices().forEach((key, price) ->
                tiers.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(website, price)));
        return new ExpectedProduct(primary.id(), primary.sku(), primary.manufacturerSku(), primary.name(),
                primary.packageSize().weight(), primary.pricing().regularPrice(),
                special.map(s -> s.price()).orElse(null),
                special.map(s -> s.from() == null ? null : MAGENTO_DATE.format(s.from().atZone(properties.timeZone()))).orElse(null),
                special.map(s -> s.to() == null ? NO_END : MAGENTO_DATE.format(s.to().atZone(properties.timeZone()))).orElse(null),
                primary.inventory().managed(), BigDecimal.valueOf(qty), qty > 0, available, onOrder, labels,
                List.copyOf(byWebsite.keySet()), tiers);
    }

    /** RE's label of a product's option: the attribute list's for a predefined attribute, the value itself for a custom one. */
    private static String label(ProductAttributes attributes, AttributeOption option) {
        if (!option.code().isPredefined()) {
            return option.label();
        }
        return attributes.of(option.code()).stream().filter(o -> o.id().equals(option.id())).map(AttributeOption::label)
                .findFirst().orElse(option.label());
    }
}
