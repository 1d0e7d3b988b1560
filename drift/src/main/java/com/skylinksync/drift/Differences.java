package com.skylinksync.drift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields of one entity that differ in one category, with both sides' values, as one {@link Drift}. */
final class Differences {

    private final List<String> fields = new ArrayList<>();
    private final List<String> retailExpress = new ArrayList<>();
    private final List<String> magento = new ArrayList<>();

    void text(String field, String expected, String actual) {
        if (!Objects.equals(blankToNull(expected), blankToNull(actual))) {
            add(field, expected, actual);
        }
    }

    void number(String field, BigDecimal expected, BigDecimal actual) {
        boolean same = expected == null ? actual == null : actual != null && expected.compareTo(actual) == 0;
        if (!same) {
            add(field, expected == null ? null : expected.stripTrailingZeros().toPlainString(),
                    actual == null ? null : actual.stripTrailingZeros().toPlainString());
        }
    }

    void add(String field, Object expected, Object actual) {
        fields.add(field);
        retailExpress.add(field + "=" + (expected == null ? "(none)" : expected));
        magento.add(field + "=" + (actual == null ? "(none)" : actual));
    }

    boolean any() {
        return !fields.isEmpty();
    }

    Drift drift(DriftCategory category, String entity, String entityId, String magentoId, Drift.HealTarget heal) {
        return new Drift(category, entity, entityId, magentoId, String.join(",", fields), String.join("; ", retailExpress),
                String.join("; ", magento), heal, null);
    }

    static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
