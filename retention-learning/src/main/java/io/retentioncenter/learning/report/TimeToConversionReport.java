package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.TimeToConversion;
import java.util.List;

/**
 * Time from enrollment to conversion, in hours, by Kaplan–Meier. Enrollments that
 * have not converted are censored at the report's end (or at the attribution window, when shorter);
 * opt-outs are censored for Kaplan–Meier and a competing outcome for the cumulative incidence.
 *
 * @param summary subjects, conversions, F(horizon), median and restricted mean up to the horizon
 *     (the attribution window, else the length of the range)
 * @param convertedLowerBound lower end of the 95 % Greenwood interval of F(horizon), at least 0
 * @param conversionIncidence cumulative incidence of conversion at the horizon, opt-outs competing
 * @param optOutIncidence cumulative incidence of opt-out at the horizon
 * @param curve the curves at 24 evenly spaced times up to the horizon
 */
public record TimeToConversionReport(TimeToConversion summary, double convertedLowerBound, double conversionIncidence,
        double optOutIncidence, List<CurvePoint> curve) {

    /** Validates and copies. */
    public TimeToConversionReport {
        Require.present(summary, "summary");
        curve = List.copyOf(Require.present(curve, "curve"));
    }
}
