package io.retentioncenter.jdbi;

import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of {@code rc_enrollment} and {@code rc_execution}. */
interface EnrollmentQueries {

    /** The enrollment with {@code id}. */
    @SqlQuery("SELECT * FROM <schema>rc_enrollment WHERE id = :id")
    Optional<SequenceEnrollment> find(@Bind("id") String id);

    /** The enrollment with {@code id} and the enrollments of a lead in a sequence, oldest first. */
    // Two index lookups joined by UNION (not one OR, which H2 answers with an index scan over the table)
    @SqlQuery("SELECT * FROM (SELECT * FROM <schema>rc_enrollment WHERE id = :id"
            + " UNION SELECT * FROM <schema>rc_enrollment WHERE lead_id = :leadId AND sequence_id = :sequenceId) e"
            + " ORDER BY enrolled_at, id")
    List<SequenceEnrollment> sameOrOfLeadInSequence(@Bind("id") String id, @Bind("leadId") String leadId,
            @Bind("sequenceId") String sequenceId);

    /** Executions of an enrollment in execution order. */
    @SqlQuery("SELECT * FROM <schema>rc_execution WHERE enrollment_id = :enrollmentId ORDER BY executed_at, id")
    List<SequenceStepExecution> executions(@Bind("enrollmentId") String enrollmentId);

    /** Enrollments of the sequence with the status, counted (the sequence and status index answers it). */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_enrollment WHERE sequence_id = :sequenceId AND status = :status")
    long countEnrollments(@Bind("sequenceId") String sequenceId, @Bind("status") EnrollmentStatus status);

    /** Executions with {@code executedAt} in {@code [from, to)}, counted. */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_execution WHERE executed_at >= :from AND executed_at < :to")
    long countExecutions(@Bind("from") Instant from, @Bind("to") Instant to);
}
