package io.retentioncenter.core.sequence;

/** Enrollment lifecycle: ACTIVE ⇄ PAUSED, then COMPLETED, CONVERTED or EXITED (all final). */
public enum EnrollmentStatus {
    /** Steps run when due. */
    ACTIVE,
    /** Held; no steps run until resumed. */
    PAUSED,
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
