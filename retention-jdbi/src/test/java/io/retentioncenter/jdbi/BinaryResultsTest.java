package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

/**
 * Fact scans ask pgjdbc for binary results, except on a connection whose host turned server-side
 * statements off; on another driver the request is a no-op.
 */
class BinaryResultsTest {
    private static final String QUERY = "SELECT CAST(? AS BIGINT), CAST(2 AS INTEGER), 'text'";

    @BeforeAll
    static void requirePostgres() {
        TestDatabase.requirePostgres();
    }

    @Test
    void aScanReadsNumbersInBinaryFromItsFirstRun() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                TestDatabase.postgresPassword())) {
            assertThat(formats(c, false)).as("pgjdbc's default for a first run").containsExactly(0, 0, 0);
            assertThat(formats(c, true)).as("numbers in binary, text as text").containsExactly(1, 1, 0);
        }
    }

    @Test
    void aConnectionWithoutServerSideStatementsIsLeftAlone() throws SQLException {
        String url = TestDatabase.postgresUrl();
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "prepareThreshold=0",
                TestDatabase.postgresUser(), TestDatabase.postgresPassword())) {
            assertThat(formats(c, true)).containsExactly(0, 0, 0);
        }
    }

    @Test
    void anotherDriverIsLeftAlone() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:binary_results");
                PreparedStatement s = c.prepareStatement(QUERY)) {
            BinaryResults.INSTANCE.beforeExecution(s, null);
            s.setLong(1, 1_767_607_237_000L);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1_767_607_237_000L);
            }
        }
    }

    /** The wire format of each column of {@link #QUERY} (0 text, 1 binary), its values checked. */
    private static int[] formats(Connection c, boolean customized) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            if (customized) {
                BinaryResults.INSTANCE.beforeExecution(s, null);
            }
            s.setLong(1, 1_767_607_237_000L);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1_767_607_237_000L);
                assertThat(rs.getInt(2)).isEqualTo(2);
                assertThat(rs.getString(3)).isEqualTo("text");
                PGResultSetMetaData meta = rs.getMetaData().unwrap(PGResultSetMetaData.class);
                return new int[] {meta.getFormat(1), meta.getFormat(2), meta.getFormat(3)};
            }
        }
    }
}
