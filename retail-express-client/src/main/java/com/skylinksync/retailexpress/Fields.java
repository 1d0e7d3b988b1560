package com.skylinksync.retailexpress;

import java.math.BigDecimal;
import org.w3c.dom.Element;

/** Typed reads of one record's child elements; an empty element is the same as a missing one, as in the SDK. */
record Fields(Element record, String kind) {

    String text(String name) {
        return ResultElements.childText(record, name);
    }

    String stripped(String name) {
        return text(name).strip();
    }

    boolean has(String name) {
        return !stripped(name).isEmpty();
    }

    int requiredInt(String name) {
        String value = stripped(name);
        if (value.isEmpty()) {
            throw new RecordFormatException(kind + " record without " + name);
        }
        return parseInt(name, value);
    }

    Integer optionalInt(String name) {
        String value = stripped(name);
        return value.isEmpty() ? null : parseInt(name, value);
    }

    String required(String name) {
        String value = stripped(name);
        if (value.isEmpty()) {
            throw new RecordFormatException(kind + " record without " + name);
        }
        return value;
    }

    BigDecimal decimal(String name) {
        String value = stripped(name);
        return value.isEmpty() ? null : parseDecimal(name, value);
    }

    BigDecimal decimalOrZero(String name) {
        BigDecimal value = decimal(name);
        return value == null ? BigDecimal.ZERO : value;
    }

    BigDecimal parseDecimal(String name, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new RecordFormatException(kind + " field " + name + " is not a number: '" + value + "'");
        }
    }

    int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new RecordFormatException(kind + " field " + name + " is not an integer: '" + value + "'");
        }
    }
}
