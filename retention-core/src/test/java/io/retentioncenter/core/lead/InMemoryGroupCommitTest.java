package io.retentioncenter.core.lead;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

/** {@link GroupCommitContract} on the in-memory store. */
class InMemoryGroupCommitTest extends GroupCommitContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
