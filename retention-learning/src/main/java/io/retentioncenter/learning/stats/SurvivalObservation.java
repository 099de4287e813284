package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;

/**
 * One lead's time from enrollment to conversion, opt-out or censoring, in any fixed unit (hours,
 * days) used consistently across a data set.
 *
 * @param time time since enrollment, finite and not negative
 * @param outcome how the observation ended
 */
public record SurvivalObservation(double time, SurvivalOutcome outcome) {

    /** Validates. */
    public SurvivalObservation {
        if (!(time >= 0.0 && Double.isFinite(time))) {
            throw new ValidationException("time", "must be a finite number >= 0, was " + time);
        }
        Require.present(outcome, "outcome");
    }

    /** A lead that converted at {@code time}. */
    public static SurvivalObservation converted(double time) {
        return new SurvivalObservation(time, SurvivalOutcome.CONVERTED);
    }

    /** A lead that opted out at {@code time}. */
    public static SurvivalObservation optedOut(double time) {
        return new SurvivalObservation(time, SurvivalOutcome.OPTED_OUT);
    }

    /** A lead still open at {@code time}. */
    public static SurvivalObservation censored(double time) {
        return new SurvivalObservation(time, SurvivalOutcome.CENSORED);
    }
}
