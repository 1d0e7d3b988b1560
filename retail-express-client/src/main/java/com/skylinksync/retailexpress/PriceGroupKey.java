package com.skylinksync.retailexpress;

import java.util.regex.Pattern;

/** Identifies a Retail Express price group: ids are unique only within a type, so the key is (type, id), written "type:id". */
public record PriceGroupKey(PriceGroupType type, int id) {

    private static final Pattern FORM = Pattern.compile("^([a-z]+)\\s*:\\s*(\\d+)$");

    public static PriceGroupKey parse(String text) {
        var m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a price group key (expected standard:<id> or fixed:<id>): " + text);
        }
        return new PriceGroupKey(PriceGroupType.fromWire(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return type.wireName() + ":" + id;
    }
}
