package io.retentioncenter.core.memory;

import java.time.Instant;
import java.util.Comparator;

/** Sort key of an index ordered by time, ties broken by id, so that every order is deterministic. */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
    private static final Comparator<TimeKey> ORDER = Comparator.comparing(TimeKey::at).thenComparing(TimeKey::id);

    /** The smallest key at {@code at}: every stored key at that instant sorts after it (ids are never blank). */
    static TimeKey floor(Instant at) {
        return new TimeKey(at, "");
    }

    @Override
    public int compareTo(TimeKey other) {
        return ORDER.compare(this, other);
    }
}
