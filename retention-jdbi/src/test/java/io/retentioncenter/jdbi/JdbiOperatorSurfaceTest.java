package io.retentioncenter.jdbi;

import io.retentioncenter.core.engine.OperatorSurfaceContract;
import io.retentioncenter.core.spi.RetentionStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The operator's screens through the engine's public calls (campaign members, conversions page, CRUD
 * of scripts, A/B tests, sequences) on H2 and PostgreSQL, each database opened at its first test.
 */
class JdbiOperatorSurfaceTest {
    private static final Map<String, TestDatabase> OPEN = new HashMap<>();

    private static RetentionStore emptyStore(String kind, Supplier<TestDatabase> open) {
        return OPEN.computeIfAbsent(kind, k -> open.get()).emptyStore();
    }

    @AfterAll
    static void close() {
        OPEN.values().forEach(TestDatabase::close);
        OPEN.clear();
    }

    @Nested
    class OnH2 extends OperatorSurfaceContract {
        @Override
        protected RetentionStore newStore() {
            return emptyStore("h2", TestDatabase::h2);
        }
    }

    @Nested
    class OnPostgres extends OperatorSurfaceContract {
        @Override
        protected RetentionStore newStore() {
            return emptyStore("postgres", TestDatabase::postgres);
        }
    }
}
