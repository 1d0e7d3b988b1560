package com.skylinksync.magento;

import java.util.List;

/**
 * One page of a Magento search: its items and {@code total_count}, the size of the whole result (not of the page).
 */
public record SearchResult<T>(List<T> items, int totalCount) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
