package com.skylinksync.magento.catalog;

import java.util.List;

/**
 * A product attribute: its code, input type ({@code select}, {@code text}, ...), scope ({@code global},
 * {@code website}, {@code store}), label, whether values must be unique, and its options (without Magento's empty
 * first option).
 */
public record MagentoAttribute(Integer attributeId, String code, String frontendInput, String scope, String label,
                               boolean unique, List<Option> options) {

    public MagentoAttribute {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** An attribute option: its id ({@code value}) and admin label. */
    public record Option(String value, String label) {
    }
}
