package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * What pacing remembers of a lead's contacts: the latest one and how many fell on its day. The
 * stores keep one per lead and change it only under the lead's pace lock, so two engines can never
 * both take the last contact of a day or both contact a lead inside the minimum gap.
 *
 * @param lastContactAt the latest paced contact (sent now or scheduled)
 * @param dayStart the start of the day of {@code lastContactAt}, in the lead's pacing zone
 * @param dayCount paced contacts on that day
 */
public record PaceState(Instant lastContactAt, Instant dayStart, int dayCount) {
    /** Validates. */
    public PaceState {
        Require.present(lastContactAt, "lastContactAt");
        Require.present(dayStart, "dayStart");
        Require.positive(dayCount, "dayCount");
    }

    /**
     * Whether a contact at {@code at}, on the day starting at {@code atDayStart}, keeps both rules:
     * not before the last contact plus {@code minGap}, and below {@code dailyCap} on its day.
     */
    public boolean allows(Instant at, Instant atDayStart, int dailyCap, Duration minGap) {
        if (at.isBefore(lastContactAt.plus(minGap))) {
            return false;
        }
        return !atDayStart.equals(dayStart) || dayCount < dailyCap;
    }

    /** The state after a contact at {@code at} on the day starting at {@code atDayStart}. */
    public PaceState after(Instant at, Instant atDayStart) {
        return new PaceState(at, atDayStart, atDayStart.equals(dayStart) ? dayCount + 1 : 1);
    }

    /** The state of a lead's first paced contact. */
    public static PaceState first(Instant at, Instant atDayStart) {
        return new PaceState(at, atDayStart, 1);
    }
}
