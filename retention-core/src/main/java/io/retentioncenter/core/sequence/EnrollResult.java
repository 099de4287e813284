package io.retentioncenter.core.sequence;

import java.util.Optional;

/**
 * Outcome of enrolling one lead.
 *
 * @param outcome what happened
 * @param enrollment the new enrollment, or the existing one that blocked it
 */
public record EnrollResult(Outcome outcome, Optional<SequenceEnrollment> enrollment) {
    /** What happened. */
    public enum Outcome {
        /** A new enrollment was created. */
        ENROLLED,
        /** The lead is already ACTIVE or PAUSED in this sequence. */
        ALREADY_ENROLLED,
        /** The lead left this sequence less than the cooldown ago. */
        COOLDOWN,
        /** The lead cannot be contacted (converted, rejected, do-not-contact). */
        NOT_CONTACTABLE,
        /** The lead does not exist. */
        LEAD_NOT_FOUND,
        /** An operator removed the lead from the enrollment's campaign. */
        REMOVED_FROM_CAMPAIGN
    }
}
