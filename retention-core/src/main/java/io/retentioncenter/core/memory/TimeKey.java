package io.retentioncenter.core.memory;

import java.time.Instant;

/** Sort key of an index ordered by time, ties broken by id, so that every order is deterministic. */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
    /** The smallest key at {@code at}: every stored key at that instant sorts after it (ids are never blank). */
    static TimeKey floor(Instant at) {
        return new TimeKey(at, "");
    }

    @Override
    public int compareTo(TimeKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.compareTo(other.id);
    }
}
