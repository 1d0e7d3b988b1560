package com.skylinksync.retailexpress.products;

/** A product's quantity at one outlet; written {@code outletId:qty} as in the SDK. */
public record OutletQty(int outletId, int qty) {

    @Override
    public String toString() {
        return outletId + ":" + qty;
    }
}
