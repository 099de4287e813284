package io.retentioncenter.learning.stats;

/**
 * The Kaplan–Meier curve at one distinct observed time.
 *
 * @param time the observed time
 * @param atRisk leads still open just before {@code time} (those censored at it included)
 * @param conversions conversions at {@code time}
 * @param censored leads censored at {@code time} (opt-outs count as censored here)
 * @param survival S(time), the share not yet converted
 * @param variance Greenwood variance of S(time); 0 once S has reached 0
 */
public record KaplanMeierStep(double time, int atRisk, int conversions, int censored, double survival, double variance) {

    /** The conversion curve F(time) = 1 − S(time). */
    public double converted() {
        return 1.0 - survival;
    }
}
