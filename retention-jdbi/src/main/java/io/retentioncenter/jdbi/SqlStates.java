package io.retentioncenter.jdbi;

import java.sql.SQLException;

/** Classifies database errors by SQLState, walking the cause chain. */
final class SqlStates {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private SqlStates() {
    }

    /** Whether {@code error} was caused by a unique index or primary key violation. */
    static boolean isUniqueViolation(Throwable error) {
        return UNIQUE_VIOLATION.equals(of(error));
    }

    /** Whether {@code error} is a deadlock or serialization failure that a retry resolves. */
    static boolean isTransientConflict(Throwable error) {
        String state = of(error);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state);
    }

    /** The SQLState of the first {@link SQLException} in the cause chain, or null. */
    static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
