package io.retentioncenter.jdbi;

import io.retentioncenter.core.dashboard.OperatorActivityContract;
import io.retentioncenter.core.engine.OperatorSurfaceContract;
import io.retentioncenter.core.lead.LeadsPageContract;
import io.retentioncenter.core.spi.RetentionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's surface through the engine (the leads page; lead timelines and the dashboards;
 * campaign members, the conversions page and the CRUD of scripts, A/B tests and sequences) on H2 and
 * PostgreSQL: one database per engine kind, emptied for every test.
 */
class JdbiOperatorSurfaceTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase {
        private TestDatabase db;

        abstract TestDatabase open();

        @BeforeAll
        void openDatabase() {
            db = open();
        }

        @AfterAll
        void closeDatabase() {
            if (db != null) {
                db.close();
            }
        }

        @Nested
        class LeadsPage extends LeadsPageContract {
            @Override
            protected RetentionStore newStore() {
                return db.emptyStore();
            }
        }

        @Nested
        class OperatorActivity extends OperatorActivityContract {
            @Override
            protected RetentionStore newStore() {
                return db.emptyStore();
            }
        }

        @Nested
        class Surface extends OperatorSurfaceContract {
            @Override
            protected RetentionStore newStore() {
                return db.emptyStore();
            }
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        TestDatabase open() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends OnDatabase {
        @Override
        TestDatabase open() {
            return TestDatabase.postgres();
        }
    }
}
