package com.skylinksync.magento;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Magento's {@code searchCriteria} for a {@code GET .../search} or list endpoint, rendered as the query Magento reads:
 * {@code searchCriteria[filterGroups][i][filters][j][field|value|condition_type]},
 * {@code searchCriteria[sortOrders][k][field|direction]}, {@code searchCriteria[pageSize]},
 * {@code searchCriteria[currentPage]}. Filters inside a group are ORed, groups are ANDed.
 *
 * <p>Magento's paging is not a cursor: a page past the end repeats the last page and {@code total_count} is the size of
 * the whole result, so a reader stops on the count ({@link SearchResult#totalCount()}), not on an empty page. Without
 * a page size Magento returns every row.
 *
 * @param pageSize    rows per page; null for every row
 * @param currentPage page number from 1; null for the first
 */
public record SearchCriteria(List<FilterGroup> filterGroups, List<SortOrder> sortOrders, Integer pageSize,
                             Integer currentPage) {

    public SearchCriteria {
        filterGroups = List.copyOf(filterGroups);
        sortOrders = List.copyOf(sortOrders);
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1 (null for every row): " + pageSize);
        }
        if (currentPage != null && currentPage < 1) {
            throw new IllegalArgumentException("currentPage counts from 1: " + currentPage);
        }
    }

    /** Magento's {@code condition_type}s (FW/DB/Adapter/Pdo/Mysql::prepareSqlCondition). */
    public enum Condition {
        EQ, NEQ, LIKE, NLIKE, IN, NIN, GT, GTEQ, LT, LTEQ, NULL, NOTNULL, FINSET, NFINSET, FROM, TO, MOREQ, REGEXP, SEQ, SNEQ;

        /** As Magento spells it, e.g. {@code gteq}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Direction { ASC, DESC }

    /** One filter; {@code value} is sent as it is (Magento splits {@code in}/{@code nin} lists on commas). */
    public record Filter(String field, String value, Condition condition) {

        public Filter {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(condition, "condition");
        }

        public static Filter eq(String field, String value) {
            return new Filter(field, value, Condition.EQ);
        }

        public static Filter gteq(String field, String value) {
            return new Filter(field, value, Condition.GTEQ);
        }

        public static Filter lteq(String field, String value) {
            return new Filter(field, value, Condition.LTEQ);
        }

        public static Filter like(String field, String pattern) {
            return new Filter(field, pattern, Condition.LIKE);
        }

        /**
         * {@code field IN (values)}. Magento splits the value on commas and trims nothing, so the values are joined
         * without spaces and none may hold a comma.
         */
        public static Filter in(String field, List<String> values) {
            if (values.isEmpty() || values.stream().anyMatch(value -> value.contains(","))) {
                throw new IllegalArgumentException("in needs one or more values without commas: " + values);
            }
            return new Filter(field, String.join(",", values), Condition.IN);
        }
    }

    /** Filters ORed together. */
    public record FilterGroup(List<Filter> filters) {

        public FilterGroup {
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("a filter group needs at least one filter");
            }
            filters = List.copyOf(filters);
        }
    }

    public record SortOrder(String field, Direction direction) {

        public SortOrder {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(direction, "direction");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The query string, without the leading {@code ?}, every key and value percent-encoded (UTF-8, {@code %20} for
     * a space). Criteria with nothing in them still name {@code searchCriteria}, which Magento requires.
     */
    public String toQuery() {
        List<String> parameters = new ArrayList<>();
        for (int g = 0; g < filterGroups.size(); g++) {
            List<Filter> filters = filterGroups.get(g).filters();
            for (int f = 0; f < filters.size(); f++) {
                String prefix = "searchCriteria[filterGroups][" + g + "][filters][" + f + "]";
                Filter filter = filters.get(f);
                parameters.add(parameter(prefix + "[field]", filter.field()));
                parameters.add(parameter(prefix + "[value]", filter.value()));
                parameters.add(parameter(prefix + "[condition_type]", filter.condition().wire()));
            }
        }
        for (int s = 0; s < sortOrders.size(); s++) {
            String prefix = "searchCriteria[sortOrders][" + s + "]";
            parameters.add(parameter(prefix + "[field]", sortOrders.get(s).field()));
            parameters.add(parameter(prefix + "[direction]", sortOrders.get(s).direction().name()));
        }
        if (pageSize != null) {
            parameters.add(parameter("searchCriteria[pageSize]", pageSize.toString()));
        }
        if (currentPage != null || parameters.isEmpty()) {
            parameters.add(parameter("searchCriteria[currentPage]", String.valueOf(currentPage == null ? 1 : currentPage)));
        }
        return String.join("&", parameters);
    }

    private static String parameter(String key, String value) {
        return encode(key) + "=" + encode(value);
    }

    /** Form-encoding with %20 for spaces: Magento's PHP reads both, and %20 is right anywhere in a URL. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builds {@link SearchCriteria}; each {@code where...} call adds one filter group (ANDed with the others). */
    public static final class Builder {

        private final List<FilterGroup> filterGroups = new ArrayList<>();
        private final List<SortOrder> sortOrders = new ArrayList<>();
        private Integer pageSize;
        private Integer currentPage;

        private Builder() {
        }

        /** A group of one filter: it must hold. */
        public Builder where(Filter filter) {
            filterGroups.add(new FilterGroup(List.of(filter)));
            return this;
        }

        /** A group of filters of which at least one must hold. */
        public Builder whereAny(Filter... filters) {
            filterGroups.add(new FilterGroup(List.of(filters)));
            return this;
        }

        public Builder sortBy(String field, Direction direction) {
            sortOrders.add(new SortOrder(field, direction));
            return this;
        }

        public Builder page(int currentPage, int pageSize) {
            this.currentPage = currentPage;
            this.pageSize = pageSize;
            return this;
        }

        public SearchCriteria build() {
            return new SearchCriteria(filterGroups, sortOrders, pageSize, currentPage);
        }
    }
}
