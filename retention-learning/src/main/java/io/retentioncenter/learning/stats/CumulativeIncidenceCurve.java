package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Aalen–Johansen cumulative incidence of conversion with opt-out as a competing outcome. A lead
 * that opted out can no longer convert, so treating it as censored (as plain
 * Kaplan–Meier does) overstates conversion. With {@code S(t−)} the share with neither outcome just
 * before {@code t_i}: {@code CIF_conversion(t) = Σ over t_i <= t of S(t_i−) · conversions_i / n_i},
 * likewise for opt-outs, and {@code S} drops by both outcomes. At every time
 * eventFree + conversionIncidence + optOutIncidence = 1.
 *
 * <p>Before the first observed time, and for an empty data set, both incidences are 0.
 *
 * @param subjects number of observations
 * @param steps one step per distinct observed time, ascending
 */
public record CumulativeIncidenceCurve(int subjects, List<CumulativeIncidenceStep> steps) {

    /** Copies the steps. */
    public CumulativeIncidenceCurve {
        steps = List.copyOf(Require.present(steps, "steps"));
    }

    /** Estimates the curve from {@code observations}. */
    public static CumulativeIncidenceCurve estimate(List<SurvivalObservation> observations) {
        List<RiskSet> sets = RiskSet.tabulate(observations);
        List<CumulativeIncidenceStep> steps = new ArrayList<>(sets.size());
        double eventFree = 1.0;
        double conversion = 0.0;
        double optOut = 0.0;
        for (RiskSet set : sets) {
            double n = set.atRisk();
            conversion += eventFree * set.conversions() / n;
            optOut += eventFree * set.optOuts() / n;
            eventFree *= 1.0 - (set.conversions() + set.optOuts()) / n;
            steps.add(new CumulativeIncidenceStep(set.time(), set.atRisk(), set.conversions(), set.optOuts(),
                    set.censored(), eventFree, conversion, optOut));
        }
        return new CumulativeIncidenceCurve(observations.size(), steps);
    }

    /** Estimated share of leads converted by {@code t}. */
    public double conversionAt(double t) {
        int i = RiskSet.lastIndexAtOrBefore(steps, CumulativeIncidenceStep::time, t);
        return i < 0 ? 0.0 : steps.get(i).conversionIncidence();
    }

    /**
     * Delta-method variance of the cumulative incidence of conversion at {@code t} (Marubini and
     * Valsecchi; Pintilie, eq. 4.3). With {@code d_j} all events and {@code c_j} conversions at
     * {@code t_j}, {@code S(t_j−)} the event-free share just before, and {@code F} the conversion
     * incidence: {@code Σ over t_j <= t of (F(t) − F(t_j))² d_j / (n_j (n_j − d_j))
     * + S(t_j−)² c_j (n_j − c_j) / n_j³ − 2 (F(t) − F(t_j)) S(t_j−) c_j / n_j²}. Without censoring
     * it is the binomial variance F(1 − F)/n.
     */
    public double conversionVarianceAt(double t) {
        int last = RiskSet.lastIndexAtOrBefore(steps, CumulativeIncidenceStep::time, t);
        return last < 0 ? 0.0 : conversionVariances()[last];
    }

    /**
     * {@link #conversionVarianceAt} at every step, in one pass: the sum expands into prefix sums,
     * {@code F² Σa − 2F Σ(a F_j + c_j) + Σ(a F_j² + b_j + 2 c_j F_j)}.
     */
    public double[] conversionVariances() {
        double[] variances = new double[steps.size()];
        double sumA = 0.0;
        double sumLinear = 0.0;
        double sumConstant = 0.0;
        double before = 1.0;
        for (int j = 0; j < steps.size(); j++) {
            CumulativeIncidenceStep step = steps.get(j);
            double n = step.atRisk();
            double d = step.conversions() + step.optOuts();
            double c = step.conversions();
            double f = step.conversionIncidence();
            double a = n > d ? d / (n * (n - d)) : 0.0;
            double b = before * before * c * (n - c) / (n * n * n);
            double cross = before * c / (n * n);
            sumA += a;
            sumLinear += a * f + cross;
            sumConstant += a * f * f + b + 2.0 * cross * f;
            variances[j] = Math.max(0.0, f * f * sumA - 2.0 * f * sumLinear + sumConstant);
            before = step.eventFree();
        }
        return variances;
    }

    /** Estimated share of leads opted out by {@code t}. */
    public double optOutAt(double t) {
        int i = RiskSet.lastIndexAtOrBefore(steps, CumulativeIncidenceStep::time, t);
        return i < 0 ? 0.0 : steps.get(i).optOutIncidence();
    }
}
