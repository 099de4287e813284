package io.retentioncenter.core.internal;

import io.retentioncenter.core.EngineSettings;
import io.retentioncenter.core.spi.RetentionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What every engine service shares: the store, the clock, the config cache, the listener and the
 * settings. Built once by {@link io.retentioncenter.core.RetentionEngine}.
 *
 * @param store the store
 * @param clock the clock
 * @param config the config cache over the store
 * @param listener the host's listener, exception-safe
 * @param settings the engine settings
 */
public record EngineContext(RetentionStore store, Clock clock, ConfigCache config, SafeListener listener,
        EngineSettings settings) {

    /** The current instant at millisecond precision (what the stores keep). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
