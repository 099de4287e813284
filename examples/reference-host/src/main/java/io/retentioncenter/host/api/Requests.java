package io.retentioncenter.host.api;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;

/** Small checks shared by the request bodies and routes. */
final class Requests {
    private Requests() {
    }

    /** {@code value}, or a 400 naming {@code field} when the body left it out. */
    static <T> T present(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** The page of the {@code offset} and {@code limit} query parameters (validated by the library). */
    static PageRequest page(int offset, int limit) {
        return new PageRequest(offset, limit);
    }
}
