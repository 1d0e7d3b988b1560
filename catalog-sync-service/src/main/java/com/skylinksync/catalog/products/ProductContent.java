package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.products.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What SkyLink writes of one RE product, in the three parts Magento is written in separately, each hashed on its own
 * (reference 3.5): {@link Details} (the product's own fields, attributes, websites), {@link Stock} and {@link Prices}
 * (regular and special price and group prices, per website). Built from the product as each channel's website sees it;
 * the first channel's is the product's global data.
 */
record ProductContent(int productId, Details details, Stock stock, Prices prices) {

    private static final DateTimeFormatter MAGENTO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Reference 3.5: a special price without an end date runs until 2099-01-01. */
    static final String NO_END = "2099-01-01 00:00:00";

    /** {@code websiteNames}: per website, the name where it differs from the global one. */
    record Details(String sku, String manufacturerSku, String name, BigDecimal weight, List<AttributeOption> options,
                   List<Integer> websiteIds, boolean matrixChild, Map<Integer, String> websiteNames) {

        /** What the global save writes: without the other websites' own names. */
        Details global() {
            return new Details(sku, manufacturerSku, name, weight, options, websiteIds, matrixChild, Map.of());
        }
    }

    record Stock(boolean managed, BigDecimal qty, int available, int onOrder) {

        boolean inStock() {
            return qty.signum() > 0;
        }
    }

    /** A price set of one website; {@code specialPrice} null when there is none or it has ended. */
    record WebsitePrices(BigDecimal price, BigDecimal specialPrice, String specialFrom, String specialTo,
                         Map<PriceGroupKey, BigDecimal> groupPrices) {
    }

    /** Global prices (the first website's) and every website's own. */
    record Prices(WebsitePrices global, Map<Integer, WebsitePrices> byWebsite) {

        /** Every website's group prices: the tier prices the global save writes. */
        Map<Integer, Map<PriceGroupKey, BigDecimal>> groupPricesByWebsite() {
            Map<Integer, Map<PriceGroupKey, BigDecimal>> tiers = new LinkedHashMap<>();
            byWebsite.forEach((website, prices) -> tiers.put(website, prices.groupPrices()));
            return tiers;
        }
    }

    /** {@code byWebsite}: the product as each of its websites' channels gives it, in channel order. */
    static ProductContent of(Map<Integer, Product> byWebsite, boolean matrixChild, CatalogProperties properties, Instant now) {
        Product primary = byWebsite.values().iterator().next();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, WebsitePrices> prices = new LinkedHashMap<>();
        byWebsite.forEach((website, product) -> {
            if (!product.name().equals(primary.name())) {
                names.put(website, product.name());
            }
            prices.put(website, prices(product, properties, now));
        });
        Details details = new Details(primary.sku(), primary.manufacturerSku(), primary.name(),
                primary.packageSize().weight(), sortedOptions(primary), List.copyOf(byWebsite.keySet()), matrixChild,
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(names)));
        int available = primary.inventory().available() == null ? 0 : primary.inventory().available();
        int onOrder = primary.inventory().onOrder() == null ? 0 : primary.inventory().onOrder();
        int qty = properties.qtyCalculation() == CatalogProperties.QtyCalculation.AVAILABLE_ON_ORDER ? available + onOrder : available;
        Stock stock = new Stock(primary.inventory().managed(), BigDecimal.valueOf(Math.max(qty, 0)), available, onOrder);
        return new ProductContent(primary.id(), details, stock, new Prices(prices.values().iterator().next(), prices));
    }

    private static List<AttributeOption> sortedOptions(Product product) {
        List<AttributeOption> options = new ArrayList<>();
        for (AttributeCode code : AttributeCode.values()) {
            product.option(code).ifPresent(options::add);
        }
        return List.copyOf(options);
    }

    /**
     * Reference 3.5's special price, with one change: the from date is RE's start (or none), not "now" when the start
     * has passed — the same for Magento, and stable, so an unchanged product hashes the same on every sync.
     */
    private static WebsitePrices prices(Product product, CatalogProperties properties, Instant now) {
        var special = product.pricing().special()
                .filter(s -> s.to() == null || s.to().isAfter(now));
        return new WebsitePrices(product.pricing().regularPrice(),
                special.map(s -> s.price()).orElse(null),
                special.map(s -> s.from() == null ? null : MAGENTO_DATE.format(s.from().atZone(properties.timeZone()))).orElse(null),
                special.map(s -> s.to() == null ? NO_END : MAGENTO_DATE.format(s.to().atZone(properties.timeZone()))).orElse(null),
                new LinkedHashMap<>(product.pricing().groupPrices()));
    }
}
