package com.skylinksync.sandbox.stack.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One entity a benchmark changes in RE and follows into Magento: its EDS type, its RE id, the RE field changed to
 * give it new content each time (so every round ends in a Magento write, not an "unchanged"), and how to tell the
 * Magento requests that concern it (its RE id appears in the path, query or body: the link attribute or the SKU).
 */
record Probe(String edsType, int id, String field) {

    /** The reference fixtures: customers 300000 and 300001, simple products 124005 and 124006. */
    static List<Probe> fixtures() {
        return List.of(new Probe("Customer", 300000, "BillFirstName"), new Probe("Product", 124005, "DefaultPrice"),
                new Probe("Customer", 300001, "BillFirstName"), new Probe("Product", 124006, "DefaultPrice"));
    }

    boolean customer() {
        return edsType.equals("Customer");
    }

    /** Round {@code n}'s value of the changed field: a new first name, or a new price. */
    Map<String, String> change(int n) {
        return Map.of(field, customer() ? "Bench" + n : String.valueOf(100 + n) + ".00");
    }

    String key() {
        return String.valueOf(id);
    }
}
