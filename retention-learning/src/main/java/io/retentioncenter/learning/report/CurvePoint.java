package io.retentioncenter.learning.report;

/**
 * The time-to-conversion curves at one time since enrollment.
 *
 * @param hours hours since enrollment
 * @param converted Kaplan–Meier F(t) = 1 − S(t), opt-outs censored
 * @param conversionIncidence Aalen–Johansen cumulative incidence of conversion, opt-outs competing
 * @param optOutIncidence Aalen–Johansen cumulative incidence of opt-out
 */
public record CurvePoint(double hours, double converted, double conversionIncidence, double optOutIncidence) {
}
