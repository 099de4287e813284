package io.retentioncenter.jdbi;

import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.store.RetentionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract kit on PostgreSQL, in a schema of its own. */
class PostgresRetentionStoreContractTest extends RetentionStoreContract {
    private static TestDatabase database;

    @BeforeAll
    static void open() {
        database = TestDatabase.postgres();
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
