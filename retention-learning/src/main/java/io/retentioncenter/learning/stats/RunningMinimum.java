package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;

/**
 * The state of a sequential test after some looks.
 *
 * @param looks evaluable looks taken so far
 * @param latest the estimate at the latest look
 * @param best the estimate at the look with the smallest p-value so far; its sign tells the direction
 */
public record RunningMinimum(int looks, SequentialEstimate latest, SequentialEstimate best) {

    /** Validates. */
    public RunningMinimum {
        Require.positive(looks, "looks");
        Require.present(latest, "latest");
        Require.present(best, "best");
    }

    /** The running always-valid p-value: the minimum over all looks. */
    public double pValue() {
        return best.pValue();
    }
}
