package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Sample-ratio-mismatch check: a χ² goodness-of-fit test of the arms' observed counts against the
 * planned split. A tiny p-value means the assignment is not doing what was planned (a bug, a bot, a
 * broken arm), and no comparison of the arms can be trusted until that is explained. With nothing
 * observed yet the statistic is 0 and p is 1.
 *
 * @param chiSquare Σ (observed − expected)² / expected
 * @param degreesOfFreedom number of arms − 1
 * @param pValue upper-tail p-value in [0, 1]
 * @param threshold the p-value below which a mismatch is flagged
 * @param mismatch whether {@code pValue < threshold}
 */
public record SampleRatioCheck(double chiSquare, int degreesOfFreedom, double pValue, double threshold, boolean mismatch) {
    /** The conventional threshold: flag at {@code p < 0.001}. */
    public static final double DEFAULT_THRESHOLD = 0.001;
    /** χ² distributions by degrees of freedom, built once each: construction costs far more than evaluation. */
    private static final ConcurrentMap<Integer, ChiSquaredDistribution> DISTRIBUTIONS = new ConcurrentHashMap<>();

    /** Tests {@code observed} counts against {@code plannedWeights} (relative shares, same order). */
    public static SampleRatioCheck test(long[] observed, double[] plannedWeights, double threshold) {
        Require.present(observed, "observed");
        Require.present(plannedWeights, "plannedWeights");
        if (observed.length < 2 || observed.length != plannedWeights.length) {
            throw new ValidationException("plannedWeights", "need one weight per arm and at least two arms, got "
                    + observed.length + " counts and " + plannedWeights.length + " weights");
        }
        if (!(threshold > 0.0 && threshold < 1.0)) {
            throw new ValidationException("threshold", "must be strictly between 0 and 1, was " + threshold);
        }
        double total = 0.0;
        double totalWeight = 0.0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0) {
                throw new ValidationException("observed[" + i + "]", "must not be negative, was " + observed[i]);
            }
            if (!(plannedWeights[i] > 0.0 && Double.isFinite(plannedWeights[i]))) {
                throw new ValidationException("plannedWeights[" + i + "]", "must be a finite positive number, was "
                        + plannedWeights[i]);
            }
            total += observed[i];
            totalWeight += plannedWeights[i];
        }
        int degreesOfFreedom = observed.length - 1;
        if (total == 0.0) {
            return new SampleRatioCheck(0.0, degreesOfFreedom, 1.0, threshold, false);
        }
        double chiSquare = 0.0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * plannedWeights[i] / totalWeight;
            double deviation = observed[i] - expected;
            chiSquare += deviation * deviation / expected;
        }
        double cumulative = DISTRIBUTIONS.computeIfAbsent(degreesOfFreedom, df -> new ChiSquaredDistribution(null, df))
                .cumulativeProbability(chiSquare);
        double pValue = Math.max(0.0, Math.min(1.0, 1.0 - cumulative));
        return new SampleRatioCheck(chiSquare, degreesOfFreedom, pValue, threshold, pValue < threshold);
    }
}
