package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A repository's {@code getList} over a collection: filter groups ANDed with the filters inside a group ORed,
 * {@code sortOrders} applied in turn, then one page — {@code {items, search_criteria, total_count}}.
 */
final class SearchResults {

    /** How a resource reads a filter or sort field off one of its entities; empty for SQL NULL. */
    @FunctionalInterface
    interface Fields {
        Optional<String> valueOf(ObjectNode entity, String field);
    }

    private SearchResults() {
    }

    /** {@code entities} in the collection's natural order (its primary key), as the resource holds them. */
    static ObjectNode page(List<ObjectNode> entities, SearchCriteria criteria, Fields fields) {
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode entity : entities) {
            boolean all = criteria.filterGroups().stream().allMatch(group -> group.stream()
                    .anyMatch(filter -> filter.matches(fields.valueOf(entity, filter.field()))));
            if (all) {
                matches.add(entity);
            }
        }
        Comparator<ObjectNode> order = null;
        for (SearchCriteria.SortOrder sort : criteria.sortOrders()) {
            // MySQL puts NULL first when ascending.
            Comparator<ObjectNode> next = Comparator.comparing((ObjectNode entity) -> fields.valueOf(entity, sort.field()),
                    (a, b) -> a.isEmpty() || b.isEmpty() ? Boolean.compare(a.isPresent(), b.isPresent())
                            : Filter.compare(a.get(), b.get()));
            next = sort.ascending() ? next : next.reversed();
            order = order == null ? next : order.thenComparing(next);
        }
        if (order != null) {
            matches.sort(order);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode items = result.putArray("items");
        page(matches, criteria).forEach(items::add);
        result.set("search_criteria", criteria.toJson());
        result.put("total_count", matches.size());
        return result;
    }

    /**
     * FW/Data/Collection::getCurPage clamps the page to [1, last page], so a page past the end repeats the last one;
     * without a page size (or with 0) every row comes back. A negative size reads one row (Zend_Db_Select::limitPage).
     */
    private static List<ObjectNode> page(List<ObjectNode> matches, SearchCriteria criteria) {
        Integer requested = criteria.pageSize();
        if (requested == null || requested == 0) {
            return matches;
        }
        int pageSize = Math.max(requested, 1);
        int lastPage = matches.isEmpty() ? 1 : (matches.size() + pageSize - 1) / pageSize;
        int page = criteria.currentPage() == null ? 1 : Math.min(Math.max(criteria.currentPage(), 1), lastPage);
        int from = (page - 1) * pageSize;
        return matches.subList(Math.min(from, matches.size()), Math.min(from + pageSize, matches.size()));
    }
}
