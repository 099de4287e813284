package io.retentioncenter.core.sequence;

/** Outcome of processing one due step. */
public enum ExecutionStatus {
    /** The contact was routed and an attempt recorded. */
    EXECUTED,
    /** A condition did not hold or the channel is not viable for the lead; the sequence moved on. */
    SKIPPED,
    /** Outside schedule hours or over a rate limit; the same step is due again later. */
    DEFERRED,
    /** The provider kept failing after the step's retries; the sequence moved on. */
    FAILED,
    /**
     * Processing the step failed in the store for a reason that does not go away by itself; the
     * enrollment was set aside with the error as result.
     */
    SET_ASIDE
}
