package io.retentioncenter.channels.vapi;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the callback time out of what a customer said (normalized: lower case, straight apostrophes),
 * relative to a reference instant, in a fixed time zone. The first expression of each kind wins.
 *
 * <ul>
 *   <li>{@code in N minutes|hours|days} (digits, {@code a}/{@code an}, {@code a couple of}, one..twelve,
 *       {@code half an hour}): reference plus that much, nothing else considered;
 *   <li>day: {@code tomorrow}, {@code the day after tomorrow}, {@code today}, {@code tonight},
 *       {@code this morning}, a weekday name (the next such day, never today);
 *   <li>time: {@code 6 pm}, {@code 6:30 am}, {@code 18:30}, {@code at 6}, {@code at six},
 *       {@code noon}, or a part of day: morning 09:00, afternoon 14:00, evening 18:00, night and
 *       {@code tonight} 19:00. An hour of 1 to 7 without am/pm is afternoon/evening unless the
 *       customer said morning; an hour with "afternoon", "evening" or "night" is pm;
 *   <li>a later day without a time is 10:00; a time without a day is its next occurrence.
 * </ul>
 * Nothing recognized, or only "today" without a time, means no time was said (empty).
 */
final class CallbackTimeParser {
    /** The time used when only a day is said. */
    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("a couple of", 2), Map.entry("a couple", 2),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));
    private static final Map<String, LocalTime> PARTS_OF_DAY = Map.of(
            "morning", LocalTime.of(9, 0),
            "afternoon", LocalTime.of(14, 0),
            "evening", LocalTime.of(18, 0),
            "night", LocalTime.of(19, 0),
            "tonight", LocalTime.of(19, 0));

    private static final Pattern HALF_HOUR = Pattern.compile("\\bin half an? hour\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\bin (\\d{1,3}|a couple(?: of)?|an?|" + NUMBER_WORDS + ") (minute|min|hour|hr|day)s?\\b");
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile("\\bday after tomorrow\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\btomorrow\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|tonight|this (?:morning|afternoon|evening))\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b");
    private static final Pattern PART_OF_DAY = Pattern.compile(
            "(?<!good )(?<!last )\\b(tonight|morning|afternoon|evening|night)\\b");
    private static final Pattern AM_PM = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})(?:[:.]([0-5]\\d))? ?([ap])\\.?m\\b\\.?");
    private static final Pattern COLON_TIME = Pattern.compile("(?<![\\d:])(\\d{1,2}):([0-5]\\d)(?![\\d:])");
    private static final Pattern BARE_HOUR = Pattern.compile(
            "\\b(?:at|around|about|after|by) (\\d{1,2}|" + NUMBER_WORDS + ")(?: o'?clock)?\\b(?![:.]\\d)"
                    + "(?! ?(?:minute|min|hour|hr|day|percent|%))");
    private static final Pattern NOON = Pattern.compile("\\b(?:noon|midday)\\b");

    private final ZoneId zone;

    /** A parser reading local times in {@code zone}. */
    CallbackTimeParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The instant asked for in {@code text}, relative to {@code reference}; empty when no time is said. */
    Optional<Instant> parse(String text, Instant reference) {
        Optional<Duration> relative = relative(text);
        if (relative.isPresent()) {
            return Optional.of(reference.plus(relative.get()));
        }
        ZonedDateTime now = reference.atZone(zone);
        Optional<String> partOfDay = find(PART_OF_DAY, text).map(m -> m.group(1));
        Optional<LocalDate> day = day(text, now.toLocalDate());
        Optional<LocalTime> clock = clockTime(text, partOfDay);
        boolean timeSaid = clock.isPresent() || partOfDay.isPresent();
        if (!timeSaid && day.filter(d -> d.isAfter(now.toLocalDate())).isEmpty()) {
            return Optional.empty();
        }
        LocalTime time = clock.or(() -> partOfDay.map(PARTS_OF_DAY::get)).orElse(DEFAULT_TIME);
        ZonedDateTime at = ZonedDateTime.of(day.orElse(now.toLocalDate()), time, zone);
        while (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        return Optional.of(at.toInstant());
    }

    private static Optional<Duration> relative(String text) {
        if (HALF_HOUR.matcher(text).find()) {
            return Optional.of(Duration.ofMinutes(30));
        }
        return find(RELATIVE, text).map(m -> {
            long amount = number(m.group(1));
            return switch (m.group(2)) {
                case "minute", "min" -> Duration.ofMinutes(amount);
                case "hour", "hr" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        });
    }

    private static Optional<LocalDate> day(String text, LocalDate today) {
        if (DAY_AFTER_TOMORROW.matcher(text).find()) {
            return Optional.of(today.plusDays(2));
        }
        if (TOMORROW.matcher(text).find()) {
            return Optional.of(today.plusDays(1));
        }
        if (TODAY.matcher(text).find()) {
            return Optional.of(today);
        }
        return find(WEEKDAY, text).map(m -> today.with(TemporalAdjusters.next(
                DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)))));
    }

    private static Optional<LocalTime> clockTime(String text, Optional<String> partOfDay) {
        Optional<LocalTime> amPm = find(AM_PM, text).flatMap(m -> {
            int hour = Integer.parseInt(m.group(1));
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            int hour24 = hour % 12 + ("p".equals(m.group(3)) ? 12 : 0);
            return Optional.of(LocalTime.of(hour24, minutes(m.group(2))));
        });
        if (amPm.isPresent()) {
            return amPm;
        }
        Optional<LocalTime> colon = find(COLON_TIME, text)
                .flatMap(m -> inferred(Integer.parseInt(m.group(1)), minutes(m.group(2)), partOfDay));
        if (colon.isPresent()) {
            return colon;
        }
        Optional<LocalTime> bare = find(BARE_HOUR, text).flatMap(m -> inferred(number(m.group(1)), 0, partOfDay));
        if (bare.isPresent()) {
            return bare;
        }
        return find(NOON, text).map(m -> LocalTime.NOON);
    }

    /** A 12-hour-ish hour said without am/pm, read with the part of day or the business-hours guess. */
    private static Optional<LocalTime> inferred(int hour, int minute, Optional<String> partOfDay) {
        if (hour > 23) {
            return Optional.empty();
        }
        boolean pm = hour >= 1 && hour < 12 && partOfDay.map(p -> !"morning".equals(p)).orElse(hour <= 7);
        return Optional.of(LocalTime.of(pm ? hour + 12 : hour, minute));
    }

    private static int minutes(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static int number(String word) {
        Integer value = NUMBERS.get(word);
        return value != null ? value : Integer.parseInt(word);
    }

    private static Optional<Matcher> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }
}
