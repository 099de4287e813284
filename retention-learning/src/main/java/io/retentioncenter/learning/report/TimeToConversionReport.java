package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.TimeToConversion;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Time from enrollment to conversion, in hours, up to the horizon (the attribution window).
 * Enrollments that have not converted are censored at the end of observation or at the horizon;
 * opt-outs compete with conversion. The headline is the Aalen–Johansen cumulative incidence (the
 * share of enrolled leads converted by the horizon, opt-outs competing) with its 95 % interval; the
 * Kaplan–Meier summary, which censors opt-outs and so overstates conversion when leads opt out, is
 * kept for comparison.
 *
 * @param horizonHours the horizon of "converted by", in hours
 * @param conversionIncidence cumulative incidence of conversion at the horizon, opt-outs competing
 * @param conversionLower lower end of its 95 % interval (delta method), at least 0
 * @param conversionUpper upper end of its 95 % interval, at most 1
 * @param optOutIncidence cumulative incidence of opt-out at the horizon
 * @param median the first time the cumulative incidence of conversion reaches one half; empty when
 *     it does not by the horizon
 * @param medianLower lower end of the 95 % interval of the median: the first time the interval's
 *     upper end reaches one half; empty when it does not
 * @param medianUpper upper end: the first time the interval's lower end reaches one half; empty when
 *     it does not by the horizon (the interval is open to the right)
 * @param summary Kaplan–Meier with opt-outs censored: subjects, conversions, F(horizon), median and
 *     restricted mean up to the horizon
 * @param convertedLowerBound lower end of the 95 % Greenwood interval of the Kaplan–Meier F(horizon)
 * @param curve the curves at 24 evenly spaced times up to the horizon
 */
public record TimeToConversionReport(double horizonHours, double conversionIncidence, double conversionLower,
        double conversionUpper, double optOutIncidence, OptionalDouble median, OptionalDouble medianLower,
        OptionalDouble medianUpper, TimeToConversion summary, double convertedLowerBound, List<CurvePoint> curve) {

    /** Validates and copies. */
    public TimeToConversionReport {
        Require.present(median, "median");
        Require.present(medianLower, "medianLower");
        Require.present(medianUpper, "medianUpper");
        Require.present(summary, "summary");
        curve = List.copyOf(Require.present(curve, "curve"));
    }
}
