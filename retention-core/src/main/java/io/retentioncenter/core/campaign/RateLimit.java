package io.retentioncenter.core.campaign;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code max} sends per fixed window of length {@code window} (windows start at the epoch).
 *
 * @param max sends allowed per window
 * @param window window length, at least one second
 */
public record RateLimit(int max, Duration window) {
    /** Validates. */
    public RateLimit {
        Require.positive(max, "rateLimit.max");
        Require.present(window, "rateLimit.window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ValidationException("rateLimit.window", "must be at least one second");
        }
    }

    /** {@code max} per hour. */
    public static RateLimit perHour(int max) {
        return new RateLimit(max, Duration.ofHours(1));
    }

    /** {@code max} per minute. */
    public static RateLimit perMinute(int max) {
        return new RateLimit(max, Duration.ofMinutes(1));
    }

    /** Start of the window that contains {@code t}. */
    public Instant windowStart(Instant t) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), size) * size);
    }

    /** Start of the window after the one that contains {@code t}. */
    public Instant nextWindowStart(Instant t) {
        return windowStart(t).plus(window);
    }
}
