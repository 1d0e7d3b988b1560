package com.skylinksync.sandbox.retailexpress;

import java.util.List;
import java.util.Map;

/**
 * Changes made to the simulated RE data "behind the client's back", as a user of RE's back office would, each
 * followed by the EDS change set RE would send. Customers are changed here; products, orders and other entities are
 * changed by their own stores, which then announce the change through {@link #changed}.
 */
final class EntityChanges {

    private final CustomerStore customers;
    private final ProductCatalogue products;
    private final EdsNotifier eds;

    EntityChanges(CustomerStore customers, ProductCatalogue products, EdsNotifier eds) {
        this.customers = customers;
        this.products = products;
        this.eds = eds;
    }

    /**
     * Overwrites the given {@code <Product>} fields (e.g. {@code DefaultPrice}, {@code PromotionalPrice},
     * {@code StockAvailable}, {@code SizeId}, {@code SKU}; an empty value removes the field) and, when
     * {@code channels} is given, the channels that list the product; then announces the product. A product that does
     * not exist yet is added (with {@code Code} set to a matrix's manufacturer SKU it joins that matrix), on channel 1
     * unless channels are given.
     */
    ChangeSet changeProduct(int productId, Map<String, String> fields, java.util.Set<Integer> channels) {
        StoredProduct current = products.find(productId).orElse(null);
        Map<String, String> changed = new java.util.LinkedHashMap<>(current == null ? Map.of("ProductId",
                String.valueOf(productId)) : current.fields());
        fields.forEach((field, value) -> {
            if (value == null || value.isEmpty()) {
                changed.remove(field);
            } else {
                changed.put(field, value);
            }
        });
        if (current == null && !changed.containsKey("SKU")) {
            throw new IllegalArgumentException("A new product needs at least its SKU");
        }
        products.put(new StoredProduct(productId,
                channels != null ? channels : current == null ? java.util.Set.of(1) : current.channels(), changed,
                current == null ? Map.of() : current.standardPrices(), current == null ? Map.of() : current.fixedPrices(),
                current == null ? Map.of() : current.outletStock(), current == null ? Map.of() : current.channelFields()));
        return changed("Product", List.of(String.valueOf(productId)));
    }

    /**
     * Gives an existing product its own values on one sales channel (e.g. {@code DefaultPrice}, {@code Description}
     * as that channel's web store shows them; an empty value goes back to the product's own), then announces it.
     */
    ChangeSet changeProductOnChannel(int productId, int channelId, Map<String, String> fields) {
        StoredProduct current = products.find(productId)
                .orElseThrow(() -> new IllegalArgumentException("No product " + productId + " in the simulator"));
        Map<Integer, Map<String, String>> byChannel = new java.util.LinkedHashMap<>(current.channelFields());
        Map<String, String> own = new java.util.LinkedHashMap<>(byChannel.getOrDefault(channelId, Map.of()));
        fields.forEach((field, value) -> {
            if (value == null || value.isEmpty()) {
                own.remove(field);
            } else {
                own.put(field, value);
            }
        });
        byChannel.put(channelId, own);
        products.put(new StoredProduct(productId, current.channels(), current.fields(), current.standardPrices(),
                current.fixedPrices(), current.outletStock(), byChannel));
        return changed("Product", List.of(String.valueOf(productId)));
    }

    /** Overwrites the given RE fields (e.g. {@code BillAddress}, {@code BillFirstName}) and announces the customer. */
    ChangeSet changeCustomer(int customerId, Map<String, String> fields) {
        if (customers.update(customerId, fields).isEmpty()) {
            throw new IllegalArgumentException("No customer " + customerId + " in the simulator");
        }
        return changed("Customer", List.of(String.valueOf(customerId)));
    }

    /** Announces that entities of an EDS type ({@code Product}, {@code Order}, ...) changed. */
    ChangeSet changed(String type, List<String> ids) {
        if (type == null || type.isBlank() || ids.isEmpty()) {
            throw new IllegalArgumentException("A change names an EDS type and at least one id");
        }
        return eds.notify(type, ids);
    }
}
