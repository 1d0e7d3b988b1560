package com.skylinksync.drift;

import java.util.Locale;

/** What a comparison covers: one entity type, or all of them. */
public enum DriftScope {
    PRODUCTS, CUSTOMERS, ORDERS, ALL;

    public boolean covers(DriftScope part) {
        return this == ALL || this == part;
    }

    /** {@code products}, {@code customers}, {@code orders} or {@code all}. */
    public static DriftScope of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            throw new IllegalArgumentException("Unknown drift scope '" + name + "': products, customers, orders or all");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
