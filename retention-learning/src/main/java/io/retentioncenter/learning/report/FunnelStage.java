package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;

/**
 * One stage of the lead funnel.
 *
 * @param stage the stage
 * @param leads leads that reached it
 * @param shareOfFirst {@code leads} / leads of the first stage, 0 when that is empty
 * @param shareOfPrevious {@code leads} / leads of the previous stage (1 for the first stage when
 *     non-empty), 0 when that is empty
 */
public record FunnelStage(LeadStage stage, long leads, double shareOfFirst, double shareOfPrevious) {

    /** Validates. */
    public FunnelStage {
        Require.present(stage, "stage");
    }
}
