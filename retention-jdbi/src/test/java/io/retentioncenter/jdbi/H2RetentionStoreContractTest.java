package io.retentioncenter.jdbi;

import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.store.RetentionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract kit on H2 in memory. */
class H2RetentionStoreContractTest extends RetentionStoreContract {
    private static TestDatabase database;

    @BeforeAll
    static void open() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected RetentionStore newStore() {
        return database.emptyStore();
    }
}
