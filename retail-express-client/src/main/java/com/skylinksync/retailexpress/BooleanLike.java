package com.skylinksync.retailexpress;

import java.util.Locale;

/** PHP's FILTER_VALIDATE_BOOLEAN, which RE's flags (ReceivesNews, ManageStock) were read with: '' is false. */
final class BooleanLike {

    private BooleanLike() {
    }

    static boolean parse(String field, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw new RecordFormatException(field + " is not a boolean-like value: '" + text + "'");
        };
    }
}
