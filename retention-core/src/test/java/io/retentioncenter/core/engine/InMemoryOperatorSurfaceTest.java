package io.retentioncenter.core.engine;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

class InMemoryOperatorSurfaceTest extends OperatorSurfaceContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
