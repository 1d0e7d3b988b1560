package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What ProductRepository::save refuses, with Magento's messages: an empty or too long SKU, an unknown type, a missing
 * or unknown attribute set, an empty required attribute (named by its label), a price that is not a number, and a
 * select value that is not one of the attribute's option ids.
 */
final class ProductRules {

    private static final Set<String> TYPES = Set.of("simple", "virtual", "downloadable", "configurable", "bundle", "grouped");

    private final CatalogAttributes attributes;

    ProductRules(CatalogAttributes attributes) {
        this.attributes = attributes;
    }

    static String requireSku(String sku) {
        if (sku.isEmpty()) {
            throw MagentoFault.of(400, "The \"sku\" attribute value is empty. Set the attribute and try again.");
        }
        if (sku.length() > 64) {
            throw MagentoFault.positional(400, "SKU length should be %1 characters maximum.", 64);
        }
        return sku;
    }

    static String requireType(String type) {
        if (!TYPES.contains(type)) {
            throw MagentoFault.invalidFieldValue("type_id", type);
        }
        return type;
    }

    /** A select attribute's value must be one of its option ids (empty and null clear it). */
    void requireOption(String code, JsonNode value) {
        if (value != null && !value.isNull() && value.isValueNode() && !value.asString().isEmpty()
                && attributes.usesOptions(code) && !attributes.hasOption(code, value.asString())) {
            throw MagentoFault.invalidFieldValue(code, value.asString());
        }
    }

    void validateAttributeSet(ObjectNode given, ObjectNode product, boolean creating) {
        Optional<Long> set = CustomerJson.number(given, "attribute_set_id");
        if (set.isEmpty() && creating) {
            throw MagentoFault.requiredField("attribute_set_id");
        }
        if (set.isPresent()) {
            if (!attributes.isSet(set.get().intValue())) {
                throw MagentoFault.invalidFieldValue("attribute_set_id", set.get().intValue());
            }
            product.put("attribute_set_id", set.get().intValue());
        }
    }

    /** AbstractBackend::validate: a required attribute with no value, named by its label. */
    void requireValue(ObjectNode product, String field, Map<String, JsonNode> scopedValues) {
        JsonNode value = scopedValues.containsKey(field) ? scopedValues.get(field) : product.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw MagentoFault.positional(400, "The \"%1\" attribute value is empty. Set the attribute and try again.",
                    attributes.label(field));
        }
        if (field.equals("price") && !value.isNumber()) {
            try {
                Double.parseDouble(value.asString());
            } catch (NumberFormatException notAPrice) {
                throw MagentoFault.named(400, "Error occurred during \"%field_name\" processing. %details",
                        new LinkedHashMap<>(Map.of("field_name", "price", "details",
                                "Invalid type for value: \"" + value.asString() + "\". Expected Type: \"float\".")));
            }
        }
    }
}
