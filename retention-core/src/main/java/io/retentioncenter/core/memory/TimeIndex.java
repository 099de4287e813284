package io.retentioncenter.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Ids ordered by one of their record's instants, for range reads and oldest-first listings. Not thread-safe. */
final class TimeIndex {
    private final NavigableSet<TimeKey> keys = new TreeSet<>();

    void add(Instant at, String id) {
        keys.add(new TimeKey(at, id));
    }

    void remove(Instant at, String id) {
        keys.remove(new TimeKey(at, id));
    }

    /** Every key, oldest first. */
    Stream<TimeKey> stream() {
        return keys.stream();
    }

    /** The {@code max} latest keys, newest first. */
    List<TimeKey> latest(int max) {
        return keys.descendingSet().stream().limit(max).toList();
    }

    /** Keys from {@code start} (inclusive or not) up to {@code to} (exclusive), at most {@code max}, oldest first. */
    List<TimeKey> slice(TimeKey start, boolean inclusive, Instant to, int max) {
        TimeKey end = TimeKey.floor(to);
        List<TimeKey> slice = new ArrayList<>();
        if (start.compareTo(end) >= 0) {
            return slice;
        }
        for (TimeKey key : keys.subSet(start, inclusive, end, false)) {
            if (slice.size() == max) {
                break;
            }
            slice.add(key);
        }
        return slice;
    }

    /** Number of keys with a time in {@code [from, to)}. */
    long count(Instant from, Instant to) {
        return from.isBefore(to) ? keys.subSet(TimeKey.floor(from), true, TimeKey.floor(to), false).size() : 0;
    }
}
