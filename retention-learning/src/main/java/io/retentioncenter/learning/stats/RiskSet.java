package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What happened at one distinct observed time: how many leads were still at risk just before it and
 * how many converted, opted out or were censored at it. Leads censored at a time count as at risk at
 * that time, so at tied times events come before censorings.
 */
record RiskSet(double time, int atRisk, int conversions, int optOuts, int censored) {

    /** Groups {@code observations} by distinct time, ascending. */
    static List<RiskSet> tabulate(List<SurvivalObservation> observations) {
        Require.present(observations, "observations");
        List<SurvivalObservation> sorted = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i) == null) {
                throw new ValidationException("observations[" + i + "]", "is required");
            }
            sorted.add(observations.get(i));
        }
        sorted.sort(Comparator.comparingDouble(SurvivalObservation::time));
        List<RiskSet> sets = new ArrayList<>();
        int atRisk = sorted.size();
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int[] counts = new int[SurvivalOutcome.values().length];
            while (i < sorted.size() && sorted.get(i).time() == time) {
                counts[sorted.get(i).outcome().ordinal()]++;
                i++;
            }
            RiskSet set = new RiskSet(time, atRisk, counts[SurvivalOutcome.CONVERTED.ordinal()],
                    counts[SurvivalOutcome.OPTED_OUT.ordinal()], counts[SurvivalOutcome.CENSORED.ordinal()]);
            sets.add(set);
            atRisk -= set.conversions() + set.optOuts() + set.censored();
        }
        return sets;
    }

    /** Index of the last of {@code steps} (ascending by {@code time}) at or before {@code t}, or -1 when none is. */
    static <T> int lastIndexAtOrBefore(List<T> steps, ToDoubleFunction<T> time, double t) {
        if (Double.isNaN(t)) {
            throw new ValidationException("t", "must be a number");
        }
        int low = 0;
        int high = steps.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (time.applyAsDouble(steps.get(mid)) <= t) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
