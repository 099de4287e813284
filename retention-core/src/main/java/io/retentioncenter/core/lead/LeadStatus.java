package io.retentioncenter.core.lead;

import io.retentioncenter.core.IllegalStateTransitionException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lead lifecycle: {@code NEW → IN_PROGRESS → CONTACTED → CONVERTED | REJECTED}. CONVERTED and
 * REJECTED come only from the tracker (a sale may later be rejected); DO_NOT_CONTACT can be entered
 * from any status and never left.
 */
public enum LeadStatus {
    /** Captured, not yet routed. */
    NEW,
    /** Assigned to at least one campaign. */
    IN_PROGRESS,
    /** At least one attempt was sent. */
    CONTACTED,
    /** The tracker reported a sale. */
    CONVERTED,
    /** The tracker rejected the lead. */
    REJECTED,
    /** Opted out or must not be contacted; terminal. */
    DO_NOT_CONTACT;

    /** Whether the lead may still receive outbound contact. */
    public boolean contactable() {
        return this == NEW || this == IN_PROGRESS || this == CONTACTED;
    }

    /** The statuses this one may move to (staying the same is always allowed). */
    public Set<LeadStatus> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, CONTACTED, CONVERTED, REJECTED, DO_NOT_CONTACT);
            case IN_PROGRESS -> EnumSet.of(CONTACTED, CONVERTED, REJECTED, DO_NOT_CONTACT);
            case CONTACTED -> EnumSet.of(CONVERTED, REJECTED, DO_NOT_CONTACT);
            case CONVERTED -> EnumSet.of(REJECTED, DO_NOT_CONTACT);
            case REJECTED -> EnumSet.of(DO_NOT_CONTACT);
            case DO_NOT_CONTACT -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    /** Whether moving to {@code next} is legal; staying put is legal. */
    public boolean canMoveTo(LeadStatus next) {
        return next == this || successors().contains(next);
    }

    /** Returns {@code next} or throws {@link IllegalStateTransitionException}. */
    public LeadStatus moveTo(LeadStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateTransitionException("lead", this, next);
        }
        return next;
    }
}
