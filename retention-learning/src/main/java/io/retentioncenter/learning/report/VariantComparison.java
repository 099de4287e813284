package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.SequentialEstimate;
import java.util.Optional;

/**
 * A variant compared with the control by the always-valid sequential test.
 *
 * @param variant the variant
 * @param control the control (the test's first variant)
 * @param alpha the level of this comparison (the overall alpha split evenly over comparisons)
 * @param estimate difference, always-valid p-value and confidence sequence; empty while either
 *     arm lacks a conversion or a non-conversion
 * @param significant whether the always-valid p-value is at or below {@code alpha}
 */
public record VariantComparison(String variant, String control, double alpha, Optional<SequentialEstimate> estimate,
        boolean significant) {

    /** Validates. */
    public VariantComparison {
        Require.text(variant, "variant");
        Require.text(control, "control");
        Require.present(estimate, "estimate");
    }
}
