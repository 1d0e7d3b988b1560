package com.skylinksync.sandbox.magento;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reading Magento's loosely typed customer JSON: scalars arrive as strings or numbers, absent or null alike. */
final class CustomerJson {

    private CustomerJson() {
    }

    /** The scalar at {@code field} as text; empty when absent, null or not a scalar. */
    static Optional<String> text(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    static boolean blank(JsonNode node, String field) {
        return text(node, field).map(String::isBlank).orElse(true);
    }

    /** Integers Magento may send as {@code 572} or {@code "572"}; empty when absent or not a number. */
    static Optional<Long> number(JsonNode node, String field) {
        return text(node, field).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        // Magento's PHP side reads "1", 1 and true alike.
        return value.isBoolean() ? value.booleanValue() : "1".equals(value.asString()) || "true".equals(value.asString());
    }
}
