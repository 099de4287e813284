package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;

/**
 * Keeps the running minimum of an always-valid p-value over the looks of one comparison. Thread-safe:
 * concurrent looks are applied one at a time.
 */
public final class RunningMinimumTracker {
    private RunningMinimum state;

    /** A tracker that has seen no look yet. */
    public RunningMinimumTracker() {
        // state is created by the first look
    }

    /** Records a look and returns the state including it. */
    public synchronized RunningMinimum observe(SequentialEstimate estimate) {
        Require.present(estimate, "estimate");
        if (state == null) {
            state = new RunningMinimum(1, estimate, estimate);
        } else {
            SequentialEstimate best = estimate.pValue() < state.best().pValue() ? estimate : state.best();
            state = new RunningMinimum(state.looks() + 1, estimate, best);
        }
        return state;
    }
}
