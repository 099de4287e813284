package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;

/**
 * A rate shrunk toward a prior rate, for sparse cells such as a day × hour heatmap:
 * {@code p~ = (k + m * p0) / (n + m)}. The prior weight {@code m} acts as m pseudo-trials at the
 * prior rate {@code p0}, so a cell with few trials stays near the overall rate and a cell with many
 * trials keeps its own. With no trials and no prior weight the rate is {@code p0}.
 *
 * @param observed the cell's own successes and trials
 * @param priorRate the rate shrunk toward, in [0, 1], usually the overall rate
 * @param priorWeight pseudo-trials given to the prior, not negative
 * @param rate the shrunk rate in [0, 1]
 */
public record ShrunkRate(Proportion observed, double priorRate, double priorWeight, double rate) {

    /** Validates. */
    public ShrunkRate {
        Require.present(observed, "observed");
        requireUnit(priorRate, "priorRate");
        requirePriorWeight(priorWeight);
        requireUnit(rate, "rate");
    }

    /** Shrinks {@code observed} toward {@code priorRate} with {@code priorWeight} pseudo-trials. */
    public static ShrunkRate shrink(Proportion observed, double priorRate, double priorWeight) {
        Require.present(observed, "observed");
        requireUnit(priorRate, "priorRate");
        requirePriorWeight(priorWeight);
        double denominator = observed.trials() + priorWeight;
        double rate = denominator == 0.0 ? priorRate
                : Math.min(1.0, (observed.successes() + priorWeight * priorRate) / denominator);
        return new ShrunkRate(observed, priorRate, priorWeight, rate);
    }

    private static void requirePriorWeight(double priorWeight) {
        if (!(priorWeight >= 0.0 && Double.isFinite(priorWeight))) {
            throw new ValidationException("priorWeight", "must be a finite number >= 0, was " + priorWeight);
        }
    }

    private static void requireUnit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new ValidationException(field, "must be in [0, 1], was " + value);
        }
    }
}
