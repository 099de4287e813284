package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.sequence.StepOutcome.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Applies a tick's step outcomes in one transaction with a fixed number of round trips, however many
 * outcomes there are: lock the leads that get an attempt, then the enrollments (leads before
 * enrollments, as every unit of work locks them, and each in id order: the ids are sorted because H2
 * locks rows in the order it looks them up), read which attempts exist already, decide every
 * outcome in memory in list order (an outcome sees the effects of those before it), then write leads,
 * attempts, executions and enrollments as four batches. A STALE or NOT_CONTACTABLE outcome writes
 * nothing; the rules are those of the in-memory store.
 */
final class StepOutcomeWriter {
    private static final String LOCK_ENROLLMENTS = "SELECT id, status, lease_owner, current_step"
            + " FROM <schema>rc_enrollment WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";
    /** Two index lookups: with OR between them the planner may scan the whole table instead. */
    private static final String KNOWN_ATTEMPTS = "SELECT id, idempotency_key FROM <schema>rc_attempt"
            + " WHERE id = ANY(:ids) UNION ALL SELECT id, idempotency_key FROM <schema>rc_attempt"
            + " WHERE idempotency_key = ANY(:keys)";

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
    List<Result> record(List<StepOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        return db.inTransaction("recordStepOutcomes", Database.Retry.ON_CONFLICT_DUPLICATE_OR_LOST_CONNECTION,
                h -> apply(h, outcomes));
    }

    private static List<Result> apply(Handle handle, List<StepOutcome> outcomes) {
        List<ContactAttempt> attempts = outcomes.stream().flatMap(o -> o.attempt().stream()).toList();
        Map<String, LeadContact> leads = attempts.isEmpty() ? new HashMap<>()
                : LeadContact.lock(handle, attempts.stream().map(ContactAttempt::leadId).distinct().sorted()
                        .toArray(String[]::new));
        Map<String, EnrollmentState> enrollments = lockEnrollments(handle, outcomes);
        KnownAttempts known = attempts.isEmpty() ? new KnownAttempts() : knownAttempts(handle, attempts);
        Writes writes = new Writes();
        List<Result> results = new ArrayList<>(outcomes.size());
        for (StepOutcome outcome : outcomes) {
            results.add(decide(outcome, leads, enrollments, known, writes));
        }
        writes.flush(handle);
        return results;
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
                writes.attempts.add(attempt);
            }
        }
        outcome.execution().ifPresent(writes.executions::add);
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
        private final Map<String, LeadContact> leads = new LinkedHashMap<>();
        private final List<ContactAttempt> attempts = new ArrayList<>();
        private final List<SequenceStepExecution> executions = new ArrayList<>();
        private final Map<String, SequenceEnrollment> enrollments = new LinkedHashMap<>();
        private final List<LeadStatusChange> statusChanges = new ArrayList<>();

        void flush(Handle handle) {
            batch(handle, LeadContact.UPDATE, leads.values(), (b, lead) -> lead.bind(b));
            LeadStatusChanges.write(handle, statusChanges);
            batch(handle, AttemptRows.INSERT, attempts, AttemptRows::bind);
            List<SequenceStepExecution> deferred = executions.stream()
                    .filter(e -> e.status() == ExecutionStatus.DEFERRED).toList();
            batch(handle, ExecutionRows.DELETE, deferred, (b, e) -> b.bind("id", e.id()));
            batch(handle, ExecutionRows.INSERT, executions, ExecutionRows::bind);
            batch(handle, EnrollmentRows.REPLACE, enrollments.values(), EnrollmentRows::bind);
        }

        private static <T> void batch(Handle handle, String sql, Collection<T> rows,
                BiFunction<PreparedBatch, T, PreparedBatch> binder) {
            if (rows.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch(sql);
            rows.forEach(row -> binder.apply(batch, row).add());
            batch.execute();
        }
    }
}
