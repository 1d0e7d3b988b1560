package com.skylinksync.retailexpress.products;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stock of a product. {@code available} and {@code onOrder} are null when RE sent none. Outlets RE gave no figure
 * for have no {@link OutletQty} at all: "no quantity" is not "zero" (product 124006 has none for outlet 4).
 */
public record Inventory(boolean managed, Integer available, Integer onOrder, List<OutletQty> outlets) {

    public Inventory {
        if (onOrder != null && onOrder < 0) {
            throw new IllegalArgumentException("Stock on order cannot be negative: " + onOrder);
        }
        List<OutletQty> unique = new ArrayList<>();
        for (OutletQty qty : outlets) {
            if (unique.stream().anyMatch(q -> q.outletId() == qty.outletId())) {
                throw new IllegalArgumentException("Outlet " + qty.outletId() + " has two quantities");
            }
            unique.add(qty);
        }
        outlets = List.copyOf(unique);
    }

    public Optional<OutletQty> atOutlet(int outletId) {
        return outlets.stream().filter(q -> q.outletId() == outletId).findFirst();
    }
}
