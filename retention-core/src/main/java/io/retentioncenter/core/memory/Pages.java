package io.retentioncenter.core.memory;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import java.util.stream.Stream;

/** Cuts one page out of an ordered listing. */
final class Pages {
    private Pages() {
    }

    /** The page {@code request} of {@code ordered}, which holds {@code total} items. */
    static <T> Page<T> of(Stream<T> ordered, long total, PageRequest request) {
        return new Page<>(ordered.skip(request.offset()).limit(request.limit()).toList(), request.offset(), total);
    }
}
