package com.skylinksync.retailexpress.attributes;

import java.util.Arrays;
import java.util.Locale;

/**
 * The eight RE attribute codes (reference 3.4): five predefined ones whose options have ids and names, and three
 * custom ones whose options are plain values (used as both id and label). Each knows where RE puts it: the group and
 * option elements of {@code GetAllProductAttributes}, and the element of a {@code <Product>} that carries it.
 */
public enum AttributeCode {
    BRAND("brand", "Brands", "Brand"),
    COLOUR("colour", "Colours", "Colour"),
    PRODUCT_TYPE("product_type", "ProductTypes", "ProductType"),
    SEASON("season", "Seasons", "Season"),
    SIZE("size", "Sizes", "Size"),
    CUSTOM_1("custom_1", "Customs", "Custom1"),
    CUSTOM_2("custom_2", "Customs", "Custom2"),
    CUSTOM_3("custom_3", "Customs", "Custom3");

    private final String code;
    private final String groupElement;
    private final String optionElement;

    AttributeCode(String code, String groupElement, String optionElement) {
        this.code = code;
        this.groupElement = groupElement;
        this.optionElement = optionElement;
    }

    /** The SkyLink code, e.g. {@code product_type}, {@code custom_2}. */
    public String code() {
        return code;
    }

    public boolean isPredefined() {
        return !name().startsWith("CUSTOM_");
    }

    /** {@code Brands}, ..., {@code Customs} (shared by the three custom codes). */
    public String groupElement() {
        return groupElement;
    }

    /** {@code Brand}, ..., {@code Custom1}: also the bare element name on a {@code <Product>}. */
    public String optionElement() {
        return optionElement;
    }

    public static AttributeCode fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown attribute code '" + code + "'"));
    }
}
