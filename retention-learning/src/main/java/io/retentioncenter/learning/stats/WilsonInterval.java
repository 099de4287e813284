package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;

/**
 * Wilson score interval for a proportion: with {@code p = k/n} and {@code z} the two-sided critical
 * value, centre {@code (p + z²/2n) / (1 + z²/n)} and half-width
 * {@code z / (1 + z²/n) * sqrt(p(1 - p)/n + z²/4n²)}. Unlike the Wald interval it stays inside
 * [0, 1] and is sensible for 0/n and n/n (lower bound exactly 0, respectively upper bound exactly 1).
 * With no trials the interval is the uninformative [0, 1].
 *
 * @param lower lower bound in [0, 1]
 * @param upper upper bound in [0, 1]
 * @param confidence the confidence level, e.g. 0.95
 */
public record WilsonInterval(double lower, double upper, double confidence) {
    /** The default confidence level, 95 %. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the bounds and the confidence level. */
    public WilsonInterval {
        requireConfidence(confidence);
        if (!(0.0 <= lower && lower <= upper && upper <= 1.0)) {
            throw new ValidationException("interval", "need 0 <= lower <= upper <= 1, got [" + lower + ", " + upper + "]");
        }
    }

    /** The 95 % interval for {@code proportion}. */
    public static WilsonInterval of(Proportion proportion) {
        return of(proportion, DEFAULT_CONFIDENCE);
    }

    /** The interval for {@code proportion} at {@code confidence}, strictly between 0 and 1. */
    public static WilsonInterval of(Proportion proportion, double confidence) {
        Require.present(proportion, "proportion");
        requireConfidence(confidence);
        long n = proportion.trials();
        if (n == 0) {
            return new WilsonInterval(0.0, 1.0, confidence);
        }
        double z = StandardNormal.twoSidedCriticalValue(confidence);
        double zz = z * z;
        double p = proportion.rate();
        double denominator = 1.0 + zz / n;
        double centre = (p + zz / (2.0 * n)) / denominator;
        double halfWidth = z / denominator * Math.sqrt(p * (1.0 - p) / n + zz / (4.0 * n * n));
        double lower = proportion.successes() == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double upper = proportion.successes() == n ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new WilsonInterval(lower, upper, confidence);
    }

    private static void requireConfidence(double confidence) {
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new ValidationException("confidence", "must be strictly between 0 and 1, was " + confidence);
        }
    }
}
