package com.skylinksync.sandbox.magento;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Magento's {@code searchCriteria} read from a {@code GET} query (FW/Api/SearchCriteria, built by
 * FW/Webapi/ServiceInputProcessor from the nested query keys): {@code [filterGroups][i][filters][j][field|value|condition_type]},
 * {@code [sortOrders][k][field|direction]}, {@code [pageSize]} and {@code [currentPage]}. Matching lives in
 * {@link Filter}, paging and sorting in {@link SearchResults}.
 *
 * @param pageSize    as given; null when absent
 * @param currentPage as given; null when absent
 */
record SearchCriteria(List<List<Filter>> filterGroups, List<SortOrder> sortOrders, Integer pageSize, Integer currentPage) {

    // ServiceInputProcessor accepts the data interface's camelCase and its snake_case alike.
    private static final Pattern FILTER_KEY = Pattern.compile(
            "searchCriteria\\[(?:filterGroups|filter_groups)]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(\\w+)]");
    private static final Pattern SORT_KEY = Pattern.compile("searchCriteria\\[(?:sortOrders|sort_orders)]\\[(\\d+)]\\[(\\w+)]");
    private static final Pattern PAGING_KEY = Pattern.compile("searchCriteria\\[(pageSize|page_size|currentPage|current_page)]");

    /** FW/Api/SortOrder: the direction is upper-cased; absent, SortingProcessor orders descending. */
    record SortOrder(String field, String direction) {

        boolean ascending() {
            return "ASC".equals(direction);
        }
    }

    /** Parses a raw (still URL-encoded) query string. */
    static SearchCriteria parse(String rawQuery) {
        Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
        Map<Integer, Map<String, String>> sorts = new TreeMap<>();
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
            Matcher sort = SORT_KEY.matcher(key);
            Matcher page = PAGING_KEY.matcher(key);
            if (filter.matches()) {
                groups.computeIfAbsent(Integer.parseInt(filter.group(1)), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(filter.group(2)), f -> new HashMap<>())
                        .put(filter.group(3), value);
            } else if (sort.matches()) {
                sorts.computeIfAbsent(Integer.parseInt(sort.group(1)), s -> new HashMap<>()).put(sort.group(2), value);
            } else if (page.matches()) {
                paging.put(page.group(1).startsWith("page") ? "pageSize" : "currentPage", value);
            }
        }
        if (!present) {
            // AF Customer/Api/CustomerRepositoryTest::testSearchCustomersUsingGETEmptyFilter
            throw MagentoFault.requiredField("searchCriteria");
        }
        List<List<Filter>> filterGroups = new ArrayList<>();
        for (Map<Integer, Map<String, String>> group : groups.values()) {
            List<Filter> filters = new ArrayList<>();
            for (Map<String, String> parts : group.values()) {
                String condition = parts.getOrDefault("condition_type", parts.get("conditionType"));
                filters.add(new Filter(parts.get("field"), parts.get("value"),
                        condition == null || condition.isEmpty() ? "eq" : condition.toLowerCase(Locale.ROOT)));
            }
            filterGroups.add(List.copyOf(filters));
        }
        List<SortOrder> sortOrders = new ArrayList<>();
        for (Map<String, String> parts : sorts.values()) {
            sortOrders.add(new SortOrder(parts.get("field"), direction(parts.get("direction"))));
        }
        return new SearchCriteria(List.copyOf(filterGroups), List.copyOf(sortOrders),
                integer("pageSize", paging.get("pageSize")), integer("currentPage", paging.get("currentPage")));
    }

    /** Every field a filter or a sort order names, for a resource to check before it searches. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        filterGroups.forEach(group -> group.forEach(filter -> fields.add(filter.field())));
        sortOrders.forEach(sort -> fields.add(sort.field()));
        return fields;
    }

    /** Echoed back as the search result's {@code search_criteria}, in Magento's snake_case; absent parts left out. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        var groups = json.putArray("filter_groups");
        for (List<Filter> group : filterGroups) {
            var filters = groups.addObject().putArray("filters");
            for (Filter filter : group) {
                filters.addObject().put("field", filter.field()).put("value", filter.value())
                        .put("condition_type", filter.conditionType());
            }
        }
        if (!sortOrders.isEmpty()) {
            var sorts = json.putArray("sort_orders");
            sortOrders.forEach(sort -> sorts.addObject().put("field", sort.field()).put("direction", sort.direction()));
        }
        if (pageSize != null) {
            json.put("page_size", pageSize);
        }
        if (currentPage != null) {
            json.put("current_page", currentPage);
        }
        return json;
    }

    /** FW/Api/SortOrder::validateDirection; the two allowed values are parameters, hence an array. */
    private static String direction(String given) {
        if (given == null) {
            return null;
        }
        String direction = given.toUpperCase(Locale.ROOT);
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
            throw MagentoFault.positional(400,
                    "The sort order has to be specified as %1 for ascending order or %2 for descending order.", "ASC", "DESC");
        }
        return direction;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw MagentoFault.invalidFieldValue("searchCriteria", text);
        }
    }

    /**
     * FW/Webapi/ServiceInputProcessor::_createFromArray wraps a value of the wrong type with the property's name
     * (the inner message as in AF Catalog/Api/ProductRepositoryInterfaceTest::testCreateInvalidPriceFormat).
     */
    private static Integer integer(String property, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            parameters.put("field_name", property);
            parameters.put("details", "Invalid type for value: \"" + text + "\". Expected Type: \"int\".");
            throw MagentoFault.named(400, "Error occurred during \"%field_name\" processing. %details", parameters);
        }
    }
}
