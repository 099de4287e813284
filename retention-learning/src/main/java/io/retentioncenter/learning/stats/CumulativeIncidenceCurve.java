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

    /** Estimated share of leads opted out by {@code t}. */
    public double optOutAt(double t) {
        int i = RiskSet.lastIndexAtOrBefore(steps, CumulativeIncidenceStep::time, t);
        return i < 0 ? 0.0 : steps.get(i).optOutIncidence();
    }
}
