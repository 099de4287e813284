package io.retentioncenter.learning.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The standard normal distribution, built once: constructing a commons-math3 distribution seeds a
 * random generator, which is far slower than the evaluation itself. No sampling happens here, so no
 * generator is attached.
 */
final class StandardNormal {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0.0, 1.0);

    private StandardNormal() {
    }

    /** Two-sided p-value {@code 2 * Phi(-|z|)}, which keeps precision in the tails where {@code 1 - Phi(z)} underflows. */
    static double twoSidedPValue(double z) {
        return Math.min(1.0, 2.0 * N01.cumulativeProbability(-Math.abs(z)));
    }

    /** The critical value {@code Phi^-1(1 - (1 - confidence) / 2)} of a two-sided interval. */
    static double twoSidedCriticalValue(double confidence) {
        return N01.inverseCumulativeProbability(1.0 - (1.0 - confidence) / 2.0);
    }
}
