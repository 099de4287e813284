package io.retentioncenter.core.store;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

/** Runs the store contract kit against {@link InMemoryRetentionStore}. */
class InMemoryRetentionStoreTest extends RetentionStoreContract {

    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
