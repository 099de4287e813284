package io.retentioncenter.core.sequence;

/**
 * A condition a step needs to run; when it does not hold the step is SKIPPED, never failed.
 * Conditions look at the lead's earlier attempts in the same enrollment.
 */
public enum StepCondition {
    /** Run only if no earlier email of this enrollment was opened (or better). */
    EMAIL_NOT_OPENED,
    /** Run only if the lead has not replied to any earlier attempt of this enrollment. */
    NO_REPLY,
    /** Run only if no earlier call of this enrollment was answered. */
    CALL_NOT_ANSWERED,
    /** Run only if the lead has not converted (always true for running enrollments; kept for clarity). */
    NOT_CONVERTED
}
