package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SequentialEstimate;
import java.time.Instant;
import java.util.Optional;

/**
 * One look at an A/B comparison: the arms' counts at that time and the always-valid estimate.
 *
 * @param at when
 * @param control converted out of exposed leads of the control
 * @param variant converted out of exposed leads of the variant
 * @param estimate difference, always-valid p and confidence sequence; empty while an arm lacks a
 *     conversion or a non-conversion
 */
public record SequencePoint(Instant at, Proportion control, Proportion variant, Optional<SequentialEstimate> estimate) {

    /** Validates. */
    public SequencePoint {
        Require.present(at, "at");
        Require.present(control, "control");
        Require.present(variant, "variant");
        Require.present(estimate, "estimate");
    }
}
