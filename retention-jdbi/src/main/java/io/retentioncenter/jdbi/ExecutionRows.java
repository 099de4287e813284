package io.retentioncenter.jdbi;

import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_execution}: the insert statement, its parameters and the row mapper. */
final class ExecutionRows {
    /** Inserts a whole step execution. */
    static final String INSERT = "INSERT INTO <schema>rc_execution (id, enrollment_id, sequence_id, step_order, status,"
            + " attempt_id, executed_at, result) VALUES (:id, :enrollmentId, :sequenceId, :stepOrder, :status,"
            + " :attemptId, :executedAt, :result)";

    /** Deletes the execution {@code id}, so that a step deferred again replaces its DEFERRED row. */
    static final String DELETE = "DELETE FROM <schema>rc_execution WHERE id = :id";

    private ExecutionRows() {
    }

    /** Binds {@code execution} to the named parameters of {@link #INSERT}. */
    static <S extends SqlStatement<S>> S bind(S statement, SequenceStepExecution execution) {
        return statement.bind("id", execution.id())
                .bind("enrollmentId", execution.enrollmentId())
                .bind("sequenceId", execution.sequenceId())
                .bind("stepOrder", execution.stepOrder())
                .bind("status", execution.status().name())
                .bind("attemptId", execution.attemptId().orElse(null))
                .bindByType("executedAt", execution.executedAt(), Instant.class)
                .bind("result", execution.result());
    }

    /** Maps a {@code rc_execution} row. */
    static SequenceStepExecution map(ResultSet rs, StatementContext context) throws SQLException {
        return new SequenceStepExecution(rs.getString("id"),
                rs.getString("enrollment_id"),
                rs.getString("sequence_id"),
                rs.getInt("step_order"),
                Columns.enumValue(rs, "status", ExecutionStatus.class),
                Columns.optionalText(rs, "attempt_id"),
                Columns.instant(rs, "executed_at"),
                rs.getString("result"));
    }
}
