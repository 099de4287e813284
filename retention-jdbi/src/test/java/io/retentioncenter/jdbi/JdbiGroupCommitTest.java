package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.GroupCommitContract;
import io.retentioncenter.core.spi.RetentionStore;
import java.util.List;
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
            RefusingLeadTrigger.refuse(email);
            db.execute(List.of("CREATE TRIGGER IF NOT EXISTS rc_test_refuse BEFORE INSERT ON " + db.table("rc_lead")
                    + " FOR EACH ROW CALL '" + RefusingLeadTrigger.class.getName() + "'"));
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
            String function = db.table("rc_test_refuse");
            db.execute(List.of("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF NEW.email = '" + email + "' THEN RAISE EXCEPTION 'lead refused by the test'; END IF;"
                    + " RETURN NEW; END $$",
                    "DROP TRIGGER IF EXISTS rc_test_refuse ON " + db.table("rc_lead"),
                    "CREATE TRIGGER rc_test_refuse BEFORE INSERT ON " + db.table("rc_lead") + " FOR EACH ROW EXECUTE"
                    + " FUNCTION " + function + "()"));
            return store;
        }
    }
}
