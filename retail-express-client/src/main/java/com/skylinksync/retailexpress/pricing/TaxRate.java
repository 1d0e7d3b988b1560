package com.skylinksync.retailexpress.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tax rate as a fraction in [0, 1), e.g. 0.1 for Australian GST. RE sends either a fraction or {@code N%}; a bare
 * {@code 10} is refused rather than guessed at (reference 5), because reading it as 1000 % or 10 % would both be wrong
 * for somebody. RE prices are tax-inclusive.
 */
public record TaxRate(BigDecimal rate) {

    public static final TaxRate NONE = new TaxRate(BigDecimal.ZERO);

    public TaxRate {
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("A tax rate must be a fraction in [0, 1), got " + rate.toPlainString());
        }
        rate = rate.stripTrailingZeros();
    }

    /** {@code "0.1"} or {@code "10%"} → 0.1. */
    public static TaxRate parse(String text) {
        String value = Objects.requireNonNull(text, "text").strip();
        try {
            if (value.endsWith("%")) {
                return new TaxRate(new BigDecimal(value.substring(0, value.length() - 1).strip()).movePointLeft(2));
            }
            return new TaxRate(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a tax rate: '" + value + "'", e);
        }
    }

    public boolean isTaxable() {
        return rate.signum() > 0;
    }

    /** The price without tax, from RE's tax-inclusive price: price / (1 + rate), to 4 decimal places. */
    public BigDecimal excludingTax(BigDecimal inclusivePrice) {
        return inclusivePrice.divide(BigDecimal.ONE.add(rate), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return rate.toPlainString();
    }
}
