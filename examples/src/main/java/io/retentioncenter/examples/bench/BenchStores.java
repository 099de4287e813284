package io.retentioncenter.examples.bench;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;

/** The stores a benchmark can run on. */
final class BenchStores {
    private BenchStores() {
    }

    /** An open store and a way to get more instances on the same data (as separate hosts would). */
    interface Handle extends AutoCloseable {
        /** The store. */
        RetentionStore store();

        /** Another store object on the same data with its own resources (its own pool). */
        RetentionStore separateStore();

        @Override
        void close();
    }

    /** Opens a store of {@code kind}: {@code memory}. */
    static Handle open(String kind) {
        if (kind.equals("memory")) {
            InMemoryRetentionStore store = new InMemoryRetentionStore();
            return new Handle() {
                @Override
                public RetentionStore store() {
                    return store;
                }

                @Override
                public RetentionStore separateStore() {
                    return store;
                }

                @Override
                public void close() {
                }
            };
        }
        throw new ConfigurationException("unknown store kind " + kind + "; use memory");
    }
}
