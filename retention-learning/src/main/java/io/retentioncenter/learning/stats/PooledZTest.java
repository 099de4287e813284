package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;

/**
 * Two-proportion z-test with the pooled standard error:
 * {@code z = (p2 - p1) / sqrt(p(1 - p)(1/n1 + 1/n2))} with {@code p} the pooled rate, two-sided
 * {@code p = 2 * Phi(-|z|)}.
 *
 * <p>Degenerate inputs carry no evidence of a difference and give {@code z = 0, p = 1}: an arm with
 * no trials, or a pooled rate of exactly 0 or 1 (every trial failed, or every trial succeeded).
 *
 * @param z the test statistic, positive when the treatment's rate is higher
 * @param pValue two-sided p-value in [0, 1]
 */
public record PooledZTest(double z, double pValue) {

    /** Compares {@code treatment} against {@code control}. */
    public static PooledZTest compute(Proportion control, Proportion treatment) {
        Require.present(control, "control");
        Require.present(treatment, "treatment");
        if (control.trials() == 0 || treatment.trials() == 0) {
            return new PooledZTest(0.0, 1.0);
        }
        long successes = control.successes() + treatment.successes();
        long trials = control.trials() + treatment.trials();
        if (successes == 0 || successes == trials) {
            return new PooledZTest(0.0, 1.0);
        }
        double pooled = (double) successes / trials;
        double standardError = Math.sqrt(pooled * (1.0 - pooled)
                * (1.0 / control.trials() + 1.0 / treatment.trials()));
        double z = (treatment.rate() - control.rate()) / standardError;
        return new PooledZTest(z, StandardNormal.twoSidedPValue(z));
    }
}
