package io.retentioncenter.core.dashboard;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

class InMemoryOperatorActivityTest extends OperatorActivityContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
