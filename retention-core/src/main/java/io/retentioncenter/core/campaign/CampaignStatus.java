package io.retentioncenter.core.campaign;

import io.retentioncenter.core.IllegalStateTransitionException;

/**
 * Campaign lifecycle: ACTIVE ⇄ PAUSED, either → ENDED; PAUSED or ENDED → DELETED. ENDED and DELETED
 * are over: nothing is sent for them any more.
 */
public enum CampaignStatus {
    /** Receives leads and runs its sequence. */
    ACTIVE,
    /** Keeps its leads but sends nothing; enrollments hold until resumed. */
    PAUSED,
    /** Finished; enrolled leads exit. */
    ENDED,
    /**
     * Deleted by an operator (terminal): left out of campaign listings, while its members, attempts and
     * conversions stay readable for history.
     */
    DELETED;

    /** Returns {@code next} or throws when the move is illegal. */
    public CampaignStatus moveTo(CampaignStatus next) {
        boolean legal = switch (this) {
            case ACTIVE -> next != DELETED;
            case PAUSED -> true;
            case ENDED -> next == ENDED || next == DELETED;
            case DELETED -> next == DELETED;
        };
        if (!legal) {
            throw new IllegalStateTransitionException("campaign", this, next);
        }
        return next;
    }

    /** Whether the campaign is over (ENDED or DELETED): its leads exit and nothing more is sent. */
    public boolean isOver() {
        return this == ENDED || this == DELETED;
    }
}
