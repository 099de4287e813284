package io.retentioncenter.core;

import io.retentioncenter.core.internal.Require;
/**
 * Offset paging for list operations.
 *
 * @param offset zero-based index of the first item
 * @param limit maximum number of items, 1..1000
 */
public record PageRequest(int offset, int limit) {
    /** Validates the bounds. */
    public PageRequest {
        Require.nonNegative(offset, "offset");
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("limit", "must be between 1 and 1000, was " + limit);
        }
    }

    /** The first page of {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }
}
