package io.retentioncenter.core.internal;

import io.retentioncenter.core.spi.RetentionStore;

/**
 * Caches campaigns, scripts, A/B tests and sequences, reloading them whenever the store's
 * {@link RetentionStore#configVersion()} moves. Every {@link #current()} asks the store for the
 * version (one cheap read), so edits made by another engine instance are seen on the next call;
 * {@link #cached()} asks nothing, for callers whose store call checks the version itself (lead intake).
 * Thread-safe.
 */
public final class ConfigCache {
    private final RetentionStore store;
    private volatile ConfigSnapshot snapshot;

    /** A cache over {@code store}; loads lazily. */
    public ConfigCache(RetentionStore store) {
        this.store = store;
    }

    /**
     * The last snapshot loaded, without asking the store for its version (loads one when there is
     * none yet); it may be stale, so pass its version to a store call that checks it.
     */
    public ConfigSnapshot cached() {
        ConfigSnapshot s = snapshot;
        return s != null ? s : current();
    }

    /** The snapshot at the store's current config version. */
    public ConfigSnapshot current() {
        long version = store.configVersion();
        ConfigSnapshot s = snapshot;
        if (s != null && s.version() == version) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || s.version() != version) {
                long before = store.configVersion();
                s = ConfigSnapshot.of(before, store.listCampaigns(), store.listScripts(), store.listAbTests(),
                        store.listSequences());
                snapshot = s;
            }
            return s;
        }
    }
}
