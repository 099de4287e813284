package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test for the 2×2 table of two proportions (rows: control, treatment; columns:
 * success, failure). With the margins fixed, the treatment's successes follow a hypergeometric
 * distribution; the two-sided p-value sums the probabilities of every table no more likely than the
 * observed one, with a relative tolerance of 1e-7 so that tables tied with the observed one in exact
 * arithmetic are not lost to rounding (the convention of R's {@code fisher.test}).
 *
 * <p>A table with an empty margin (no trials at all, or no successes or no failures overall) admits
 * one table only and gives p = 1.
 */
public final class FisherExactTest {
    private static final double RELATIVE_TOLERANCE = 1e-7;

    private FisherExactTest() {
    }

    /**
     * The two-sided p-value in [0, 1] for {@code treatment} against {@code control}.
     *
     * @throws ValidationException when the combined trials exceed {@link Integer#MAX_VALUE}
     */
    public static double twoSidedPValue(Proportion control, Proportion treatment) {
        Require.present(control, "control");
        Require.present(treatment, "treatment");
        long population = control.trials() + treatment.trials();
        if (population > Integer.MAX_VALUE) {
            throw new ValidationException("trials", "Fisher's exact test supports at most " + Integer.MAX_VALUE
                    + " observations, got " + population);
        }
        long successes = control.successes() + treatment.successes();
        if (population == 0 || successes == 0 || successes == population) {
            return 1.0;
        }
        HypergeometricDistribution distribution = new HypergeometricDistribution(
                null, (int) population, (int) successes, (int) treatment.trials());
        double observed = distribution.probability((int) treatment.successes());
        double threshold = observed * (1.0 + RELATIVE_TOLERANCE);
        double pValue = 0.0;
        for (int x = distribution.getSupportLowerBound(); x <= distribution.getSupportUpperBound(); x++) {
            double probability = distribution.probability(x);
            if (probability <= threshold) {
                pValue += probability;
            }
        }
        return Math.min(1.0, pValue);
    }
}
