package io.retentioncenter.core.experiment;

/** A/B test lifecycle. */
public enum AbTestStatus {
    /** Assigning variants to new attempts. */
    RUNNING,
    /** Ended by the judge or by hand; no further assignment. */
    COMPLETED
}
