package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The claim of due enrollments walks the due-time index and stops at its limit on a freshly loaded
 * table that was never analyzed (the state a bulk enrollment leaves behind), instead of sorting every
 * due row for each batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresClaimPlanTest {
    private TestDatabase db;

    @BeforeAll
    void open() {
        db = TestDatabase.postgres();
        db.newStore();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theClaimUsesTheDueIndexOnAnUnanalyzedTable() throws SQLException {
        String table = db.table("rc_enrollment");
        db.execute(List.of("ALTER TABLE " + table + " SET (autovacuum_enabled = false)",
                "INSERT INTO " + table + " (id, sequence_id, lead_id, campaign_id, status, current_step,"
                        + " next_execute_at, completed_steps, enrolled_at, updated_at)"
                        + " SELECT 'enr_' || g, 'seq_1', 'lead_' || g, 'cmp_1', 'ACTIVE', 1,"
                        + " now() - (g || ' seconds')::interval, 0, now(), now() FROM generate_series(1, 60000) g"));
        String claim = Dialect.postgresClaim(EnrollmentRepository.CLAIM_DUE)
                .replace("<schema>", db.schema().map(s -> "\"" + s + "\".").orElse(""))
                .replace(":now", "now()").replace(":limit", "500").replace(":owner", "'planner'")
                .replace(":leaseUntil", "now() + interval '2 minutes'");

        List<String> plan = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(lastAnalyzed(s, db.schema().orElse("public"))).as("never analyzed").isNull();
                s.execute(Dialect.PIN_CLAIM_PLAN);
                try (ResultSet rs = s.executeQuery("EXPLAIN " + claim)) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }

        String text = String.join("\n", plan);
        String locking = text.substring(text.indexOf("->  Limit"));
        assertThat(locking).as(text).containsSubsequence("->  Limit", "->  LockRows",
                "->  Index Scan using rc_enrollment_due_ix").doesNotContain("Sort ");
        assertThat(text).as("only the claimed rows are sorted, at the end: %s", text)
                .doesNotContain("Bitmap").doesNotContain("Seq Scan").doesNotContain("JIT");
        assertThat(plan.get(0)).startsWith("Sort");
    }

    private static Object lastAnalyzed(Statement s, String schema) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(last_analyze, last_autoanalyze) FROM pg_stat_user_tables"
                + " WHERE schemaname = '" + schema + "' AND relname = 'rc_enrollment'")) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }
}
