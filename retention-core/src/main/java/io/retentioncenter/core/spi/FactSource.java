package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.fact.LeadFact;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-only facts for analytics: streaming scans of leads, enrollments, executions, attempts and
 * conversions by time, per-arm A/B counts and per-sequence statistics, plus the configuration. All
 * that retention-learning needs; a role of {@link RetentionStore}.
 */
public interface FactSource extends ConfigurationReads {
    /**
     * Per variant of test {@code testId}: for a script test, distinct leads with an attempt in that
     * variant and how many of those leads have a SALE conversion credited to the test; for a timing
     * test, leads assigned to the arm and how many of them have a SALE conversion in the assignment's
     * campaign that occurred at or after the assignment (before the step was sent included).
     */
    Map<String, ArmCounts> abTestCounts(String testId);

    /** Counts of enrollments by status and executions by step and status for a sequence. */
    SequenceStats sequenceStats(String sequenceId);

    /**
     * How many enrollments of the sequence have {@code status} now: the one figure of
     * {@link #sequenceStats} that reports need, which a store can count without the executions.
     */
    default long countEnrollments(String sequenceId, EnrollmentStatus status) {
        Require.present(status, "status");
        return sequenceStats(sequenceId).enrollments(status);
    }

    /**
     * Streams attempts created in {@code [from, to)} to {@code sink} without holding them all in
     * memory (database stores read with a cursor).
     */
    void scanAttempts(Instant from, Instant to, Consumer<ContactAttempt> sink);

    /** Streams conversions that occurred in {@code [from, to)}. */
    void scanConversions(Instant from, Instant to, Consumer<Conversion> sink);

    /** Streams enrollments enrolled in {@code [from, to)}. */
    void scanEnrollments(Instant from, Instant to, Consumer<SequenceEnrollment> sink);

    /** Streams step executions executed in {@code [from, to)}. */
    void scanExecutions(Instant from, Instant to, Consumer<SequenceStepExecution> sink);

    /** Streams leads created in {@code [from, to)}. */
    void scanLeads(Instant from, Instant to, Consumer<Lead> sink);

    /**
     * Streams the narrow projection of the attempts created in {@code [from, to)}, in any order. A
     * database store reads only the projected columns; the default projects {@link #scanAttempts}.
     */
    default void scanAttemptFacts(Instant from, Instant to, Consumer<AttemptFact> sink) {
        Consumer<AttemptFact> checked = Require.present(sink, "sink");
        scanAttempts(from, to, attempt -> checked.accept(AttemptFact.of(attempt)));
    }

    /** Streams the narrow projection of the enrollments enrolled in {@code [from, to)}, in any order. */
    default void scanEnrollmentFacts(Instant from, Instant to, Consumer<EnrollmentFact> sink) {
        Consumer<EnrollmentFact> checked = Require.present(sink, "sink");
        scanEnrollments(from, to, enrollment -> checked.accept(EnrollmentFact.of(enrollment)));
    }

    /** Streams the narrow projection of the step executions executed in {@code [from, to)}, in any order. */
    default void scanExecutionFacts(Instant from, Instant to, Consumer<ExecutionFact> sink) {
        Consumer<ExecutionFact> checked = Require.present(sink, "sink");
        scanExecutions(from, to, execution -> checked.accept(ExecutionFact.of(execution)));
    }

    /** Streams the narrow projection of the leads created in {@code [from, to)}, in any order. */
    default void scanLeadFacts(Instant from, Instant to, Consumer<LeadFact> sink) {
        Consumer<LeadFact> checked = Require.present(sink, "sink");
        scanLeads(from, to, lead -> checked.accept(LeadFact.of(lead)));
    }
}
