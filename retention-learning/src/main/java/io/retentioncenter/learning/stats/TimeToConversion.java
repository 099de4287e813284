package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;
import java.util.OptionalDouble;

/**
 * Time-to-conversion figures over a conversion window, read off a {@link KaplanMeierCurve}.
 *
 * @param subjects leads observed
 * @param conversions conversions observed
 * @param horizon the window length, e.g. the attribution window
 * @param convertedByHorizon F(horizon), the estimated share converted within the window
 * @param median median time to conversion, empty when fewer than half are estimated to convert
 * @param restrictedMean mean of min(time to conversion, horizon)
 */
public record TimeToConversion(
        int subjects,
        int conversions,
        double horizon,
        double convertedByHorizon,
        OptionalDouble median,
        double restrictedMean) {

    /** Validates. */
    public TimeToConversion {
        Require.present(median, "median");
    }
}
