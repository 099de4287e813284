package io.retentioncenter.core.conversion;

import java.util.Optional;

/**
 * What recording a postback did.
 *
 * @param effect the kind of change
 * @param conversion the conversion after the change (the existing one for replays)
 * @param exitedEnrollments enrollments that left their sequence because of it
 */
public record ConversionOutcome(Effect effect, Optional<Conversion> conversion, int exitedEnrollments) {
    /** The kind of change. */
    public enum Effect {
        /** A new conversion was recorded. */
        CREATED,
        /** An existing conversion moved status or gained revenue. */
        UPDATED,
        /** Same postback seen before; nothing changed. */
        REPLAY,
        /** The postback asked for a move the conversion does not allow (e.g. rejected → sale); nothing changed. */
        IGNORED
    }
}
