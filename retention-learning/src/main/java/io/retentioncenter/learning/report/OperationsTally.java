package io.retentioncenter.learning.report;

import io.retentioncenter.core.sequence.ExecutionStatus;

/** Counts behind {@link OperationalStats}, for the whole scope or one sequence. */
final class OperationsTally {
    private long stepsProcessed;
    private long dispatched;
    private long failed;
    private long scheduled;

    /** Counts a step execution; deferrals are not processing. */
    void execution(ExecutionStatus status) {
        if (status != ExecutionStatus.DEFERRED) {
            stepsProcessed++;
        }
    }

    /** Counts an attempt by its phase. */
    void attempt(AttemptPhase phase) {
        if (phase.isDispatched()) {
            dispatched++;
        }
        if (phase == AttemptPhase.FAILED) {
            failed++;
        } else if (phase == AttemptPhase.WAITING) {
            scheduled++;
        }
    }

    /** Whether any step or attempt was counted. */
    boolean hasActivity() {
        return stepsProcessed > 0 || dispatched > 0 || scheduled > 0;
    }

    /** The figures, with {@code activeEnrollments} from the store and rates over {@code observedHours}. */
    OperationalStats stats(long activeEnrollments, double observedHours) {
        return new OperationalStats(activeEnrollments, stepsProcessed, ReportFormat.share(stepsProcessed, observedHours),
                dispatched, failed, ReportFormat.share(failed, dispatched), scheduled);
    }
}
