package com.skylinksync.drift;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every Magento read of one comparison, counted; searches are read page by page until {@code total_count}. */
final class MagentoReads {

    private final int pageSize;
    private final AtomicLong calls = new AtomicLong();

    MagentoReads(int pageSize) {
        this.pageSize = pageSize;
    }

    <T> T call(Supplier<T> read) {
        calls.incrementAndGet();
        return read.get();
    }

    /** Every item of a search, by pages of {@code pageSize} sorted by entity id (stable while pages are read). */
    <T> List<T> all(SearchCriteria.Builder criteria, Function<SearchCriteria, SearchResult<T>> search) {
        List<T> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            SearchCriteria pageCriteria = criteria.page(page, pageSize).build();
            SearchResult<T> result = call(() -> search.apply(pageCriteria));
            items.addAll(result.items());
            if (result.items().isEmpty() || items.size() >= result.totalCount() || result.items().size() < pageSize) {
                return items;
            }
        }
    }

    long calls() {
        return calls.get();
    }
}
