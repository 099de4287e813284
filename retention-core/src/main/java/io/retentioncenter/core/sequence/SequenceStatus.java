package io.retentioncenter.core.sequence;

import io.retentioncenter.core.IllegalStateTransitionException;

/** Sequence lifecycle: DRAFT → ACTIVE ⇄ ARCHIVED. Only ACTIVE sequences enroll and run. */
public enum SequenceStatus {
    /** Being edited; can be deleted; enrolls nobody. */
    DRAFT,
    /** Enrolls leads and runs their steps. */
    ACTIVE,
    /** Retired: enrolls nobody, and active enrollments hold until it is reactivated. */
    ARCHIVED;

    /** Returns {@code next} or throws when the move is illegal (nothing goes back to DRAFT). */
    public SequenceStatus moveTo(SequenceStatus next) {
        if (next == DRAFT && this != DRAFT) {
            throw new IllegalStateTransitionException("sequence", this, next);
        }
        return next;
    }
}
