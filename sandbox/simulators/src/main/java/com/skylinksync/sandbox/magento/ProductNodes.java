package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading a stored product's JSON: its custom attributes by code, its website ids. */
final class ProductNodes {

    private ProductNodes() {
    }

    static Map<String, JsonNode> customAttributes(ObjectNode product) {
        Map<String, JsonNode> custom = new LinkedHashMap<>();
        JsonNode list = product.get("custom_attributes");
        if (list != null) {
            list.forEach(entry -> custom.put(entry.get("attribute_code").asString(), entry.get("value")));
        }
        return custom;
    }

    static List<Integer> websiteIds(ObjectNode extension) {
        JsonNode ids = extension == null ? null : extension.get("website_ids");
        return ids == null ? List.of() : ids.valueStream().map(JsonNode::asInt).toList();
    }
}
