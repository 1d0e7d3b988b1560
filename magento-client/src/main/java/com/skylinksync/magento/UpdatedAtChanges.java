package com.skylinksync.magento;

import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One Magento collection polled by {@code updated_at} from an {@link UpdatedAtCursor}: every page of a search for
 * {@code updated_at gteq} the cursor's mark, sorted by {@code (updated_at, entity_id)}, until Magento's
 * {@code total_count} is read (an entity that moves between pages while they are read is kept once), less what was
 * already published at the mark's second. What every Magento change source shares; a source adds its name, its
 * entity type and its search.
 *
 * @param search    the collection's search, e.g. {@code magento::searchOrders}
 * @param id        the entity's {@code entity_id}
 * @param updatedAt the entity's {@code updated_at}
 * @param version   what tells two saves of the entity within one second apart (its id and a short content hash)
 */
public record UpdatedAtChanges<T>(Function<SearchCriteria, SearchResult<T>> search, ToLongFunction<T> id,
                                  Function<T, String> updatedAt, Function<T, String> version) {

    public UpdatedAtChanges {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(version, "version");
    }

    /** What changed since {@code cursor} (rendered as {@link UpdatedAtCursor#render}), oldest first, and the next cursor. */
    public UpdatedAtCursor.Advance<T> since(String cursor, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        }
        UpdatedAtCursor at = UpdatedAtCursor.parse(cursor);
        List<T> all = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResult<T> result = search.apply(SearchCriteria.builder()
                    .where(Filter.gteq("updated_at", at.mark()))
                    .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
                    .page(page, pageSize).build());
            result.items().stream().filter(e -> ids.add(id.applyAsLong(e))).forEach(all::add);
            if ((long) page * pageSize >= result.totalCount() || result.items().isEmpty()) {
                break;
            }
        }
        Comparator<T> order = Comparator.comparing((T e) -> Objects.requireNonNullElse(updatedAt.apply(e), ""))
                .thenComparingLong(id);
        return at.advance(all, updatedAt, version, order);
    }
}
