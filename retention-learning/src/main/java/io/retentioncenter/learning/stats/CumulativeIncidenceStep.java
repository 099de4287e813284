package io.retentioncenter.learning.stats;

/**
 * The Aalen–Johansen estimate at one distinct observed time.
 *
 * @param time the observed time
 * @param atRisk leads still open just before {@code time}
 * @param conversions conversions at {@code time}
 * @param optOuts opt-outs at {@code time}
 * @param censored leads censored at {@code time}
 * @param eventFree share with neither outcome yet (overall Kaplan–Meier survival)
 * @param conversionIncidence cumulative incidence of conversion by {@code time}
 * @param optOutIncidence cumulative incidence of opt-out by {@code time}
 */
public record CumulativeIncidenceStep(
        double time,
        int atRisk,
        int conversions,
        int optOuts,
        int censored,
        double eventFree,
        double conversionIncidence,
        double optOutIncidence) {
}
