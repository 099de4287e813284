package io.retentioncenter.learning.heatmap;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Numbering of the 7 × 24 day-of-week × hour slots, Monday 00:00 first, and the slot of an instant
 * in a time zone computed without allocating date objects (it runs once per attempt).
 */
final class HeatmapSlots {
    /** Number of slots in a week. */
    static final int COUNT = 7 * 24;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int SECONDS_PER_HOUR = 3_600;
    /** 1970-01-01, epoch day 0, was a Thursday: index 3 when Monday is 0. */
    private static final int EPOCH_DAY_INDEX = 3;

    private HeatmapSlots() {
    }

    /** The slot of {@code day} and {@code hour}. */
    static int of(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** The slot that {@code at} falls into in {@code zone}. */
    static int of(Instant at, ZoneId zone) {
        int offset = zone instanceof ZoneOffset fixed ? fixed.getTotalSeconds()
                : zone.getRules().getOffset(at).getTotalSeconds();
        long local = at.getEpochSecond() + offset;
        int dayIndex = Math.floorMod(Math.floorDiv(local, SECONDS_PER_DAY) + EPOCH_DAY_INDEX, 7);
        int hour = Math.floorMod(local, SECONDS_PER_DAY) / SECONDS_PER_HOUR;
        return dayIndex * 24 + hour;
    }

    /** The day of week of {@code slot}. */
    static DayOfWeek day(int slot) {
        return DayOfWeek.of(slot / 24 + 1);
    }

    /** The hour of day of {@code slot}. */
    static int hour(int slot) {
        return slot % 24;
    }
}
