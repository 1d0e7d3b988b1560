package com.skylinksync.retailexpress.orders;

import java.util.Arrays;

/** Order states and RE's V2 labels for them (reference 3.8). Closed orders are written as Cancelled and read back as canceled. */
public enum OrderStatus {
    PENDING("Quote"),
    PENDING_PAYMENT("Awaiting Payment"),
    PROCESSING("Incomplete"),
    COMPLETE("Processed"),
    CANCELED("Cancelled"),
    CLOSED("Cancelled");

    private final String retailExpressLabel;

    OrderStatus(String retailExpressLabel) {
        this.retailExpressLabel = retailExpressLabel;
    }

    public String retailExpressLabel() {
        return retailExpressLabel;
    }

    /** The status of an RE label; the first match, so "Cancelled" is {@link #CANCELED}. */
    public static OrderStatus fromRetailExpress(String label) {
        String value = label == null ? "" : label.strip();
        return Arrays.stream(values()).filter(s -> s.retailExpressLabel.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Invalid V2 Status " + value + "."));
    }
}
