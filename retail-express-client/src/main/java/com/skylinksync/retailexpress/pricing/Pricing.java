package com.skylinksync.retailexpress.pricing;

import com.skylinksync.retailexpress.PriceGroupKey;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's prices, all tax-inclusive: the regular price, an optional special price, the tax rate and at most one
 * price per price group (a second price for the same key is refused: reference 5, "one price per key").
 */
public record Pricing(BigDecimal regularPrice, SpecialPrice specialPrice, TaxRate taxRate,
                      Map<PriceGroupKey, BigDecimal> groupPrices) {

    public Pricing {
        Objects.requireNonNull(regularPrice, "regularPrice");
        Objects.requireNonNull(taxRate, "taxRate");
        groupPrices = Collections.unmodifiableMap(new LinkedHashMap<>(groupPrices));
    }

    public Optional<SpecialPrice> special() {
        return Optional.ofNullable(specialPrice);
    }

    public Optional<BigDecimal> groupPrice(PriceGroupKey key) {
        return Optional.ofNullable(groupPrices.get(key));
    }

    /** Collects price-group prices, refusing a second price for a key already priced. */
    public static final class GroupPrices {
        private final Map<PriceGroupKey, BigDecimal> prices = new LinkedHashMap<>();

        public GroupPrices add(PriceGroupKey key, BigDecimal price) {
            if (prices.putIfAbsent(key, price) != null) {
                throw new IllegalArgumentException("A second price for price group " + key);
            }
            return this;
        }

        public Map<PriceGroupKey, BigDecimal> toMap() {
            return Map.copyOf(prices);
        }
    }
}
