package io.retentioncenter.core.campaign;

import io.retentioncenter.core.IllegalStateTransitionException;

/** Campaign lifecycle: ACTIVE ⇄ PAUSED, either → ENDED (terminal). */
public enum CampaignStatus {
    /** Receives leads and runs its sequence. */
    ACTIVE,
    /** Keeps its leads but sends nothing; enrollments hold until resumed. */
    PAUSED,
    /** Finished; enrolled leads exit. */
    ENDED;

    /** Returns {@code next} or throws when the move is illegal. */
    public CampaignStatus moveTo(CampaignStatus next) {
        if (this == ENDED && next != ENDED) {
            throw new IllegalStateTransitionException("campaign", this, next);
        }
        return next;
    }
}
