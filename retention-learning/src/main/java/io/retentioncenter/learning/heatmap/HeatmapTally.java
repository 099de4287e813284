package io.retentioncenter.learning.heatmap;

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
        Require.present(at, "at");
        Require.present(zone, "zone");
        int slot = HeatmapSlots.of(at, zone);
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
