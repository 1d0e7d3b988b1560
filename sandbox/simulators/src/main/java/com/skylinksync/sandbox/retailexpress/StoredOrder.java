package com.skylinksync.sandbox.retailexpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as the simulated RE database holds it, in RE's element names: the order fields (rendered in insertion
 * order), its items, payments and fulfilments, each a name → text map. Immutable; {@link #withPayment} copies.
 */
record StoredOrder(String id, Map<String, String> fields, List<Map<String, String>> items,
                   List<Map<String, String>> payments, List<Map<String, String>> fulfillments) {

    StoredOrder {
        fields = frozen(fields);
        items = items.stream().map(StoredOrder::frozen).toList();
        payments = payments.stream().map(StoredOrder::frozen).toList();
        fulfillments = fulfillments.stream().map(StoredOrder::frozen).toList();
    }

    StoredOrder withPayment(Map<String, String> payment) {
        List<Map<String, String>> more = new ArrayList<>(payments);
        more.add(payment);
        return new StoredOrder(id, fields, items, more, fulfillments);
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
