package io.retentioncenter.learning.stats;

/** How a lead's time-to-event observation ended. */
public enum SurvivalOutcome {
    /** The lead converted at the observed time (the event of interest). */
    CONVERTED,
    /** The lead opted out at the observed time (a competing outcome: it can no longer convert). */
    OPTED_OUT,
    /** The lead was still open at the observed time (still in the sequence, or the window closed). */
    CENSORED
}
