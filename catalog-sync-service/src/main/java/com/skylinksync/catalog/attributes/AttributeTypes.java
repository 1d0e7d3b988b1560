package com.skylinksync.catalog.attributes;

import com.skylinksync.magento.catalog.MagentoAttribute;
import java.util.Optional;

/**
 * Which Magento attributes can take an RE attribute (reference 3.4): a select with global scope for the predefined
 * codes (their values are options), a text or textarea for the custom ones; neither may be unique.
 */
final class AttributeTypes {

    private AttributeTypes() {
    }

    /** Why the attribute cannot take the values; empty when it can. */
    static Optional<String> problem(MagentoAttribute attribute, boolean select) {
        String input = attribute.frontendInput() == null ? "" : attribute.frontendInput();
        if (attribute.unique()) {
            return Optional.of("attribute " + attribute.code() + " is unique, which RE values cannot be");
        }
        if (select && !(input.equals("select") && "global".equals(attribute.scope()))) {
            return Optional.of("attribute " + attribute.code() + " must be a select with global scope, but is "
                    + input + " with scope " + attribute.scope());
        }
        if (!select && !(input.equals("text") || input.equals("textarea"))) {
            return Optional.of("attribute " + attribute.code() + " must be text or textarea, but is " + input);
        }
        return Optional.empty();
    }
}
