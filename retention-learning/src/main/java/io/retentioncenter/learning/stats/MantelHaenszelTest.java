package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;
import java.util.List;

/**
 * Cochran–Mantel–Haenszel test of a group against a baseline within strata (for example the sends
 * of one day against the other days, within each campaign, channel and step), so that a difference
 * that only reflects which strata the group fell in is not reported. Per stratum with a 2×2 table of
 * group/baseline × converted/not and total {@code n}: {@code E = (group trials · successes) / n},
 * {@code V = group trials · baseline trials · successes · failures / (n² (n − 1))};
 * {@code z = (Σ group successes − Σ E) / sqrt(Σ V)}, two-sided {@code p = 2·Φ(−|z|)}. Strata where
 * either side is empty or nobody (or everybody) converted carry no information (V = 0); with no
 * information at all, p = 1.
 *
 * @param z the standardized statistic, 0 without information
 * @param pValue two-sided p-value
 * @param informativeStrata strata that contributed (V &gt; 0)
 */
public record MantelHaenszelTest(double z, double pValue, int informativeStrata) {

    /** One stratum: the group's and the baseline's conversions out of trials. */
    public record Stratum(Proportion group, Proportion baseline) {
        /** Validates. */
        public Stratum {
            Require.present(group, "group");
            Require.present(baseline, "baseline");
        }
    }

    /** Tests {@code strata}. */
    public static MantelHaenszelTest compute(List<Stratum> strata) {
        Require.present(strata, "strata");
        double observed = 0.0;
        double expected = 0.0;
        double variance = 0.0;
        int informative = 0;
        for (Stratum s : strata) {
            double n1 = s.group().trials();
            double n0 = s.baseline().trials();
            double n = n1 + n0;
            double successes = s.group().successes() + s.baseline().successes();
            double failures = n - successes;
            if (n1 == 0 || n0 == 0 || successes == 0 || failures == 0) {
                continue;
            }
            informative++;
            observed += s.group().successes();
            expected += n1 * successes / n;
            variance += n1 * n0 * successes * failures / (n * n * (n - 1));
        }
        if (variance == 0.0) {
            return new MantelHaenszelTest(0.0, 1.0, 0);
        }
        double z = (observed - expected) / Math.sqrt(variance);
        return new MantelHaenszelTest(z, StandardNormal.twoSidedPValue(z), informative);
    }
}
