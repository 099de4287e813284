package io.retentioncenter.jdbi;

import io.retentioncenter.core.engine.OutreachEndToEndContract;
import io.retentioncenter.core.spi.RetentionStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test sends, one-off messages, pacing and re-engagement through the engine on H2 and PostgreSQL. */
class JdbiOutreachEndToEndTest {

    @Nested
    class OnH2 extends OutreachEndToEndContract {
        @RegisterExtension
        final OpenDatabase db = OpenDatabase.h2();

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }
    }

    @Nested
    class OnPostgres extends OutreachEndToEndContract {
        @RegisterExtension
        final OpenDatabase db = OpenDatabase.postgres();

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }
    }
}
