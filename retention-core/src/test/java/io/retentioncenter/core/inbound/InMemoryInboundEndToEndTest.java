package io.retentioncenter.core.inbound;

import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

class InMemoryInboundEndToEndTest extends InboundEndToEndContract {
    @Override
    protected RetentionStore newStore() {
        return new InMemoryRetentionStore();
    }
}
