package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code searchCriteria} filter as MySQL evaluates the condition Magento builds for it
 * (FW/DB/Adapter/Pdo/Mysql::prepareSqlCondition). Text compares ignoring case, as Magento's utf8 general collations do;
 * numbers compare as numbers.
 *
 * @param value as sent; null when the query had none
 */
record Filter(String field, String value, String conditionType) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Whether an entity whose {@code field} holds {@code actual} (empty for NULL) passes. */
    boolean matches(Optional<String> actual) {
        String expected = value == null ? "" : value;
        return switch (conditionType) {
            case "neq" -> actual.filter(a -> !a.equalsIgnoreCase(expected)).isPresent();
            case "like" -> actual.filter(a -> like(expected).matcher(a).matches()).isPresent();
            case "nlike" -> actual.filter(a -> !like(expected).matcher(a).matches()).isPresent();
            case "in" -> actual.filter(a -> list(expected).stream().anyMatch(v -> equal(a, v))).isPresent();
            case "nin" -> actual.filter(a -> list(expected).stream().noneMatch(v -> equal(a, v))).isPresent();
            case "gt" -> actual.filter(a -> compare(a, expected) > 0).isPresent();
            case "gteq", "moreq", "from" -> actual.filter(a -> compare(a, expected) >= 0).isPresent();
            case "lt" -> actual.filter(a -> compare(a, expected) < 0).isPresent();
            case "lteq", "to" -> actual.filter(a -> compare(a, expected) <= 0).isPresent();
            case "null" -> actual.isEmpty();
            case "notnull" -> actual.isPresent();
            case "finset" -> actual.filter(a -> list(a).contains(expected)).isPresent();
            case "nfinset" -> actual.filter(a -> !list(a).contains(expected)).isPresent();
            case "regexp" -> actual.filter(a -> Pattern.compile(expected, Pattern.CASE_INSENSITIVE).matcher(a).find()).isPresent();
            case "seq" -> expected.isEmpty() ? actual.map(String::isEmpty).orElse(true) : actual.filter(a -> equal(a, expected)).isPresent();
            case "sneq" -> expected.isEmpty() ? actual.filter(a -> !a.isEmpty()).isPresent() : actual.filter(a -> !equal(a, expected)).isPresent();
            // "eq", and any key prepareSqlCondition does not know: it falls back to a plain equality on the value.
            default -> actual.filter(a -> equal(a, expected)).isPresent();
        };
    }

    /** Orders two values as MySQL would: numbers as numbers, anything else as text ignoring case. */
    static int compare(String actual, String expected) {
        try {
            return new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
        } catch (NumberFormatException notNumbers) {
            return actual.compareToIgnoreCase(expected);
        }
    }

    /** Text equality ignoring case; numbers are equal by value ({@code 1} and {@code 1.0}), but a space is not a digit. */
    private static boolean equal(String actual, String expected) {
        if (actual.equalsIgnoreCase(expected)) {
            return true;
        }
        boolean numbers = NUMBER.matcher(actual).matches() && NUMBER.matcher(expected).matches();
        return numbers && new BigDecimal(actual).compareTo(new BigDecimal(expected)) == 0;
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, everything else literal. */
    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** prepareSqlCondition explodes an {@code in}/{@code nin} string on commas and trims nothing. */
    private static List<String> list(String values) {
        return Arrays.asList(values.split(",", -1));
    }
}
