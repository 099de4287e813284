package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollResult.Outcome;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** Enrollments: enroll under the lead's row lock, listings, compare-and-set updates and due claims. */
final class EnrollmentRepository {
    private static final String LOCK_LEAD_STATUS = "SELECT status FROM <schema>rc_lead WHERE id = :id FOR UPDATE";
    private static final String OF_LEAD = "SELECT * FROM <schema>rc_enrollment WHERE lead_id = :leadId"
            + " ORDER BY enrolled_at, id";
    /** Read under the lead's row lock, which a removal from the campaign takes first too. */
    private static final String REMOVED_MEMBER = "SELECT lead_id FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId AND lead_id = :leadId AND status = 'REMOVED'";
    private static final String DUE = "status = 'ACTIVE' AND next_execute_at <= :now"
            + " AND (lease_until IS NULL OR lease_until <= :now)";
    private static final String ENROLLMENTS_BY_STATUS = "SELECT status, COUNT(*) AS n FROM <schema>rc_enrollment"
            + " WHERE sequence_id = :id GROUP BY status";
    private static final String EXECUTIONS_BY_STEP = "SELECT x.step_order, x.status, COUNT(*) AS n"
            + " FROM <schema>rc_execution x JOIN <schema>rc_enrollment e ON e.id = x.enrollment_id"
            + " WHERE e.sequence_id = :id GROUP BY x.step_order, x.status";

    static final Claim CLAIM_DUE = new Claim("<schema>rc_enrollment",
            "lease_owner = :owner, lease_until = :leaseUntil", DUE, "next_execute_at", false);

    static final BulkRows ENROLLMENT_ROWS = BulkRows.of("<schema>rc_enrollment", "id:TEXT",
            "sequence_id:TEXT", "lead_id:TEXT", "campaign_id:TEXT", "status:TEXT", "exit_reason:TEXT",
            "current_step:INT", "next_execute_at:TIME", "completed_steps:INT", "enrolled_at:TIME", "completed_at:TIME",
            "last_step_at:TIME", "updated_at:TIME");

    private final Database db;
    private final String lockSequence;

    EnrollmentRepository(Database db) {
        this.db = db;
        this.lockSequence = "SELECT id FROM <schema>rc_sequence WHERE id = :id" + db.dialect().shareLock();
    }

