package io.retentioncenter.learning.heatmap;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Conversion rates of sent attempts by day of week × hour of the lead's local time.
 * Cells are sparse, so each also carries its rate shrunk toward the overall rate,
 * {@code p~ = (k + m p0) / (n + m)}, which is what send times are picked by.
 *
 * @param sends sent attempts in all cells
 * @param conversions converted attempts in all cells
 * @param overallRate {@code conversions / sends}, the prior p0; 0 without sends
 * @param priorWeight m, the pseudo-sends each cell is shrunk with
 * @param cells the 168 cells, Monday 00:00 first, then by hour and day
 */
public record Heatmap(long sends, long conversions, double overallRate, double priorWeight, List<HeatmapCell> cells) {
    /** Slack below which a shrunk rate counts as equal to the overall rate (rounding of {@code (k + m p0) / (n + m)}). */
    private static final double TOLERANCE = 1e-12;

    /** Validates and copies. */
    public Heatmap {
        cells = List.copyOf(Require.present(cells, "cells"));
        if (cells.size() != HeatmapSlots.COUNT) {
            throw new ValidationException("cells", "need " + HeatmapSlots.COUNT + " cells, got " + cells.size());
        }
        for (int slot = 0; slot < HeatmapSlots.COUNT; slot++) {
            HeatmapCell cell = cells.get(slot);
            if (cell.day() != HeatmapSlots.day(slot) || cell.hour() != HeatmapSlots.hour(slot)) {
                throw new ValidationException("cells[" + slot + "]", "must be " + HeatmapSlots.day(slot) + " "
                        + HeatmapSlots.hour(slot) + "h, was " + cell.day() + " " + cell.hour() + "h");
            }
        }
    }

    /** A heatmap without any send. */
    public static Heatmap empty(double priorWeight) {
        return new HeatmapTally().heatmap(priorWeight);
    }

    /** The cell of {@code day} at {@code hour}. */
    public HeatmapCell cell(DayOfWeek day, int hour) {
        Require.present(day, "day");
        if (hour < 0 || hour > 23) {
            throw new ValidationException("hour", "must be between 0 and 23, was " + hour);
        }
        return cells.get(HeatmapSlots.of(day, hour));
    }

    /** The cell that {@code at} falls into in the local time of {@code zone}. */
    public HeatmapCell cellAt(Instant at, ZoneId zone) {
        Require.present(at, "at");
        Require.present(zone, "zone");
        return cells.get(HeatmapSlots.of(at, zone));
    }

    /**
     * Up to {@code limit} cells whose shrunk rate beats the overall rate, best first (ties in week
     * order); empty when nothing converted.
     */
    public List<HeatmapCell> bestCells(int limit) {
        Require.nonNegative(limit, "limit");
        return cells.stream()
                .filter(cell -> cell.shrunkRate() > overallRate + TOLERANCE)
                .sorted(Comparator.comparingDouble(HeatmapCell::shrunkRate).reversed())
                .limit(limit)
                .toList();
    }
}
