package com.skylinksync.retailexpress.attributes;

import java.util.List;
import java.util.Map;

/** Every option of every attribute code from one {@code GetAllProductAttributes} call; codes RE sent none for map to an empty list. */
public record ProductAttributes(Map<AttributeCode, List<AttributeOption>> options) {

    public ProductAttributes {
        options = Map.copyOf(options);
    }

    public List<AttributeOption> of(AttributeCode code) {
        return options.getOrDefault(code, List.of());
    }
}
