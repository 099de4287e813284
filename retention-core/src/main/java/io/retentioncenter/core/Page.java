package io.retentioncenter.core;

import java.util.List;

/**
 * One page of a listing: the items, the zero-based offset they start at and the total count.
 *
 * @param items the items on this page
 * @param offset index of the first item in the full listing
 * @param total total number of items matching the query
 */
public record Page<T>(List<T> items, int offset, long total) {
    /** Defensive copy of the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** Whether items exist after this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