    /**
     * Enrolls under a share lock on the sequence row (so it cannot be deleted meanwhile) and the
     * lead's row lock (so enrollments of one lead, and its status changes, run one at a time).
     */
    EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown) {
        return db.inTransaction("enroll", h -> enroll(h, enrollment, cooldown));
    }

    /** {@link #enroll(SequenceEnrollment, Duration)} in the transaction of {@code h}. */
    EnrollResult enroll(Handle h, SequenceEnrollment enrollment, Duration cooldown) {
        lockSequence(h, enrollment.sequenceId());
        Optional<LeadStatus> leadStatus = lockLeadStatus(h, enrollment.leadId());
        List<SequenceEnrollment> related = h.attach(EnrollmentQueries.class).sameOrOfLeadInSequence(
                enrollment.id(), enrollment.leadId(), enrollment.sequenceId());
        Optional<SequenceEnrollment> same = related.stream().filter(e -> e.id().equals(enrollment.id())).findFirst();
        if (same.isPresent()) {
            return new EnrollResult(Outcome.ALREADY_ENROLLED, same);
        }
        if (leadStatus.isEmpty()) {
            return new EnrollResult(Outcome.LEAD_NOT_FOUND, Optional.empty());
        }
        if (!leadStatus.get().contactable()) {
            return new EnrollResult(Outcome.NOT_CONTACTABLE, Optional.empty());
        }
        if (h.createQuery(REMOVED_MEMBER).bind("campaignId", enrollment.campaignId())
                .bind("leadId", enrollment.leadId()).mapTo(String.class).findOne().isPresent()) {
            return new EnrollResult(Outcome.REMOVED_FROM_CAMPAIGN, Optional.empty());
        }
        List<SequenceEnrollment> earlier = related.stream().filter(e -> e.leadId().equals(enrollment.leadId())
                && e.sequenceId().equals(enrollment.sequenceId())).toList();
        Optional<SequenceEnrollment> running = earlier.stream().filter(e -> !e.status().isFinal()).findFirst();
        if (running.isPresent()) {
            return new EnrollResult(Outcome.ALREADY_ENROLLED, running);
        }
        Instant cutoff = enrollment.enrolledAt().minus(cooldown);
        Optional<SequenceEnrollment> recent = earlier.stream().filter(e -> endedAt(e).isAfter(cutoff))
                .max(Comparator.comparing(EnrollmentRepository::endedAt));
        if (recent.isPresent()) {
            return new EnrollResult(Outcome.COOLDOWN, recent);
        }
        SequenceEnrollment stored = EnrollmentRows.released(enrollment);
        EnrollmentRows.bind(h.createUpdate(EnrollmentRows.INSERT), stored).execute();
        return new EnrollResult(Outcome.ENROLLED, Optional.of(stored));
    }

    /**
     * Inserts enrollments of leads inserted in the transaction of {@code h} (so contactable and
     * enrolled nowhere yet), with one statement; the caller holds their sequences
     * ({@link SequenceGuard}).
     */
    void enrollNew(Handle h, List<SequenceEnrollment> enrollments) {
        ENROLLMENT_ROWS.insert(h, db.dialect(), enrollments.stream().map(EnrollmentRepository::row).toList());
    }

    /** The values of {@link #ENROLLMENT_ROWS} for {@code e}. */
    static Object[] row(SequenceEnrollment e) {
        return new Object[] {e.id(), e.sequenceId(), e.leadId(), e.campaignId(), e.status().name(),
            e.exitReason().map(Enum::name).orElse(null), e.currentStep(), e.nextExecuteAt(), e.completedSteps(),
            e.enrolledAt(), e.completedAt().orElse(null), e.lastStepAt().orElse(null), e.updatedAt()};
    }

    /** Share-locks the sequence row until the transaction ends, so the sequence cannot be deleted meanwhile. */
    void lockSequence(Handle h, String sequenceId) {
        if (h.createQuery(lockSequence).bind("id", sequenceId).mapTo(String.class).findOne().isEmpty()) {
            throw new NotFoundException("sequence", sequenceId);
        }
    }

    /** When an ended enrollment ended: its completion time, else its last change. */
    private static Instant endedAt(SequenceEnrollment ended) {
        return ended.completedAt().orElse(ended.updatedAt());
    }

    /** The lead's enrollments in enrollment order, read in the transaction of {@code h}. */
    List<SequenceEnrollment> ofLead(Handle h, String leadId) {
        return h.createQuery(OF_LEAD).bind("leadId", leadId).mapTo(SequenceEnrollment.class).list();
    }

    Optional<SequenceEnrollment> find(String id) {
        return db.read("findEnrollment", EnrollmentQueries.class, q -> q.find(id));
    }

    Page<SequenceEnrollment> page(EnrollmentQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        query.sequenceId().ifPresent(id -> where.append(" AND sequence_id = :sequenceId"));
        query.campaignId().ifPresent(id -> where.append(" AND campaign_id = :campaignId"));
        query.leadId().ifPresent(id -> where.append(" AND lead_id = :leadId"));
        query.status().ifPresent(status -> where.append(" AND status = :status"));
        return db.withHandle("listEnrollments", h -> {
            long total = bindQuery(h.createQuery("SELECT COUNT(*) FROM <schema>rc_enrollment" + where), query)
                    .mapTo(Long.class).one();
            List<SequenceEnrollment> items = bindQuery(h.createQuery("SELECT * FROM <schema>rc_enrollment" + where
                    + " ORDER BY enrolled_at, id LIMIT :limit OFFSET :offset"), query)
                    .bind("limit", page.limit()).bind("offset", page.offset())
                    .mapTo(SequenceEnrollment.class).list();
            return new Page<>(items, page.offset(), total);
        });
    }

    private static <S extends SqlStatement<S>> S bindQuery(S statement, EnrollmentQuery query) {
        query.sequenceId().ifPresent(id -> statement.bind("sequenceId", id));
        query.campaignId().ifPresent(id -> statement.bind("campaignId", id));
        query.leadId().ifPresent(id -> statement.bind("leadId", id));
        query.status().ifPresent(status -> statement.bind("status", status.name()));
        return statement;
    }

    /** Leases ACTIVE enrollments that are due and whose lease is free or expired, earliest due first. */
    List<SequenceEnrollment> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return db.dialect().claim(db, "claimDueEnrollments", CLAIM_DUE, new Claim.Arguments(now, limit, owner,
                leaseUntil), SequenceEnrollment.class, SequenceEnrollment::id);
    }

    /** Compare-and-set replace: applies only while status and current step are as expected. */
    boolean update(SequenceEnrollment updated, EnrollmentStatus expected) {
        return db.withHandle("updateEnrollment", h -> EnrollmentRows.bind(h.createUpdate(EnrollmentRows.REPLACE
                + " AND status = :expected AND current_step = :currentStep"), updated)
                .bind("expected", expected.name())
                .execute() == 1);
    }

    List<SequenceStepExecution> executions(String enrollmentId) {
        return db.read("listExecutions", EnrollmentQueries.class, q -> q.executions(enrollmentId));
    }

    long count(String sequenceId, EnrollmentStatus status) {
        return db.read("countEnrollments", EnrollmentQueries.class, q -> q.countEnrollments(sequenceId, status));
    }

    long countExecutions(Instant from, Instant to) {
        return db.read("countExecutionsBetween", EnrollmentQueries.class, q -> q.countExecutions(from, to));
    }

    SequenceStats stats(String sequenceId) {
        return db.withHandle("sequenceStats", h -> {
            Map<EnrollmentStatus, Long> byStatus = new EnumMap<>(EnrollmentStatus.class);
            h.createQuery(ENROLLMENTS_BY_STATUS).bind("id", sequenceId)
                    .map((rs, ctx) -> Map.entry(Columns.enumValue(rs, "status", EnrollmentStatus.class), rs.getLong("n")))
                    .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
            Map<Integer, Map<ExecutionStatus, Long>> bySteps = new TreeMap<>();
            h.createQuery(EXECUTIONS_BY_STEP).bind("id", sequenceId)
                    .map((rs, ctx) -> new StepCount(rs.getInt("step_order"),
                            Columns.enumValue(rs, "status", ExecutionStatus.class), rs.getLong("n")))
                    .forEach(c -> bySteps.computeIfAbsent(c.step(), k -> new EnumMap<>(ExecutionStatus.class))
                            .put(c.status(), c.count()));
            Map<Integer, Map<ExecutionStatus, Long>> frozen = new TreeMap<>();
            bySteps.forEach((step, counts) -> frozen.put(step, Map.copyOf(counts)));
            return new SequenceStats(byStatus, frozen);
        });
    }

    /** One row of the per-step execution counts. */
    private record StepCount(int step, ExecutionStatus status, long count) {
    }

    /** Reads and locks a lead's status for the rest of the transaction. */
    private static Optional<LeadStatus> lockLeadStatus(Handle handle, String leadId) {
        return handle.createQuery(LOCK_LEAD_STATUS).bind("id", leadId)
                .map((rs, ctx) -> Columns.enumValue(rs, "status", LeadStatus.class)).findOne();
    }
}
