package io.retentioncenter.core.sequence;

/** Why an enrollment was EXITED (or CONVERTED). */
public enum ExitReason {
    /** The lead converted. */
    CONVERTED,
    /** The lead opted out or was marked do-not-contact. */
    OPTED_OUT,
    /** The tracker rejected the lead. */
    REJECTED,
    /** The campaign ended. */
    CAMPAIGN_ENDED,
    /** The lead reached the campaign's per-lead contact limit. */
    CONTACT_LIMIT,
    /** Removed by an operator. */
    MANUAL,
    /** An operator removed the lead from the campaign. */
    REMOVED_FROM_CAMPAIGN,
    /** The sequence was deleted or lost its campaign. */
    SEQUENCE_REMOVED
}
