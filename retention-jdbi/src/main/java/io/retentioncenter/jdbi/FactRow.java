package io.retentioncenter.jdbi;

import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of a fact scan, its columns read by position (from 1), whichever way the row crossed the
 * wire: through a JDBC result set ({@link ResultSetFactRow}) or a PostgreSQL binary copy
 * ({@link CopyFactReader}).
 */
interface FactRow {

    /** The text in {@code column}; null for NULL. */
    String text(int column) throws SQLException;

    /** The whole number in {@code column}, or {@code ifNull} for NULL. */
    long number(int column, long ifNull) throws SQLException;

    /** The time in {@code column}; null for NULL. */
    Instant time(int column) throws SQLException;

    /** Maps one row to a fact. */
    @FunctionalInterface
    interface Mapper<T> {
        /** The fact of {@code row}. */
        T map(FactRow row) throws SQLException;
    }
}
