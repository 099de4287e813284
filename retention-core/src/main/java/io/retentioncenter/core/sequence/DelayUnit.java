package io.retentioncenter.core.sequence;

import java.time.Duration;

/** Unit of a step delay. */
public enum DelayUnit {
    /** Minutes. */
    MINUTES,
    /** Hours. */
    HOURS,
    /** Days (24 hours). */
    DAYS;

    /** {@code value} of this unit as a duration. */
    public Duration of(long value) {
        return switch (this) {
            case MINUTES -> Duration.ofMinutes(value);
            case HOURS -> Duration.ofHours(value);
            case DAYS -> Duration.ofDays(value);
        };
    }
}
