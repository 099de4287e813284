package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.SequentialEstimate;
import java.util.List;
import java.util.Optional;

/**
 * A variant compared with the control by the always-valid sequential test, judged as the engine's
 * judge does: by the running minimum of the always-valid p over the looks.
 *
 * @param variant the variant
 * @param control the control (the test's first variant)
 * @param alpha the level of this comparison (the overall alpha split evenly over comparisons)
 * @param estimate the latest look (the store's counts over the test's whole life); empty while
 *     either arm lacks a conversion or a non-conversion
 * @param runningMinimumP the smallest always-valid p over the looks, 1 before any evaluable look
 * @param looks evaluable looks: the replayed ones over the range and the latest
 * @param significant whether {@code runningMinimumP} is at or below {@code alpha}
 * @param trajectory the looks over time, the latest last
 */
public record VariantComparison(String variant, String control, double alpha, Optional<SequentialEstimate> estimate,
        double runningMinimumP, int looks, boolean significant, List<SequencePoint> trajectory) {

    /** Validates and copies. */
    public VariantComparison {
        Require.text(variant, "variant");
        Require.text(control, "control");
        Require.present(estimate, "estimate");
        trajectory = List.copyOf(Require.present(trajectory, "trajectory"));
    }
}
