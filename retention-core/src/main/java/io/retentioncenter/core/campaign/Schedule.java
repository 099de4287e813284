package io.retentioncenter.core.campaign;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a campaign may contact leads: days of week and a daily window {@code [start, end)} of local
 * time, evaluated in the lead's time zone when known, else in {@link #zone()}. An {@code end} of
 * {@link LocalTime#MIDNIGHT} means the end of the day. Times that fall into a DST gap move forward.
 *
 * @param zone the campaign's time zone
 * @param days allowed days of week, at least one
 * @param start first allowed local time of day
 * @param end first local time of day no longer allowed; midnight means end of day
 */
public record Schedule(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    /** Validates. */
    public Schedule {
        Require.present(zone, "schedule.zone");
        days = Set.copyOf(Require.notEmpty(days, "schedule.days"));
        Require.present(start, "schedule.start");
        Require.present(end, "schedule.end");
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new ValidationException("schedule.end", "must be after schedule.start (or midnight for end of day)");
        }
    }

    /** Every day, all day, in UTC. */
    public static Schedule always() {
        return new Schedule(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Monday to Friday between {@code start} and {@code end} in {@code zone}. */
    public static Schedule weekdays(ZoneId zone, LocalTime start, LocalTime end) {
        return new Schedule(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
    }

    /** Every day between {@code start} and {@code end} in {@code zone}. */
    public static Schedule daily(ZoneId zone, LocalTime start, LocalTime end) {
        return new Schedule(zone, EnumSet.allOf(DayOfWeek.class), start, end);
    }

    /** Whether {@code t} is inside the schedule in time zone {@code in}. */
    public boolean allows(Instant t, ZoneId in) {
        ZonedDateTime local = t.atZone(in);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || time.isBefore(end));
    }

    /** The earliest instant at or after {@code t} that the schedule allows, in time zone {@code in}. */
    public Instant nextAllowed(Instant t, ZoneId in) {
        if (allows(t, in)) {
            return t;
        }
        LocalDate day = t.atZone(in).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate candidate = day.plusDays(i);
            if (days.contains(candidate.getDayOfWeek())) {
                Instant opening = ZonedDateTime.of(candidate, start, in).toInstant();
                if (!opening.isBefore(t)) {
                    return opening;
                }
            }
        }
        throw new IllegalStateException("no allowed slot within 8 days; schedule " + this);
    }
}
