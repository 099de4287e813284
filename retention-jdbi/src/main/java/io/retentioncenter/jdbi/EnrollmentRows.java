package io.retentioncenter.jdbi;

import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_enrollment}: statements, parameters and the row mapper. Writes of a whole
 * enrollment always release its lease; only claims set one.
 */
final class EnrollmentRows {
    /** Inserts a whole enrollment without lease. */
    static final String INSERT = "INSERT INTO <schema>rc_enrollment (id, sequence_id, lead_id, campaign_id, status,"
            + " exit_reason, current_step, next_execute_at, completed_steps, enrolled_at, completed_at, last_step_at,"
            + " lease_owner, lease_until, updated_at) VALUES (:id, :sequenceId, :leadId, :campaignId, :status,"
            + " :exitReason, :currentStep, :nextExecuteAt, :completedSteps, :enrolledAt, :completedAt, :lastStepAt,"
            + " NULL, NULL, :updatedAt)";
    /** Replaces a stored enrollment by id, releasing its lease; callers append their conditions. */
    static final String REPLACE = "UPDATE <schema>rc_enrollment SET sequence_id = :sequenceId, lead_id = :leadId,"
            + " campaign_id = :campaignId, status = :status, exit_reason = :exitReason, current_step = :currentStep,"
            + " next_execute_at = :nextExecuteAt, completed_steps = :completedSteps, enrolled_at = :enrolledAt,"
            + " completed_at = :completedAt, last_step_at = :lastStepAt, lease_owner = NULL, lease_until = NULL,"
            + " updated_at = :updatedAt WHERE id = :id";
    /** Ends a lead's ACTIVE, PAUSED and SET_ASIDE enrollments: binds {@code leadId}, {@code status}, {@code reason}, {@code at}. */
    static final String END_OF_LEAD = "UPDATE <schema>rc_enrollment SET status = :status, exit_reason = :reason,"
            + " completed_at = :at, lease_owner = NULL, lease_until = NULL, updated_at = :at"
            + " WHERE lead_id = :leadId AND status IN ('ACTIVE', 'PAUSED', 'SET_ASIDE')";

    private EnrollmentRows() {
    }

    /** Binds {@code enrollment} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, SequenceEnrollment enrollment) {
        return statement.bind("id", enrollment.id())
                .bind("sequenceId", enrollment.sequenceId())
                .bind("leadId", enrollment.leadId())
                .bind("campaignId", enrollment.campaignId())
                .bind("status", enrollment.status().name())
                .bind("exitReason", enrollment.exitReason().map(Enum::name).orElse(null))
                .bind("currentStep", enrollment.currentStep())
                .bindByType("nextExecuteAt", enrollment.nextExecuteAt(), Instant.class)
                .bind("completedSteps", enrollment.completedSteps())
                .bindByType("enrolledAt", enrollment.enrolledAt(), Instant.class)
                .bindByType("completedAt", enrollment.completedAt().orElse(null), Instant.class)
                .bindByType("lastStepAt", enrollment.lastStepAt().orElse(null), Instant.class)
                .bindByType("updatedAt", enrollment.updatedAt(), Instant.class);
    }

    /** Maps a {@code rc_enrollment} row. */
    static SequenceEnrollment map(ResultSet rs, StatementContext context) throws SQLException {
        return new SequenceEnrollment(rs.getString("id"),
                rs.getString("sequence_id"),
                rs.getString("lead_id"),
                rs.getString("campaign_id"),
                Columns.enumValue(rs, "status", EnrollmentStatus.class),
                Columns.optionalEnum(rs, "exit_reason", ExitReason.class),
                rs.getInt("current_step"),
                Columns.instant(rs, "next_execute_at"),
                rs.getInt("completed_steps"),
                Columns.instant(rs, "enrolled_at"),
                Columns.optionalInstant(rs, "completed_at"),
                Columns.optionalInstant(rs, "last_step_at"),
                Columns.optionalText(rs, "lease_owner"),
                Columns.optionalInstant(rs, "lease_until"),
                Columns.instant(rs, "updated_at"));
    }

    /** {@code enrollment} as stored by a whole-row write: without lease. */
    static SequenceEnrollment released(SequenceEnrollment e) {
        return e.leaseOwner().isEmpty() && e.leaseUntil().isEmpty() ? e
                : new SequenceEnrollment(e.id(), e.sequenceId(), e.leadId(), e.campaignId(), e.status(),
                        e.exitReason(), e.currentStep(), e.nextExecuteAt(), e.completedSteps(), e.enrolledAt(),
                        e.completedAt(), e.lastStepAt(), Optional.empty(), Optional.empty(),
                        e.updatedAt());
    }
}
