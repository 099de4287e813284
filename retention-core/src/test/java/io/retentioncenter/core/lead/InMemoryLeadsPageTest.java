package io.retentioncenter.core.lead;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

class InMemoryLeadsPageTest extends LeadsPageContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
