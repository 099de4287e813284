package io.retentioncenter.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void insideHoursIsAllowedAsIs() {
        Schedule s = Schedule.daily(MADRID, LocalTime.of(9, 0), LocalTime.of(20, 0));
        Instant noonMadrid = Instant.parse("2026-01-05T11:00:00Z");
        assertThat(s.nextAllowed(noonMadrid, MADRID)).isEqualTo(noonMadrid);
    }

    @Test
    void afterHoursMovesToNextMorningAcrossTheDayBoundary() {
        Schedule s = Schedule.daily(MADRID, LocalTime.of(9, 0), LocalTime.of(20, 0));
        Instant lateEvening = Instant.parse("2026-01-05T21:30:00Z"); // 22:30 in Madrid
        assertThat(s.nextAllowed(lateEvening, MADRID)).isEqualTo(Instant.parse("2026-01-06T08:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-01-06T05:00:00Z"); // 06:00 in Madrid, same day
        assertThat(s.nextAllowed(earlyMorning, MADRID)).isEqualTo(Instant.parse("2026-01-06T08:00:00Z"));
    }

    @Test
    void endIsExclusive() {
        Schedule s = Schedule.daily(ZoneId.of("UTC"), LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(s.allows(Instant.parse("2026-01-05T16:59:59Z"), ZoneId.of("UTC"))).isTrue();
        assertThat(s.allows(Instant.parse("2026-01-05T17:00:00Z"), ZoneId.of("UTC"))).isFalse();
    }

    @Test
    void weekendIsSkippedForWeekdaySchedules() {
        Schedule s = Schedule.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0));
        Instant fridayEvening = Instant.parse("2026-01-09T23:00:00Z"); // Fri 18:00 in New York
        assertThat(s.nextAllowed(fridayEvening, NEW_YORK)).isEqualTo(Instant.parse("2026-01-12T14:00:00Z"));
    }

    @Test
    void springForwardKeepsLocalOpeningTime() {
        // US DST starts Sunday 2026-03-08 at 02:00 local; opening 09:00 EDT = 13:00Z instead of 14:00Z.
        Schedule s = Schedule.daily(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0));
        Instant saturdayNight = Instant.parse("2026-03-08T02:00:00Z"); // Sat 21:00 EST
        assertThat(s.nextAllowed(saturdayNight, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
    }

    @Test
    void openingInsideTheDstGapMovesForward() {
        // 02:30 does not exist on 2026-03-08 in New York; the opening becomes 03:30 EDT = 07:30Z.
        Schedule s = Schedule.daily(NEW_YORK, LocalTime.of(2, 30), LocalTime.of(5, 0));
        Instant before = Instant.parse("2026-03-08T05:00:00Z"); // 00:00 EST
        assertThat(s.nextAllowed(before, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void fallBackUsesTheLocalClock() {
        // US DST ends Sunday 2026-11-01; 09:00 EST = 14:00Z.
        Schedule s = Schedule.daily(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(s.nextAllowed(Instant.parse("2026-11-01T05:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void rejectsEmptyDaysAndInvertedHours() {
        assertThatThrownBy(() -> new Schedule(MADRID, EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Schedule.daily(MADRID, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("schedule.end"));
    }
}
