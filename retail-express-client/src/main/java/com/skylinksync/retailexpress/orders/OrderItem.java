package com.skylinksync.retailexpress.orders;

import com.skylinksync.retailexpress.pricing.TaxRate;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order line as RE holds it. {@code id} is null before RE assigns one. RE's GetOrder does not return the line's
 * tax rate, so read lines carry {@link TaxRate#NONE} (reference 8).
 */
public record OrderItem(Integer id, int productId, ItemQty qty, BigDecimal unitPrice, TaxRate taxRate) {

    public OrderItem {
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitPrice, "unitPrice");
        taxRate = taxRate == null ? TaxRate.NONE : taxRate;
    }

    public BigDecimal total() {
        return qty.ordered().multiply(unitPrice);
    }
}
