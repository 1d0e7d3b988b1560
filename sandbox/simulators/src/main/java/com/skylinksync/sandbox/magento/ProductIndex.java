package com.skylinksync.sandbox.magento;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MySQL's indexes over the stored products, so a large catalogue is not scanned per request: the SKU (case
 * insensitive, as MySQL's collation compares it), and every custom attribute's value. Not thread-safe: the
 * {@link ProductStore} that owns it holds its lock.
 */
final class ProductIndex {

    private final Map<String, Long> bySku = new HashMap<>();
    private final Map<String, Map<String, Set<Long>>> byAttribute = new HashMap<>();

    /** Moves a product's entries from what it was ({@code before}, null when new) to what it is. */
    void reindex(ObjectNode before, ObjectNode after) {
        long id = after.get("id").asLong();
        if (before != null) {
            bySku.remove(before.get("sku").asString().toLowerCase(Locale.ROOT));
            ProductNodes.customAttributes(before).forEach((code, value) -> Optional.ofNullable(byAttribute.get(code))
                    .map(values -> values.get(indexed(value))).ifPresent(ids -> ids.remove(id)));
        }
        bySku.put(after.get("sku").asString().toLowerCase(Locale.ROOT), id);
        ProductNodes.customAttributes(after).forEach((code, value) -> byAttribute.computeIfAbsent(code, c -> new HashMap<>())
                .computeIfAbsent(indexed(value), v -> new LinkedHashSet<>()).add(id));
    }

    /** Drops a deleted product's entries. */
    void remove(ObjectNode product) {
        long id = product.get("id").asLong();
        bySku.remove(product.get("sku").asString().toLowerCase(Locale.ROOT));
        ProductNodes.customAttributes(product).forEach((code, value) -> Optional.ofNullable(byAttribute.get(code))
                .map(values -> values.get(indexed(value))).ifPresent(ids -> ids.remove(id)));
    }

    Optional<Long> idOfSku(String sku) {
        return Optional.ofNullable(bySku.get(sku.toLowerCase(Locale.ROOT)));
    }

    /** Whether the attribute is indexed at all (some product has a value for it). */
    boolean indexes(String code) {
        return byAttribute.containsKey(code);
    }

    /** The ids of the products whose attribute {@code code} has this value (case insensitive). */
    Set<Long> idsWith(String code, String value) {
        return byAttribute.getOrDefault(code, Map.of()).getOrDefault(value.toLowerCase(Locale.ROOT), Set.of());
    }

    private static String indexed(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asString().toLowerCase(Locale.ROOT);
    }
}
