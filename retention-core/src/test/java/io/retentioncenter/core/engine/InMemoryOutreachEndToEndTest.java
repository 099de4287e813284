package io.retentioncenter.core.engine;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

class InMemoryOutreachEndToEndTest extends OutreachEndToEndContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
