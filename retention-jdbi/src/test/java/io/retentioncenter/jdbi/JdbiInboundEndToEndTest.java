package io.retentioncenter.jdbi;

import io.retentioncenter.core.inbound.InboundEndToEndContract;
import io.retentioncenter.core.spi.RetentionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The inbound end-to-end path (Meta in, sequence, provider events, Keitaro sale) on H2 and PostgreSQL. */
class JdbiInboundEndToEndTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends InboundEndToEndContract {
        private TestDatabase db;

        @BeforeAll
        void open() {
            db = TestDatabase.h2();
        }

        @AfterAll
        void close() {
            db.close();
        }

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends InboundEndToEndContract {
        private TestDatabase db;

        @BeforeAll
        void open() {
            db = TestDatabase.postgres();
        }

        @AfterAll
        void close() {
            if (db != null) {
                db.close();
            }
        }

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }
    }
}
