package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window {@code [start, end)} of local time in which a step may be sent, e.g. 09:00–12:00.
 * A window whose end is before its start spans midnight (22:00–02:00); an end of midnight means the
 * end of the day.
 *
 * @param start first local time inside the window
 * @param end first local time after the window
 */
public record SendWindow(LocalTime start, LocalTime end) {
    /** Validates that the window is not empty. */
    public SendWindow {
        Require.present(start, "window.start");
        Require.present(end, "window.end");
        if (start.equals(end)) {
            throw new ValidationException("window", "start and end are both " + start + ": the window is empty");
        }
    }

    /** Parses {@code "09:00-12:00"} (a dash or an en dash between the times). */
    public static SendWindow parse(String text) {
        String[] parts = Require.text(text, "window").split("[-–]");
        if (parts.length != 2) {
            throw new ValidationException("window", "expected HH:mm-HH:mm, was " + text);
        }
        try {
            return new SendWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException("window", "expected HH:mm-HH:mm, was " + text);
        }
    }

    /** Whether local time {@code t} is inside the window. */
    public boolean contains(LocalTime t) {
        boolean afterStart = !t.isBefore(start);
        boolean beforeEnd = end.equals(LocalTime.MIDNIGHT) || t.isBefore(end);
        return end.isAfter(start) || end.equals(LocalTime.MIDNIGHT) ? afterStart && beforeEnd
                : afterStart || t.isBefore(end);
    }

    /** {@code t} when it is inside the window in {@code zone}, else the window's next opening after it. */
    public Instant nextOpening(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        if (contains(local.toLocalTime())) {
            return t;
        }
        LocalDate day = local.toLocalDate();
        Instant today = ZonedDateTime.of(day, start, zone).toInstant();
        return today.isAfter(t) ? today : ZonedDateTime.of(day.plusDays(1), start, zone).toInstant();
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
