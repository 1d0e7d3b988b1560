package com.skylinksync.sandbox.magento;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store-level values a save through {@code /rest/<store>/V1} keeps apart from the global ones (M/Catalog
 * attributes whose scope is not global): name, price, status, visibility and the scoped custom attributes, for that
 * store view — or, for a website-scoped attribute such as the price, for every store view of its website — and the
 * product as a read through a store code sees it. Not thread-safe: the {@link ProductStore} that owns it holds its lock.
 */
final class StoreScopedValues {

    static final Set<String> SCOPED_FIELDS = Set.of("name", "price", "status", "visibility");
    static final Set<String> SCOPED_CUSTOM = Set.of("special_price", "special_from_date", "special_to_date",
            "description", "url_key");

    private final CatalogAttributes attributes;
    private final StoreDirectory stores;
    // product id -> store id -> field -> value (top-level fields and custom attribute codes alike)
    private final Map<Long, Map<Integer, Map<String, JsonNode>>> values = new HashMap<>();

    StoreScopedValues(CatalogAttributes attributes, StoreDirectory stores) {
        this.attributes = attributes;
        this.stores = stores;
    }

    /** Whether a save through a store view keeps this field or custom attribute for the store. */
    static boolean scoped(String field, boolean custom) {
        return custom ? SCOPED_CUSTOM.contains(field) : SCOPED_FIELDS.contains(field);
    }

    void keep(long id, StoreDirectory.StoreView store, Map<String, JsonNode> given) {
        Map<Integer, Map<String, JsonNode>> byStore = values.computeIfAbsent(id, k -> new HashMap<>());
        given.forEach((field, value) -> {
            boolean websiteScope = attributes.exists(field) && attributes.scope(field).equals("website");
            List<StoreDirectory.StoreView> targets = websiteScope ? stores.storesOf(store.websiteId()) : List.of(store);
            targets.forEach(target -> byStore.computeIfAbsent(target.id(), k -> new LinkedHashMap<>()).put(field, value));
        });
    }

    /** The product as a read through {@code store} (null: the default store view) returns it. */
    /** Forgets a deleted product's store-level values. */
    void remove(long id) {
        values.remove(id);
    }

    ObjectNode view(ObjectNode product, StoreDirectory.StoreView store) {
        ObjectNode copy = product.deepCopy();
        int storeId = store == null ? 1 : store.id();
        Map<String, JsonNode> own = values.getOrDefault(product.get("id").asLong(), Map.of()).getOrDefault(storeId, Map.of());
        if (!own.isEmpty()) {
            Map<String, JsonNode> custom = ProductNodes.customAttributes(copy);
            own.forEach((field, value) -> {
                if (SCOPED_FIELDS.contains(field)) {
                    copy.set(field, value);
                } else {
                    custom.put(field, value);
                }
            });
            ArrayNode customList = copy.putArray("custom_attributes");
            custom.forEach((code, value) -> customList.addObject().put("attribute_code", code).set("value", value));
        }
        return copy;
    }
}
