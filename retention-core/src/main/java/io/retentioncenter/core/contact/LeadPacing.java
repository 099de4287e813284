package io.retentioncenter.core.contact;

import io.retentioncenter.core.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Per-lead pacing across campaigns and channels: at most {@code dailyCap} contacts of one lead per
 * calendar day (in the lead's time zone when known, else {@code zone}) and at least {@code minGap}
 * between two contacts of the same lead. A contact that would break either is deferred to the first
 * moment both allow (then to the campaign's next allowed hour), never dropped. Sequence steps,
 * re-engagement touches, callbacks, direct routes and one-off messages are paced; test sends are not.
 * Pacing keeps a lead's contacts in order: none is placed before the latest one taken, so a contact
 * scheduled ahead (a callback asked for on Thursday) holds the lead's other contacts until then plus
 * the gap.
 *
 * @param dailyCap contacts of one lead per calendar day, at least 1
 * @param minGap least time between two contacts of one lead; zero for none
 * @param zone the day's time zone for leads without one
 */
public record LeadPacing(int dailyCap, Duration minGap, ZoneId zone) {
    /** Validates. */
    public LeadPacing {
        if (dailyCap < 1) {
            throw new ConfigurationException("leadPacing.dailyCap must be at least 1, was " + dailyCap);
        }
        if (minGap == null || minGap.isNegative()) {
            throw new ConfigurationException("leadPacing.minGap must be zero or positive, was " + minGap);
        }
        if (zone == null) {
            throw new ConfigurationException("leadPacing.zone must not be null");
        }
    }

    /** Pacing with days in UTC for leads without a time zone. */
    public static LeadPacing of(int dailyCap, Duration minGap) {
        return new LeadPacing(dailyCap, minGap, ZoneOffset.UTC);
    }

    /** The start of the day holding {@code at} in {@code leadZone}. */
    public static Instant dayStart(Instant at, ZoneId leadZone) {
        return LocalDate.ofInstant(at, leadZone).atStartOfDay(leadZone).toInstant();
    }

    /**
     * The first moment at or after {@code at} that {@code state} allows: {@code minGap} after the
     * last contact and, when the cap of the last contact's day is used up, the next day.
     */
    public Instant nextAllowed(PaceState state, Instant at, ZoneId leadZone) {
        Instant candidate = later(at, state.lastContactAt().plus(minGap));
        if (state.dayCount() >= dailyCap && dayStart(candidate, leadZone).equals(state.dayStart())) {
            Instant nextDay = LocalDate.ofInstant(state.dayStart(), leadZone).plusDays(1).atStartOfDay(leadZone)
                    .toInstant();
            candidate = later(candidate, nextDay);
        }
        return candidate;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
