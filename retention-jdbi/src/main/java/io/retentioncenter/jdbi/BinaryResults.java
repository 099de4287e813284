package io.retentioncenter.jdbi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Asks the PostgreSQL JDBC driver (pgjdbc) for its binary result format on a large scan: numbers
 * and epoch milliseconds then cross the wire as fixed-width values instead of text the driver parses
 * digit by digit, which is most of a fact scan's cost. pgjdbc uses that format only for statements it
 * prepares on the server, by default from a statement's fifth run; a negative threshold makes it do
 * so from the first. A connection whose threshold is zero (server-side statements turned off, as a
 * transaction-pooling proxy needs) is left alone, and so is any other driver, or none on the class
 * path.
 */
final class BinaryResults implements StatementCustomizer {
    /** The customizer; stateless. */
    static final BinaryResults INSTANCE = new BinaryResults();
    private static final boolean PGJDBC_PRESENT = pgjdbcPresent();

    private BinaryResults() {
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
        if (PGJDBC_PRESENT) {
            Pgjdbc.forceBinary(statement);
        }
    }

    private static boolean pgjdbcPresent() {
        try {
            Class.forName("org.postgresql.PGStatement", false, BinaryResults.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only code that names pgjdbc's types, loaded once the driver is known to be present. */
    private static final class Pgjdbc {
        static void forceBinary(Statement statement) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                PGStatement pg = statement.unwrap(PGStatement.class);
                if (pg.getPrepareThreshold() > 0) {
                    pg.setPrepareThreshold(-1);
                }
            }
        }
    }
}
