package io.retentioncenter.core.sequence;

/**
 * Enrollment lifecycle: ACTIVE ⇄ PAUSED, ACTIVE → SET_ASIDE → ACTIVE (an operator resumes it), then
 * COMPLETED, CONVERTED or EXITED (all final).
 */
public enum EnrollmentStatus {
    /** Steps run when due. */
    ACTIVE,
    /** Held; no steps run until resumed. */
    PAUSED,
    /**
     * Processing its step kept failing in the store (a value the database refuses, corrupt data);
     * held with the error recorded as a {@link ExecutionStatus#SET_ASIDE} execution until an
     * operator resumes or exits it. Conversions and opt-outs end it like an ACTIVE one.
     */
    SET_ASIDE,
    /** Every step ran. */
    COMPLETED,
    /** The lead converted; no further steps. */
    CONVERTED,
    /** Left early, see {@link ExitReason}. */
    EXITED;

    /** Whether the enrollment is over. */
    public boolean isFinal() {
        return this == COMPLETED || this == CONVERTED || this == EXITED;
    }
}
