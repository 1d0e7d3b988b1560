package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A configurable product's options and child links as a save gives them, checked as
 * M/ConfigurableProduct/Model/Plugin/ProductRepositorySave checks them: an option's attribute must be a select, every
 * child must exist and have a value for every option's attribute, and no two children may share a set of values.
 */
final class ConfigurableLinks {

    private final CatalogAttributes attributes;
    private final LongFunction<ObjectNode> products;

    /** {@code products}: a stored product by id, null when there is none. */
    ConfigurableLinks(CatalogAttributes attributes, LongFunction<ObjectNode> products) {
        this.attributes = attributes;
        this.products = products;
    }

    /** Applies the given options and links of product {@code id} (a configurable) to its extension attributes. */
    void apply(ObjectNode extension, JsonNode given, long id) {
        if (given.get("configurable_product_options") instanceof ArrayNode options) {
            ArrayNode stored = JsonNodeFactory.instance.arrayNode();
            int next = 1;
            for (JsonNode option : options) {
                int attributeId = option.path("attribute_id").asInt();
                String code = attributes.codeOf(attributeId).filter(attributes::usesOptions).orElseThrow(() ->
                        MagentoFault.invalidFieldValue("attribute_id", attributeId));
                ObjectNode copy = (ObjectNode) option.deepCopy();
                copy.put("id", id * 100 + next++).put("attribute_id", String.valueOf(attributeId)).put("product_id", id);
                copy.putIfAbsent("label", JsonNodeFactory.instance.stringNode(attributes.label(code)));
                stored.add(copy);
            }
            extension.set("configurable_product_options", stored);
        }
        if (given.get("configurable_product_links") instanceof ArrayNode links) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            new LinkedHashSet<Long>(links.valueStream().map(JsonNode::asLong).toList()).forEach(kept::add);
            extension.set("configurable_product_links", kept);
        }
        extension.putIfAbsent("configurable_product_options", JsonNodeFactory.instance.arrayNode());
        extension.putIfAbsent("configurable_product_links", JsonNodeFactory.instance.arrayNode());
        validate(extension);
    }

    /** Every child has a value for every option's attribute, and no two children share a set of values. */
    void validate(ObjectNode extension) {
        List<String> codes = new ArrayList<>();
        extension.get("configurable_product_options").forEach(option ->
                attributes.codeOf(option.path("attribute_id").asInt()).ifPresent(codes::add));
        Map<String, Long> seen = new HashMap<>();
        for (JsonNode link : extension.get("configurable_product_links")) {
            long childId = link.asLong();
            ObjectNode child = products.apply(childId);
            if (child == null) {
                throw MagentoFault.of(400, "The product that was requested doesn't exist. Verify the product and try again.");
            }
            StringBuilder key = new StringBuilder();
            for (String code : codes) {
                String value = ProductNodes.customAttributes(child).getOrDefault(code, JsonNodeFactory.instance.nullNode()).asString();
                if (value == null || value.isEmpty() || value.equals("null")) {
                    throw MagentoFault.positional(400, "Product with id \"%1\" does not contain required attribute \"%2\".",
                            (int) childId, code);
                }
                key.append(code).append(':').append(value).append(';');
            }
            Long other = seen.putIfAbsent(key.toString(), childId);
            if (other != null) {
                throw MagentoFault.positional(400, "Products \"%1\" and \"%2\" have the same set of attribute values.",
                        (int) childId, other.intValue());
            }
        }
    }
}
