package com.skylinksync.retailexpress.attributes;

import java.util.Objects;

/** One option of an attribute. Ids are strings (RE's size ids are "S", "M", ...); a missing label is the id. */
public record AttributeOption(AttributeCode code, String id, String label) {

    public AttributeOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An attribute option needs an id");
        }
        label = label == null || label.isBlank() ? id : label;
    }
}
