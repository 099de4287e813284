package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which driver errors count as a lost connection, a conflict, or neither. */
class SqlStatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03"})
    void connectionStatesAreALostConnection(String state) {
        Exception e = new UnableToExecuteStatementException(new SQLException("gone", state), null);

        assertThat(SqlStates.isConnectionLoss(e)).isTrue();
        assertThat(SqlStates.isTransient(e)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01"})
    void conflictsAreTransientButNoLostConnection(String state) {
        Exception e = new UnableToExecuteStatementException(new SQLException("conflict", state), null);

        assertThat(SqlStates.isConnectionLoss(e)).isFalse();
        assertThat(SqlStates.isTransient(e)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22021", "23505", "42P01", "55000", "57014", "28P01"})
    void otherStatesAreNotTransient(String state) {
        Exception e = new UnableToExecuteStatementException(new SQLException("refused", state), null);

        assertThat(SqlStates.isTransient(e)).isFalse();
    }

    @Test
    void aPoolTimeoutIsALostConnectionWhateverItsState() {
        // HikariCP: "Connection is not available, request timed out", carrying the last connect error's state
        Exception timeout = new ConnectionException(new SQLTransientConnectionException("not available", "55000"));
        Exception stateless = new ConnectionException(new SQLTransientConnectionException("not available"));

        assertThat(SqlStates.isConnectionLoss(timeout)).isTrue();
        assertThat(SqlStates.isConnectionLoss(stateless)).isTrue();
    }

    @Test
    void aRecoverableExceptionIsALostConnection() {
        assertThat(SqlStates.isConnectionLoss(new ConnectionException(new SQLRecoverableException("reset"))))
                .isTrue();
    }

    @Test
    void aConnectionStateDeeperInTheChainCounts() {
        SQLException outer = new SQLException("batch entry aborted", "XX000",
                new SQLException("terminating connection", "57P01"));

        assertThat(SqlStates.isConnectionLoss(new UnableToExecuteStatementException(outer, null))).isTrue();
    }

    @Test
    void noSqlExceptionIsNothing() {
        assertThat(SqlStates.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(SqlStates.of(new IllegalStateException("bug"))).isNull();
    }
}
