package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchLease;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.RecordedSteps;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.sequence.StepOutcome.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies a tick's step outcomes in one transaction with a fixed number of round trips, however many
 * outcomes there are: lock the leads that get an attempt, then the enrollments (leads before
 * enrollments, as every unit of work locks them, and each in id order: the ids are sorted because H2
 * locks rows in the order it looks them up), read which attempts exist already, decide every
 * outcome in memory in list order (an outcome sees the effects of those before it), then write leads,
 * attempts, executions and enrollments with one statement per table (see {@link BulkRows}; the
 * deferred executions a step replaces are deleted with one more; timing-test arms drawn by the
 * planning are inserted with {@link ArmAssignmentRows}). Leads and enrollments get only the
 * columns a step changes. A STALE or NOT_CONTACTABLE outcome writes nothing; the rules are those of
 * the in-memory store.
 */
final class StepOutcomeWriter {
    private static final String LOCK_ENROLLMENTS = "SELECT id, status, lease_owner, current_step"
            + " FROM <schema>rc_enrollment WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";
    /** Two index lookups: with OR between them the planner may scan the whole table instead. */
    private static final String KNOWN_ATTEMPTS = "SELECT id, idempotency_key FROM <schema>rc_attempt"
            + " WHERE id = ANY(:ids) UNION ALL SELECT id, idempotency_key FROM <schema>rc_attempt"
            + " WHERE idempotency_key = ANY(:keys)";

    private static final String DELETE_EXECUTIONS = "DELETE FROM <schema>rc_execution WHERE id = ANY(:ids)";
    private static final BulkRows LEAD_CONTACTS = BulkRows.of("<schema>rc_lead", "id:TEXT", "status:TEXT",
            "contact_count:INT", "updated_at:TIME");
    private static final BulkRows EXECUTIONS = BulkRows.of("<schema>rc_execution", "id:TEXT", "enrollment_id:TEXT",
            "sequence_id:TEXT", "step_order:INT", "status:TEXT", "attempt_id:TEXT", "executed_at:TIME", "result:TEXT");
    /** The columns a step outcome changes (the lease is released with them). */
    private static final BulkRows ADVANCES = BulkRows.of("<schema>rc_enrollment", "id:TEXT", "status:TEXT",
            "exit_reason:TEXT", "current_step:INT", "next_execute_at:TIME", "completed_steps:INT", "completed_at:TIME",
            "last_step_at:TIME", "updated_at:TIME");

    private final Database db;

    StepOutcomeWriter(Database db) {
        this.db = db;
    }

    /**
     * Applies the outcomes; a concurrent insert of an attempt key (a unique violation) rolls back and
     * reruns the whole call, which then sees the key and skips that attempt. A lost connection reruns
     * it on a fresh one: if the first run's commit landed, the enrollments' leases are released and
     * the rerun reports those outcomes STALE.
     */
    RecordedSteps record(List<StepOutcome> outcomes, Optional<DispatchLease> lease) {
        if (outcomes.isEmpty()) {
            return new RecordedSteps(List.of(), List.of());
        }
        return db.inTransaction("recordStepOutcomes", Database.Retry.ON_CONFLICT_DUPLICATE_OR_LOST_CONNECTION,
                h -> apply(h, db.dialect(), outcomes, lease));
    }

    private static RecordedSteps apply(Handle handle, Dialect dialect, List<StepOutcome> outcomes,
            Optional<DispatchLease> lease) {
        List<ContactAttempt> attempts = outcomes.stream().flatMap(o -> o.attempt().stream()).toList();
        Map<String, LeadContact> leads = attempts.isEmpty() ? new HashMap<>()
                : LeadContact.lock(handle, attempts.stream().map(ContactAttempt::leadId).distinct().sorted()
                        .toArray(String[]::new));
        Map<String, EnrollmentState> enrollments = lockEnrollments(handle, outcomes);
        KnownAttempts known = attempts.isEmpty() ? new KnownAttempts() : knownAttempts(handle, attempts);
        Writes writes = new Writes(lease);
        List<Result> results = new ArrayList<>(outcomes.size());
        for (StepOutcome outcome : outcomes) {
            results.add(decide(outcome, leads, enrollments, known, writes));
        }
        writes.flush(handle, dialect);
        return new RecordedSteps(results, writes.leased);
    }

    private static Result decide(StepOutcome outcome, Map<String, LeadContact> leads,
            Map<String, EnrollmentState> enrollments, KnownAttempts known, Writes writes) {
        EnrollmentState current = enrollments.get(outcome.enrollmentId());
        if (current == null || !current.heldBy(outcome.leaseOwner(), outcome.expectedStep())) {
            return Result.STALE;
        }
        if (outcome.attempt().isPresent()) {
            ContactAttempt attempt = outcome.attempt().get();
            LeadContact lead = leads.get(attempt.leadId());
            if (lead == null || !lead.contactable(outcome.contactLimit())) {
                return Result.NOT_CONTACTABLE;
            }
            if (known.add(attempt)) {
                LeadContact contacted = lead.contacted(attempt.createdAt());
                LeadStatusChanges.between(lead.id(), lead.status(), contacted.status(), contacted.updatedAt())
                        .ifPresent(writes.statusChanges::add);
                leads.put(contacted.id(), contacted);
                writes.leads.put(contacted.id(), contacted);
                writes.insert(attempt);
            }
        }
        outcome.execution().ifPresent(writes.executions::add);
        outcome.assignment().ifPresent(writes.assignments::add);
        SequenceEnrollment stored = EnrollmentRows.released(outcome.updated());
        enrollments.put(stored.id(), new EnrollmentState(stored.status(), stored.leaseOwner(), stored.currentStep()));
        writes.enrollments.put(stored.id(), stored);
        return Result.APPLIED;
    }

