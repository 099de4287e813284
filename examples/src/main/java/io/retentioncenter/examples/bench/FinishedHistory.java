package io.retentioncenter.examples.bench;

import io.retentioncenter.core.ConfigurationException;
import java.util.List;

/**
 * A finished history as years of use would leave it, written set-based (see
 * {@link BenchStores.Handle#loadHistory}): leads (one per five enrollments), COMPLETED enrollments
 * with one execution each, and SENT attempts, all more than a year old.
 */
final class FinishedHistory {
    private static final String G = "(r.i + 1)";
    private static final String OLD = "CURRENT_TIMESTAMP - INTERVAL '400' DAY + " + G + " * INTERVAL '1' SECOND";

    private FinishedHistory() {
    }

    /**
     * Whether {@code store} holds exactly this history, told by primary-key lookups of the rows its
     * statements write first and last ({@code hist_lead_1}, then the {@code enrollments}th
     * enrollment and {@code attempts}th attempt but not one more; each statement commits whole):
     * true when it does, false when it holds no history.
     *
     * @throws ConfigurationException when it holds another or an unfinished history
     */
    static boolean present(BenchStores.Handle store, int enrollments, int attempts) {
        if (!exists(store, "rc_lead", "hist_lead_1")) {
            return false;
        }
        if (holdsExactly(store, "rc_enrollment", "hist_enr_", enrollments)
                && holdsExactly(store, "rc_attempt", "hist_att_", attempts)) {
            return true;
        }
        throw new ConfigurationException("the kept store holds a history, but not exactly " + enrollments
                + " enrollments and " + attempts + " attempts (another or an unfinished one); drop its schema and"
                + " load it again");
    }

    /** Whether {@code table} holds rows {@code prefix} 1 to {@code n} of a history and no more, by the last. */
    private static boolean holdsExactly(BenchStores.Handle store, String table, String prefix, int n) {
        return (n == 0 || exists(store, table, prefix + n)) && !exists(store, table, prefix + (n + 1L));
    }

    private static boolean exists(BenchStores.Handle store, String table, String id) {
        return store.count(sql -> "SELECT count(*) FROM " + sql.table(table) + " WHERE id = " + SeedSql.text(id)) > 0;
    }

    /** The statements adding {@code enrollments} completed enrollments and {@code attempts} sent attempts. */
    static List<String> statements(SeedSql sql, int enrollments, int attempts) {
        int leads = Math.max(1, enrollments / 5);
        String lead = "'hist_lead_' || (MOD(" + G + ", " + leads + ") + 1)";
        return List.of(
                "INSERT INTO " + sql.table("rc_lead") + " (id, email, phone, source, status, attributes, contact_count,"
                    + " created_at, updated_at) SELECT 'hist_lead_' || " + G + ", 'hist' || " + G + " || '@example.org',"
                    + " NULL, 'API', 'CONTACTED', '{}', 2, " + OLD + ", " + OLD + " FROM " + sql.rows(leads, "r"),
                "INSERT INTO " + sql.table("rc_enrollment") + " (id, sequence_id, lead_id, campaign_id, status,"
                    + " current_step, next_execute_at, completed_steps, enrolled_at, completed_at, last_step_at,"
                    + " updated_at) SELECT 'hist_enr_' || " + G + ", 'hist_seq', " + lead + ", 'hist_campaign',"
                    + " 'COMPLETED', 3, " + OLD + ", 2, " + OLD + ", " + OLD + ", " + OLD + ", " + OLD
                    + " FROM " + sql.rows(enrollments, "r"),
                "INSERT INTO " + sql.table("rc_execution") + " (id, enrollment_id, sequence_id, step_order, status,"
                    + " attempt_id, executed_at, result) SELECT 'hist_exe_' || " + G + ", 'hist_enr_' || " + G + ","
                    + " 'hist_seq', 1, 'EXECUTED', 'hist_att_' || " + G + ", " + OLD + ", 'sent' FROM "
                    + sql.rows(enrollments, "r"),
                "INSERT INTO " + sql.table("rc_attempt") + " (id, lead_id, campaign_id, channel, kind, status,"
                    + " enrollment_id, step_order, try_number, idempotency_key, recipient, body, due_at, provider,"
                    + " provider_ref, sent_at, keywords, created_at, updated_at) SELECT 'hist_att_' || " + G + ", "
                    + lead + ", 'hist_campaign', 'EMAIL', 'SEQUENCE_STEP', 'SENT', 'hist_enr_' || (MOD(" + G + ", "
                    + Math.max(1, enrollments) + ") + 1), 1, 1, 'hist_key_' || " + G + ", 'hist@example.org', 'Hello', "
                    + OLD + ", 'bench', 'ref_' || " + G + ", " + OLD + ", '[]', " + OLD + ", " + OLD
                    + " FROM " + sql.rows(attempts, "r"));
    }
}
