package io.retentioncenter.learning.heatmap;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.ShrunkRate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts sent attempts and their conversions per day-of-week × hour slot of local time, in constant
 * memory, and turns the counts into a {@link Heatmap}. Not thread-safe: feed it from one thread.
 */
public final class HeatmapTally {
    private final long[] sends = new long[HeatmapSlots.COUNT];
    private final long[] conversions = new long[HeatmapSlots.COUNT];

    /** Adds one attempt sent at {@code at}, placed in the slot of its local time in {@code zone}. */
    public void add(Instant at, ZoneId zone, boolean converted) {
        add(slot(at, zone), converted);
    }

    /**
     * The slot (0 to 167, Monday 00:00 first) that {@code at} falls into in the local time of
     * {@code zone}: computed once, it can be added to several tallies.
     */
    public static int slot(Instant at, ZoneId zone) {
        Require.present(at, "at");
        Require.present(zone, "zone");
        return HeatmapSlots.of(at, zone);
    }

    /**
     * Adds one attempt to {@code slot}, see {@link #slot}.
     *
     * @throws ValidationException when the slot is not between 0 and 167
     */
    public void add(int slot, boolean converted) {
        if (slot < 0 || slot >= HeatmapSlots.COUNT) {
            throw new ValidationException("slot", "must be between 0 and "
                    + (HeatmapSlots.COUNT - 1) + ", was " + slot);
        }
        sends[slot]++;
        if (converted) {
            conversions[slot]++;
        }
    }

    /**
     * The heatmap of everything added so far, every slot shrunk toward the overall rate with
     * {@code priorWeight} pseudo-sends.
     *
     * @throws io.retentioncenter.core.ValidationException when {@code priorWeight} is negative or not finite
     */
    public Heatmap heatmap(double priorWeight) {
        long totalSends = 0;
        long totalConversions = 0;
        for (int slot = 0; slot < HeatmapSlots.COUNT; slot++) {
            totalSends += sends[slot];
            totalConversions += conversions[slot];
        }
        double overall = new Proportion(totalConversions, totalSends).rate();
        List<HeatmapCell> cells = new ArrayList<>(HeatmapSlots.COUNT);
        for (int slot = 0; slot < HeatmapSlots.COUNT; slot++) {
            Proportion observed = new Proportion(conversions[slot], sends[slot]);
            cells.add(new HeatmapCell(HeatmapSlots.day(slot), HeatmapSlots.hour(slot), observed, observed.rate(),
                    ShrunkRate.shrink(observed, overall, priorWeight).rate()));
        }
        return new Heatmap(totalSends, totalConversions, overall, priorWeight, cells);
    }
}
