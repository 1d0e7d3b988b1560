package com.skylinksync.retailexpress.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A special (promotional) price, valid from/to the given instants when RE gives them (either may be null). */
public record SpecialPrice(BigDecimal price, Instant from, Instant to) {

    public SpecialPrice {
        Objects.requireNonNull(price, "price");
    }
}
