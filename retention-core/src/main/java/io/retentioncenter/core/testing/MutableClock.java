package io.retentioncenter.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until moved, for tests and simulations. Thread-safe. Instants
 * are kept at millisecond precision, as database stores keep them.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** A clock at {@code start} in UTC. */
    public static MutableClock at(Instant start) {
        return new MutableClock(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /** A clock at {@code iso} (e.g. {@code 2026-01-05T09:00:00Z}) in UTC. */
    public static MutableClock at(String iso) {
        return at(Instant.parse(iso));
    }

    /** Moves the clock forward by {@code step} and returns the new instant. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a MutableClock only moves forward");
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /** Sets the clock to {@code instant}, which must not be earlier than now. */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a MutableClock only moves forward");
            }
            return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now.get(), newZone);
    }
}
