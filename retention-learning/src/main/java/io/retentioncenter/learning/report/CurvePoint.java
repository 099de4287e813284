package io.retentioncenter.learning.report;

/**
 * The time-to-conversion curves at one time since enrollment.
 *
 * @param hours hours since enrollment
 * @param converted Kaplan–Meier F(t) = 1 − S(t), opt-outs censored (a hypothetical world without opt-outs)
 * @param conversionIncidence Aalen–Johansen cumulative incidence of conversion, opt-outs competing:
 *     the share of enrolled leads converted by then
 * @param conversionLower lower end of its pointwise 95 % interval (delta method), at least 0
 * @param conversionUpper upper end of its pointwise 95 % interval, at most 1
 * @param optOutIncidence Aalen–Johansen cumulative incidence of opt-out
 */
public record CurvePoint(double hours, double converted, double conversionIncidence, double conversionLower,
        double conversionUpper, double optOutIncidence) {
}
