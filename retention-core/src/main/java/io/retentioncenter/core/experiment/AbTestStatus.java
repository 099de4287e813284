package io.retentioncenter.core.experiment;

/** A/B test lifecycle: RUNNING ⇄ PAUSED, either → COMPLETED; any → DELETED (terminal). */
public enum AbTestStatus {
    /** Assigning variants to new attempts. */
    RUNNING,
    /** Held by an operator: no variant is assigned until it resumes; its counts stay. */
    PAUSED,
    /** Ended by the judge or by hand; no further assignment. */
    COMPLETED,
    /**
     * Deleted by an operator: left out of listings and never assigns again, while its attempts keep
     * their variant and its counts stay readable.
     */
    DELETED
}
