package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Kaplan–Meier estimate of time to conversion: leads still in the sequence are
 * censored, not counted as failures. {@code S(t) = Π over conversion times t_i <= t of (1 − d_i/n_i)},
 * Greenwood variance {@code S(t)² Σ d_i / (n_i (n_i − d_i))}; at tied times conversions come before
 * censorings. Opt-outs are treated as censored here; {@link CumulativeIncidenceCurve} handles them as
 * the competing outcome they are.
 *
 * <p>Before the first observed time, and for an empty data set, S = 1 and the variance is 0.
 *
 * @param subjects number of observations
 * @param conversions number of conversions among them
 * @param steps one step per distinct observed time, ascending
 */
public record KaplanMeierCurve(int subjects, int conversions, List<KaplanMeierStep> steps) {
    /** Slack for deciding S(t) <= 0.5 when rounding leaves a product a hair above an exact 0.5. */
    private static final double MEDIAN_TOLERANCE = 1e-12;

    /** Copies the steps. */
    public KaplanMeierCurve {
        steps = List.copyOf(Require.present(steps, "steps"));
    }

    /** Estimates the curve from {@code observations}, in which only CONVERTED counts as an event. */
    public static KaplanMeierCurve estimate(List<SurvivalObservation> observations) {
        List<RiskSet> sets = RiskSet.tabulate(observations);
        List<KaplanMeierStep> steps = new ArrayList<>(sets.size());
        double survival = 1.0;
        double greenwoodSum = 0.0;
        int conversions = 0;
        for (RiskSet set : sets) {
            int d = set.conversions();
            int n = set.atRisk();
            if (d > 0) {
                survival *= 1.0 - (double) d / n;
                greenwoodSum += d < n ? (double) d / ((double) n * (n - d)) : 0.0;
                conversions += d;
            }
            double variance = survival == 0.0 ? 0.0 : survival * survival * greenwoodSum;
            steps.add(new KaplanMeierStep(set.time(), n, d, set.optOuts() + set.censored(), survival, variance));
        }
        return new KaplanMeierCurve(observations.size(), conversions, steps);
    }

    /** S(t): the share of leads not yet converted at {@code t}. */
    public double survivalAt(double t) {
        int i = RiskSet.lastIndexAtOrBefore(steps, KaplanMeierStep::time, t);
        return i < 0 ? 1.0 : steps.get(i).survival();
    }

    /** F(t) = 1 − S(t): the estimated share of leads converted by {@code t}. */
    public double convertedAt(double t) {
        return 1.0 - survivalAt(t);
    }

    /** Greenwood variance of S(t). */
    public double varianceAt(double t) {
        int i = RiskSet.lastIndexAtOrBefore(steps, KaplanMeierStep::time, t);
        return i < 0 ? 0.0 : steps.get(i).variance();
    }

    /** The median time to conversion: the first time with {@code S(t) <= 0.5}; empty when the curve never gets there. */
    public OptionalDouble median() {
        return steps.stream()
                .filter(step -> step.survival() <= 0.5 + MEDIAN_TOLERANCE)
                .mapToDouble(KaplanMeierStep::time)
                .findFirst();
    }

    /**
     * The restricted mean time to conversion up to {@code horizon}: the area under S(t) from 0 to
     * {@code horizon}, i.e. the mean of min(time to conversion, horizon).
     */
    public double restrictedMean(double horizon) {
        requireHorizon(horizon);
        double area = 0.0;
        double previousTime = 0.0;
        double survival = 1.0;
        for (KaplanMeierStep step : steps) {
            if (step.time() >= horizon) {
                break;
            }
            area += survival * (step.time() - previousTime);
            previousTime = step.time();
            survival = step.survival();
        }
        return area + survival * (horizon - previousTime);
    }

    /** The figures to report for a conversion window of length {@code horizon}. */
    public TimeToConversion summary(double horizon) {
        requireHorizon(horizon);
        return new TimeToConversion(subjects, conversions, horizon, convertedAt(horizon), median(), restrictedMean(horizon));
    }

    private static void requireHorizon(double horizon) {
        if (!(horizon >= 0.0 && Double.isFinite(horizon))) {
            throw new ValidationException("horizon", "must be a finite number >= 0, was " + horizon);
        }
    }
}
