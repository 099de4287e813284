package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.GroupCommitContract;
import io.retentioncenter.core.spi.RetentionStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group commit of concurrent single-lead ingests on H2 and PostgreSQL. A refused lead fails inside
 * the batch's transaction, after the leads before it in the same insert: a trigger on
 * {@code rc_lead} rejects its row, so the test shows that the failed batch left nothing behind.
 */
class JdbiGroupCommitTest {

    @Nested
    class OnH2 extends GroupCommitContract {
        @RegisterExtension
        final OpenDatabase db = OpenDatabase.h2();

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }

        @Override
        protected RetentionStore refusing(RetentionStore store, String email) {
            RefusedLeads.onH2(db, email);
            return store;
        }
    }

    @Nested
    class OnPostgres extends GroupCommitContract {
        @RegisterExtension
        final OpenDatabase db = OpenDatabase.postgres();

        @Override
        protected RetentionStore newStore() {
            return db.emptyStore();
        }

        @Override
        protected RetentionStore refusing(RetentionStore store, String email) {
            RefusedLeads.onPostgres(db, email);
            return store;
        }
    }
}
