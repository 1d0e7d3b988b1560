package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Magento's {@code searchCriteria} as a {@code GET} query: {@code searchCriteria[filterGroups][i][filters][j][field]},
 * {@code [value]} and {@code [condition_type]}, plus {@code [pageSize]} and {@code [currentPage]}.
 * Filter groups are ANDed, filters inside a group ORed, as in Magento's collection processor.
 * String comparisons ignore case because Magento's MySQL collations do.
 */
record SearchCriteria(List<FilterGroup> filterGroups, Integer pageSize, Integer currentPage) {

    private static final Pattern FILTER_KEY = Pattern.compile(
            "searchCriteria\\[(?:filterGroups|filter_groups)]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(\\w+)]");
    private static final Pattern PAGING_KEY = Pattern.compile("searchCriteria\\[(pageSize|page_size|currentPage|current_page)]");

    record FilterGroup(List<Filter> filters) {

        boolean matches(JsonNode customer) {
            return filters.stream().anyMatch(filter -> filter.matches(customer));
        }
    }

    record Filter(String field, String value, String conditionType) {

        boolean matches(JsonNode customer) {
            Optional<String> actual = valueOf(customer, field);
            String expected = value == null ? "" : value;
            return switch (conditionType) {
                case "eq" -> actual.filter(expected::equalsIgnoreCase).isPresent();
                case "neq" -> actual.filter(a -> !a.equalsIgnoreCase(expected)).isPresent();
                case "like" -> actual.filter(a -> like(expected).matcher(a).matches()).isPresent();
                case "nlike" -> actual.filter(a -> !like(expected).matcher(a).matches()).isPresent();
                case "in" -> actual.filter(a -> list(expected).stream().anyMatch(a::equalsIgnoreCase)).isPresent();
                case "nin" -> actual.filter(a -> list(expected).stream().noneMatch(a::equalsIgnoreCase)).isPresent();
                case "gt" -> actual.filter(a -> compare(a, expected) > 0).isPresent();
                case "gteq" -> actual.filter(a -> compare(a, expected) >= 0).isPresent();
                case "lt" -> actual.filter(a -> compare(a, expected) < 0).isPresent();
                case "lteq" -> actual.filter(a -> compare(a, expected) <= 0).isPresent();
                case "null" -> actual.isEmpty();
                case "notnull" -> actual.isPresent();
                default -> throw MagentoFault.invalidFieldValue("condition_type", conditionType);
            };
        }

        /** A top-level attribute ({@code email}, {@code id}, {@code updated_at}...) or else a custom attribute. */
        private static Optional<String> valueOf(JsonNode customer, String field) {
            Optional<String> own = CustomerJson.text(customer, field);
            if (own.isPresent()) {
                return own;
            }
            JsonNode customAttributes = customer.get("custom_attributes");
            if (customAttributes == null || !customAttributes.isArray()) {
                return Optional.empty();
            }
            for (JsonNode attribute : customAttributes) {
                if (CustomerJson.text(attribute, "attribute_code").filter(field::equals).isPresent()) {
                    return CustomerJson.text(attribute, "value");
                }
            }
            return Optional.empty();
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

        private static List<String> list(String values) {
            return Arrays.stream(values.split(",")).map(String::trim).toList();
        }

        /** Numbers compare as numbers; anything else (e.g. "2026-01-02 10:00:00") as text, which orders dates. */
        private static int compare(String actual, String expected) {
            try {
                return new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
            } catch (NumberFormatException notNumbers) {
                return actual.compareToIgnoreCase(expected);
            }
        }
    }

    boolean matches(JsonNode customer) {
        return filterGroups.stream().allMatch(group -> group.matches(customer));
    }

    /** Parses a raw (still URL-encoded) query string. */
    static SearchCriteria parse(String rawQuery) {
        Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
        Map<String, String> paging = new HashMap<>();
        boolean present = false;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            present |= key.startsWith("searchCriteria");
            Matcher filter = FILTER_KEY.matcher(key);
            Matcher page = PAGING_KEY.matcher(key);
            if (filter.matches()) {
                groups.computeIfAbsent(Integer.parseInt(filter.group(1)), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(filter.group(2)), f -> new HashMap<>())
                        .put(filter.group(3), value);
            } else if (page.matches()) {
                paging.put(page.group(1).startsWith("page") ? "pageSize" : "currentPage", value);
            }
        }
        if (!present) {
            throw MagentoFault.requiredField("searchCriteria");
        }
        List<FilterGroup> filterGroups = new ArrayList<>();
        for (Map<Integer, Map<String, String>> group : groups.values()) {
            List<Filter> filters = new ArrayList<>();
            for (Map<String, String> parts : group.values()) {
                String field = parts.get("field");
                if (field == null || field.isBlank()) {
                    throw MagentoFault.requiredField("field");
                }
                String condition = parts.getOrDefault("condition_type", parts.getOrDefault("conditionType", "eq"));
                filters.add(new Filter(field, parts.get("value"), condition.isBlank() ? "eq" : condition.toLowerCase(Locale.ROOT)));
            }
            filterGroups.add(new FilterGroup(List.copyOf(filters)));
        }
        return new SearchCriteria(List.copyOf(filterGroups), positive(paging.get("pageSize")), positive(paging.get("currentPage")));
    }

    /** Echoed back as Magento does, in its snake_case. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        var groups = json.putArray("filter_groups");
        for (FilterGroup group : filterGroups) {
            var filters = groups.addObject().putArray("filters");
            for (Filter filter : group.filters()) {
                filters.addObject().put("field", filter.field()).put("value", filter.value())
                        .put("condition_type", filter.conditionType());
            }
        }
        if (pageSize != null) {
            json.put("page_size", pageSize);
        }
        if (currentPage != null) {
            json.put("current_page", currentPage);
        }
        return json;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw MagentoFault.invalidFieldValue("searchCriteria", text);
        }
    }

    private static Integer positive(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException notANumber) {
            throw MagentoFault.invalidFieldValue("searchCriteria", text);
        }
    }
}
