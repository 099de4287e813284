package io.retentioncenter.core.internal;

import io.retentioncenter.core.sequence.StepOutcome;
/**
 * A planned outcome for one claimed enrollment and how it counts in the tick result.
 *
 * @param outcome what to record
 * @param kind how it counts
 */
record PlannedStep(StepOutcome outcome, Kind kind) {
    /** How a planned step counts. */
    enum Kind {
        EXECUTED, SKIPPED, DEFERRED, EXITED, COMPLETED, HELD, SET_ASIDE
    }
}
