package com.skylinksync.sandbox.magento;

import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A product's extension attributes as a save changes them: its website links (given {@code website_ids} replace them,
 * unknown websites dropped; a new product saved through a store view goes to that store's website, through
 * {@code all} to every website, #11324) and its stock item (given fields merged, the item and product ids kept).
 */
final class ProductExtensions {

    private final StoreDirectory stores;

    ProductExtensions(StoreDirectory stores) {
        this.stores = stores;
    }

    void applyWebsites(ObjectNode extension, JsonNode given, boolean creating, StoreDirectory.StoreView store) {
        if (given.get("website_ids") instanceof ArrayNode ids) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            new LinkedHashSet<Integer>(ids.valueStream().map(JsonNode::asInt).filter(stores::isWebsite).toList())
                    .forEach(kept::add);
            extension.set("website_ids", kept);
        } else if (creating) {
            ArrayNode ids = extension.putArray("website_ids");
            (store == null ? stores.productWebsiteIds() : List.of(store.websiteId())).forEach(ids::add);
        }
    }

    static void applyStock(ObjectNode extension, JsonNode given, long id) {
        ObjectNode stock = extension.has("stock_item") ? (ObjectNode) extension.get("stock_item")
                : JsonNodeFactory.instance.objectNode().put("item_id", id).put("product_id", id).put("stock_id", 1)
                        .put("qty", 0).put("is_in_stock", false).put("manage_stock", true)
                        .put("use_config_manage_stock", true);
        if (given.get("stock_item") instanceof ObjectNode item) {
            item.properties().forEach(entry -> {
                if (!entry.getKey().equals("item_id") && !entry.getKey().equals("product_id")) {
                    stock.set(entry.getKey(), entry.getValue());
                }
            });
        }
        extension.set("stock_item", stock);
    }
}
