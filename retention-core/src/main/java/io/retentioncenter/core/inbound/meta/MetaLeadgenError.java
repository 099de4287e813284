package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.Require;

/**
 * A rejected entry or change of a Meta notification; the rest of the batch is unaffected.
 *
 * @param field JSON path of the offending value, e.g. {@code entry[0].changes[2].value.email}
 * @param message what is wrong, including the path
 */
public record MetaLeadgenError(String field, String message) {

    /** Validates. */
    public MetaLeadgenError {
        Require.text(field, "field");
        Require.text(message, "message");
    }

    static MetaLeadgenError of(InvalidPayloadException e) {
        return new MetaLeadgenError(e.field(), e.getMessage());
    }
}
