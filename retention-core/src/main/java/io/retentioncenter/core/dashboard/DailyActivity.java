package io.retentioncenter.core.dashboard;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of the dashboard's time series, in the time zone it was asked for.
 *
 * @param date the local date
 * @param start the day's first instant (local midnight, or the first instant after it on a DST gap)
 * @param end the next day's first instant; a day is 23 or 25 hours long when the clocks change
 * @param counts what happened in {@code [start, end)}
 */
public record DailyActivity(LocalDate date, Instant start, Instant end, ActivityCounts counts) {
    /** Validates. */
    public DailyActivity {
        Require.present(date, "date");
        Require.present(start, "start");
        Require.present(end, "end");
        Require.present(counts, "counts");
    }
}