    private static Map<String, EnrollmentState> lockEnrollments(Handle handle, List<StepOutcome> outcomes) {
        Map<String, EnrollmentState> enrollments = new HashMap<>();
        handle.createQuery(LOCK_ENROLLMENTS)
                .bind("ids", outcomes.stream().map(StepOutcome::enrollmentId).distinct().sorted()
                        .toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), new EnrollmentState(
                        Columns.enumValue(rs, "status", EnrollmentStatus.class), Columns.optionalText(rs, "lease_owner"),
                        rs.getInt("current_step"))))
                .forEach(entry -> enrollments.put(entry.getKey(), entry.getValue()));
        return enrollments;
    }

    private static KnownAttempts knownAttempts(Handle handle, List<ContactAttempt> attempts) {
        KnownAttempts known = new KnownAttempts();
        handle.createQuery(KNOWN_ATTEMPTS)
                .bind("ids", attempts.stream().map(ContactAttempt::id).toArray(String[]::new))
                .bind("keys", attempts.stream().map(ContactAttempt::idempotencyKey).toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("idempotency_key")))
                .forEach(row -> {
                    known.ids.add(row.getKey());
                    known.keys.add(row.getValue());
                });
        return known;
    }

    /** The locked part of an enrollment that decides whether an outcome is STALE. */
    private record EnrollmentState(EnrollmentStatus status, Optional<String> leaseOwner, int currentStep) {
        boolean heldBy(String owner, int expectedStep) {
            return status == EnrollmentStatus.ACTIVE && leaseOwner.equals(Optional.of(owner))
                    && currentStep == expectedStep;
        }
    }

    /** Ids and idempotency keys of attempts stored or about to be; an attempt matching either is skipped. */
    private static final class KnownAttempts {
        private final Set<String> ids = new HashSet<>();
        private final Set<String> keys = new HashSet<>();

        /** Records {@code attempt}; false when its id or key is known already. */
        boolean add(ContactAttempt attempt) {
            if (ids.contains(attempt.id()) || keys.contains(attempt.idempotencyKey())) {
                return false;
            }
            ids.add(attempt.id());
            keys.add(attempt.idempotencyKey());
            return true;
        }
    }

    /** The rows the applied outcomes write, flushed as one batch per table. */
    private static final class Writes {
        private final Optional<DispatchLease> lease;
        private final Map<String, LeadContact> leads = new LinkedHashMap<>();
        private final List<Object[]> attempts = new ArrayList<>();
        private final List<ContactAttempt> leased = new ArrayList<>();
        private final List<SequenceStepExecution> executions = new ArrayList<>();
        private final Map<String, SequenceEnrollment> enrollments = new LinkedHashMap<>();
        private final List<LeadStatusChange> statusChanges = new ArrayList<>();
        private final List<ArmAssignment> assignments = new ArrayList<>();

        Writes(Optional<DispatchLease> lease) {
            this.lease = lease;
        }

        /** Inserts {@code attempt}, claimed under the lease when the lease covers it. */
        void insert(ContactAttempt attempt) {
            Optional<DispatchLease> covering = lease.filter(l -> l.covers(attempt));
            if (covering.isEmpty()) {
                attempts.add(AttemptRows.row(attempt, null, null));
                return;
            }
            ContactAttempt claimed = covering.get().claimed(attempt);
            attempts.add(AttemptRows.row(claimed, covering.get().owner(), covering.get().until()));
            leased.add(claimed);
        }

        void flush(Handle handle, Dialect dialect) {
            LEAD_CONTACTS.update(handle, dialect, 0, "", "", leads.values().stream().map(lead -> new Object[] {
                lead.id(), lead.status().name(), lead.contactCount(), lead.updatedAt()}).toList());
            LeadStatusChanges.writeAll(handle, dialect, statusChanges);
            AttemptRows.BULK.insert(handle, dialect, attempts);
            String[] deferred = executions.stream().filter(e -> e.status() == ExecutionStatus.DEFERRED)
                    .map(SequenceStepExecution::id).toArray(String[]::new);
            if (deferred.length > 0) {
                handle.createUpdate(DELETE_EXECUTIONS).bind("ids", deferred).execute();
            }
            EXECUTIONS.insert(handle, dialect, executions.stream().map(e -> new Object[] {e.id(), e.enrollmentId(),
                e.sequenceId(), e.stepOrder(), e.status().name(), e.attemptId().orElse(null), e.executedAt(),
                e.result()}).toList());
            ArmAssignmentRows.insertAbsent(handle, dialect, assignments);
            ADVANCES.update(handle, dialect, 0, "lease_owner = NULL, lease_until = NULL", "", enrollments.values()
                    .stream().map(e -> new Object[] {e.id(), e.status().name(), e.exitReason().map(Enum::name)
                        .orElse(null), e.currentStep(), e.nextExecuteAt(), e.completedSteps(),
                        e.completedAt().orElse(null), e.lastStepAt().orElse(null), e.updatedAt()}).toList());
        }
    }
}
