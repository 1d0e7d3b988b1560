package com.skylinksync.retailexpress.orders;

/**
 * How an order reaches the customer. RE takes one method per order, written on every item; cash-and-carry is an
 * empty {@code DeliveryMethod} element and is the only one that fulfils itself.
 */
public enum DeliveryMethod {
    HOME("home"), WAREHOUSE("warehouse"), STORE("store"), CASH_CARRY("");

    private final String wireValue;

    DeliveryMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** Collected later from an outlet: the only methods that may name a fulfilment outlet. */
    public boolean isPickupLater() {
        return this == WAREHOUSE || this == STORE;
    }
}
