package io.retentioncenter.jdbi;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Classifies database errors by SQLState and exception type, walking the cause chain. */
final class SqlStates {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";
    /** Class 08: connection exceptions (refused, broken, closed). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Admin shutdown (e.g. pg_terminate_backend), crash shutdown, cannot connect now (starting up). */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

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

    /**
     * Whether {@code error} means the connection was lost or could not be had: an SQLState of class 08
     * or 57P01/57P02/57P03 anywhere in the cause chain, or a {@link SQLTransientConnectionException}
     * (HikariCP: no connection available in time) or {@link SQLRecoverableException} in it. The same
     * call may succeed on a fresh connection; whether a transaction that was committing took effect is
     * unknown.
     */
    static boolean isConnectionLoss(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GONE.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code error} is a lost connection or a conflict: trying again may succeed. */
    static boolean isTransient(Throwable error) {
        return isConnectionLoss(error) || isTransientConflict(error);
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
