package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A product as the simulated RE database holds it: RE's own element names to text (rendered in insertion order),
 * the sales channels it is on, its price-group prices and its stock per outlet. An outlet without an entry has no
 * quantity at all (not zero), as product 124006 has for outlet 4. {@code channelFields} are what a channel shows
 * differently (RE keeps a web name and price per sales channel): channel id → field → value.
 */
record StoredProduct(int id, Set<Integer> channels, Map<String, String> fields, Map<Integer, String> standardPrices,
                     Map<Integer, String> fixedPrices, Map<Integer, Integer> outletStock,
                     Map<Integer, Map<String, String>> channelFields) {

    StoredProduct(int id, Set<Integer> channels, Map<String, String> fields, Map<Integer, String> standardPrices,
                  Map<Integer, String> fixedPrices, Map<Integer, Integer> outletStock) {
        this(id, channels, fields, standardPrices, fixedPrices, outletStock, Map.of());
    }

    StoredProduct {
        Map<Integer, Map<String, String>> byChannel = new LinkedHashMap<>();
        channelFields.forEach((channel, overrides) -> byChannel.put(channel, Map.copyOf(overrides)));
        channelFields = java.util.Collections.unmodifiableMap(byChannel);
        channels = Set.copyOf(channels);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        standardPrices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(standardPrices));
        fixedPrices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedPrices));
        outletStock = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outletStock));
    }

    /** The fields as {@code channelId} shows them: its own values in place of the product's. */
    Map<String, String> fields(int channelId) {
        Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.putAll(channelFields.getOrDefault(channelId, Map.of()));
        return shown;
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The manufacturer SKU: RE's {@code Code}, shared by every child of a matrix. */
    String code() {
        return field("Code");
    }

    boolean onChannel(int channelId) {
        return channels.contains(channelId);
    }
}
