package com.skylinksync.retailexpress.products;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Weight and dimensions ({@code Length}, {@code Breadth} → width, {@code Depth} → height), and RE's manual cubic
 * weight when set. Without one the cubic weight is L×W×H×250, the Australian carriers' cubic conversion factor.
 */
public record PackageSize(BigDecimal weight, BigDecimal length, BigDecimal width, BigDecimal height,
                          BigDecimal manualCubicWeight) {

    static final BigDecimal CUBIC_FACTOR = BigDecimal.valueOf(250);

    public PackageSize {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
    }

    public BigDecimal cubicWeight() {
        return manualCubicWeight != null ? manualCubicWeight
                : length.multiply(width).multiply(height).multiply(CUBIC_FACTOR).stripTrailingZeros();
    }
}
