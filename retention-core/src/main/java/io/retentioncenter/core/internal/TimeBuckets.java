package io.retentioncenter.core.internal;

import io.retentioncenter.core.dashboard.ActivityCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Consecutive buckets of time {@code [boundaries[i], boundaries[i+1])} that activity is added into,
 * for the stores' {@code activityIn}. Not thread-safe.
 */
public final class TimeBuckets {
    private final List<Instant> boundaries;
    private final List<ActivityCounts> counts;

    /** Empty buckets between {@code boundaries} (checked by {@link StoreArguments#buckets}). */
    public TimeBuckets(List<Instant> boundaries) {
        this.boundaries = boundaries;
        this.counts = new ArrayList<>(Collections.nCopies(boundaries.size() - 1, ActivityCounts.NONE));
    }

    /** The first instant counted. */
    public Instant from() {
        return boundaries.get(0);
    }

    /** The first instant after the last bucket. */
    public Instant to() {
        return boundaries.get(boundaries.size() - 1);
    }

    /** Adds {@code activity} at {@code at} to its bucket; an instant outside every bucket is ignored. */
    public void add(Instant at, ActivityCounts activity) {
        int found = Collections.binarySearch(boundaries, at);
        int bucket = found >= 0 ? found : -found - 2;
        if (bucket >= 0 && bucket < counts.size()) {
            add(bucket, activity);
        }
    }

    /** Adds {@code activity} to bucket {@code index}. */
    public void add(int index, ActivityCounts activity) {
        counts.set(index, counts.get(index).plus(activity));
    }

    /** The counts, one per bucket, in order. */
    public List<ActivityCounts> counts() {
        return List.copyOf(counts);
    }
}
