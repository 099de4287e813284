package io.retentioncenter.core.campaign;

/** A lead's membership in a campaign: in it, or taken out by an operator (kept for history). */
public enum MemberStatus {
    /** In the campaign; counts against its lead cap. */
    ACTIVE,
    /**
     * Removed by an operator: its outreach in the campaign ended, it no longer counts against the cap,
     * and neither routing nor a manual assignment brings it back into this campaign.
     */
    REMOVED
}
