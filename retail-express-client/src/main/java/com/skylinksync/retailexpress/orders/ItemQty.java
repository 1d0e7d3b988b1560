package com.skylinksync.retailexpress.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Ordered and fulfilled quantity of an order line. For a sale (ordered ≥ 0) 0 ≤ fulfilled ≤ ordered. A negative
 * ordered quantity is a return (RE accepts negative lines); its bounds mirror a sale's: ordered ≤ fulfilled ≤ 0.
 * The SDK's check let no negative quantity pass at all despite claiming support (reference 5).
 */
public record ItemQty(BigDecimal ordered, BigDecimal fulfilled) {

    public ItemQty {
        Objects.requireNonNull(ordered, "ordered");
        fulfilled = fulfilled == null ? BigDecimal.ZERO : fulfilled;
        boolean valid = ordered.signum() >= 0
                ? fulfilled.signum() >= 0 && fulfilled.compareTo(ordered) <= 0
                : fulfilled.signum() <= 0 && fulfilled.compareTo(ordered) >= 0;
        if (!valid) {
            throw new IllegalArgumentException("Fulfilled quantity " + fulfilled.toPlainString()
                    + " is outside 0.." + ordered.toPlainString());
        }
    }

    public static ItemQty of(int ordered) {
        return new ItemQty(BigDecimal.valueOf(ordered), BigDecimal.ZERO);
    }

    public static ItemQty of(int ordered, int fulfilled) {
        return new ItemQty(BigDecimal.valueOf(ordered), BigDecimal.valueOf(fulfilled));
    }

    public boolean isFulfilled() {
        return fulfilled.abs().compareTo(ordered.abs()) >= 0;
    }

    /** Equal quantities regardless of scale (1 = 1.0). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ItemQty that && ordered.compareTo(that.ordered) == 0
                && fulfilled.compareTo(that.fulfilled) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ordered.stripTrailingZeros(), fulfilled.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return ordered.toPlainString();
    }
}
