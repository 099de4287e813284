package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** H2's fact scans read the table when their window holds most of it, and the time index otherwise. */
class WindowScansTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T10 = T0.plusSeconds(10 * 86_400);

    @Test
    void aWindowHoldsMostOfATableWhenItCoversHalfOfItsTimeSpan() {
        assertThat(WindowScans.holdsMost(T0, T10, Instant.EPOCH, T10.plusSeconds(1))).isTrue();
        assertThat(WindowScans.holdsMost(T0, T10, T0.plusSeconds(5 * 86_400), T10.plusSeconds(1))).isTrue();
        assertThat(WindowScans.holdsMost(T0, T10, T0.plusSeconds(6 * 86_400), T10.plusSeconds(1))).isFalse();
        assertThat(WindowScans.holdsMost(T0, T10, T10.plusSeconds(1), T10.plusSeconds(2))).isFalse();
    }

    @Test
    void aTableOfOneInstantIsHeldWhollyOrNotAtAll() {
        assertThat(WindowScans.holdsMost(T0, T0, T0, T0.plusMillis(1))).isTrue();
        assertThat(WindowScans.holdsMost(T0, T0, T0.plusMillis(1), T10)).isFalse();
        assertThat(WindowScans.holdsMost(null, null, T0, T10)).isFalse();
    }

    @Test
    void onH2AWholeWindowReadsTheTableAndANarrowOneTheTimeIndex() throws Exception {
        try (HikariDataSource pool = DataSources.pooled("jdbc:h2:mem:window_scans_test;DB_CLOSE_DELAY=-1", "sa", "",
                2)) {
            JdbiRetentionStore.builder().dataSource(pool).build();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                for (int day = 0; day <= 10; day++) {
                    s.execute("INSERT INTO rc_execution (id, enrollment_id, sequence_id, step_order, status,"
                            + " executed_at, result) VALUES ('exe_" + day + "', 'enr', 'seq', 1, 'EXECUTED',"
                            + " TIMESTAMP WITH TIME ZONE '2026-01-" + (1 + day) + " 00:00:00+00', 'sent')");
                }
            }
            WindowScans windows = new WindowScans(new Database(pool, Dialect.H2, Optional.empty()));

            String whole = windows.hint("test", "rc_execution", "executed_at", Instant.EPOCH, T10.plusSeconds(1));
            String lastDay = windows.hint("test", "rc_execution", "executed_at", T10, T10.plusSeconds(1));

            assertThat(whole).isEqualTo(WindowScans.TABLE_READ);
            assertThat(plan(pool, whole)).doesNotContainIgnoringCase("rc_execution_executed_ix");
            assertThat(lastDay).isEmpty();
            assertThat(plan(pool, lastDay)).containsIgnoringCase("rc_execution_executed_ix");
        }
    }

    private static String plan(HikariDataSource pool, String hint) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN SELECT enrollment_id FROM rc_execution" + hint
                        + " WHERE executed_at >= TIMESTAMP WITH TIME ZONE '2026-01-11 00:00:00+00'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
