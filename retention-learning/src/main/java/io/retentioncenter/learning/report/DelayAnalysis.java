package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The delay of one step as configured and as it actually ran (deferrals by schedule hours and rate
 * limits make it longer), next to how the step converted. Delays are not randomized yet, so this is
 * always {@link Evidence#OBSERVATIONAL}.
 *
 * @param configured the step's configured delay
 * @param observed number of executions whose actual delay could be measured
 * @param meanObservedHours mean actual delay in hours, from the previous step's execution (or the
 *     enrollment, for step 1); empty when none was measured
 * @param evidence how the comparison was obtained
 * @param caveat what the evidence allows one to conclude
 */
public record DelayAnalysis(Duration configured, long observed, OptionalDouble meanObservedHours, Evidence evidence,
        String caveat) {
    /** The caveat of an observational delay comparison. */
    public static final String OBSERVATIONAL_CAVEAT = "Observational: delays compared from observational data are "
            + "biased toward longer delays (leads must survive to receive later steps). Randomize delay arms and "
            + "use the sequential test on conversion by a fixed horizon from enrollment before changing a delay.";

    /** Validates. */
    public DelayAnalysis {
        Require.present(configured, "configured");
        Require.present(meanObservedHours, "meanObservedHours");
        Require.present(evidence, "evidence");
        Require.text(caveat, "caveat");
    }
}
