package com.skylinksync.retailexpress.orders;

import com.skylinksync.retailexpress.pricing.TaxRate;
import java.math.BigDecimal;
import java.util.Objects;

/** A line of an order to create: quantity, tax-inclusive unit price and the tax rate applied. */
public record NewOrderItem(int productId, ItemQty qty, BigDecimal unitPrice, TaxRate taxRate) {

    public NewOrderItem {
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(taxRate, "taxRate");
    }

    public BigDecimal total() {
        return qty.ordered().multiply(unitPrice);
    }
}
