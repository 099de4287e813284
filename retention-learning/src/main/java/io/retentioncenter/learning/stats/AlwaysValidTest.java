package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * Always-valid sequential comparison of two conversion rates, the normal-mixture mSPRT (Johari,
 * Pekelis and Walsh). Unlike a fixed-horizon test, its p-value may be checked after every lead: the chance
 * that the running minimum ever drops to {@code alpha} when the arms are identical stays near or below
 * {@code alpha}, however many looks are taken.
 *
 * <p>With {@code Δ̂ = p̂B − p̂A}, {@code SE = sqrt(p̂A(1−p̂A)/nA + p̂B(1−p̂B)/nB)}, {@code z = Δ̂/SE},
 * {@code N = nA + nB}: {@code ρ² = (−2 ln α + ln(1 − 2 ln α)) / N*}, {@code r = N ρ²},
 * {@code p = min(1, sqrt(1 + r) exp(−(r / (1 + r)) z² / 2))} and the confidence sequence
 * {@code Δ̂ ± SE sqrt(((1 + r) / r)(ln(1 + r) + 2 ln(1/α)))}.
 *
 * @param alpha significance level in (0, 1), also the level that tunes the mixture
 * @param expectedSample N*, the expected total sample of both arms at decision time; fixed for the
 *     life of a test
 */
public record AlwaysValidTest(double alpha, long expectedSample) {
    /** The conventional significance level. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The default expected total sample N*. */
    public static final long DEFAULT_EXPECTED_SAMPLE = 5000;

    /** Validates. */
    public AlwaysValidTest {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new ValidationException("alpha", "must be strictly between 0 and 1, was " + alpha);
        }
        if (expectedSample <= 0) {
            throw new ValidationException("expectedSample", "must be positive, was " + expectedSample);
        }
    }

    /** The mixing variance ρ² tuned for {@code alpha} and {@code expectedSample}. */
    public double mixingVariance() {
        double minusTwoLogAlpha = -2.0 * Math.log(alpha);
        return (minusTwoLogAlpha + Math.log(1.0 + minusTwoLogAlpha)) / expectedSample;
    }

    /**
     * The estimate after the current look, or empty while either arm lacks a conversion or a
     * non-conversion (the standard error would be 0 and the test undefined).
     */
    public Optional<SequentialEstimate> evaluate(Proportion control, Proportion treatment) {
        Require.present(control, "control");
        Require.present(treatment, "treatment");
        if (!control.hasBothOutcomes() || !treatment.hasBothOutcomes()) {
            return Optional.empty();
        }
        double pA = control.rate();
        double pB = treatment.rate();
        double difference = pB - pA;
        double standardError = Math.sqrt(pA * (1.0 - pA) / control.trials() + pB * (1.0 - pB) / treatment.trials());
        double z = difference / standardError;
        long sampleSize = control.trials() + treatment.trials();
        double r = sampleSize * mixingVariance();
        double logP = 0.5 * Math.log1p(r) - (r / (1.0 + r)) * z * z / 2.0;
        double pValue = Math.min(1.0, Math.exp(logP));
        double halfWidth = standardError * Math.sqrt((1.0 + r) / r * (Math.log1p(r) + 2.0 * Math.log(1.0 / alpha)));
        return Optional.of(new SequentialEstimate(sampleSize, difference, standardError, z, r, pValue,
                difference - halfWidth, difference + halfWidth));
    }
}
