package io.retentioncenter.jdbi;

import java.util.List;

/**
 * Makes the database itself refuse to insert a lead with one email (a trigger raising an error), so
 * that the transaction holding that insert fails inside the database, as an unexpected failure would.
 */
final class RefusedLeads {
    private RefusedLeads() {
    }

    /** On H2: from now on, inserting a lead with {@code email} fails ({@link RefusingLeadTrigger}). */
    static void onH2(OpenDatabase db, String email) {
        RefusingLeadTrigger.refuse(email);
        db.execute(List.of("CREATE TRIGGER IF NOT EXISTS rc_test_refuse BEFORE INSERT ON " + db.table("rc_lead")
                + " FOR EACH ROW CALL '" + RefusingLeadTrigger.class.getName() + "'"));
    }

    /** On PostgreSQL: from now on, inserting a lead with {@code email} fails. */
    static void onPostgres(OpenDatabase db, String email) {
        String function = db.table("rc_test_refuse");
        db.execute(List.of("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.email = '" + email + "' THEN RAISE EXCEPTION 'lead refused by the test'; END IF;"
                + " RETURN NEW; END $$",
                "DROP TRIGGER IF EXISTS rc_test_refuse ON " + db.table("rc_lead"),
                "CREATE TRIGGER rc_test_refuse BEFORE INSERT ON " + db.table("rc_lead") + " FOR EACH ROW EXECUTE"
                + " FUNCTION " + function + "()"));
    }
}
