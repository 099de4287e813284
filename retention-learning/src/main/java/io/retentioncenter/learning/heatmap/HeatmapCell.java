package io.retentioncenter.learning.heatmap;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;

/**
 * One day-of-week × hour slot of a {@link Heatmap}, in the lead's local time.
 *
 * @param day the local day of week
 * @param hour the local hour of day, 0 to 23
 * @param sends conversions out of sent attempts in the slot
 * @param rate the slot's own conversion rate, 0 without sends
 * @param shrunkRate the rate shrunk toward the overall rate, {@code (k + m p0) / (n + m)}
 */
public record HeatmapCell(DayOfWeek day, int hour, Proportion sends, double rate, double shrunkRate) {

    /** Validates. */
    public HeatmapCell {
        Require.present(day, "day");
        if (hour < 0 || hour > 23) {
            throw new ValidationException("hour", "must be between 0 and 23, was " + hour);
        }
        Require.present(sends, "sends");
    }
}
