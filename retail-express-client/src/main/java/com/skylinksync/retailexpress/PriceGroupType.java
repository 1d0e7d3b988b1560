package com.skylinksync.retailexpress;

import java.util.Locale;

public enum PriceGroupType {
    STANDARD, FIXED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PriceGroupType fromWire(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "standard" -> STANDARD;
            case "fixed" -> FIXED;
            default -> throw new IllegalArgumentException("Unknown price group type '" + text + "' (expected standard or fixed)");
        };
    }
}
