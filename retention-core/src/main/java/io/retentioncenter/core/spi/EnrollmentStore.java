package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Campaign membership, enrollments and the tick's side of them: claims of due enrollments under a
 * lease, step outcomes applied all or nothing, executions. A role of {@link RetentionStore}.
 */
public interface EnrollmentStore {
    /**
     * Adds a lead to a campaign unless it is already in it (ALREADY_ASSIGNED), an operator removed it
     * from the campaign (REMOVED) or the campaign holds {@code cap} ACTIVE members (CAP_REACHED).
     * Atomic: under any concurrency the campaign never holds more than {@code cap} ACTIVE members.
     */
    Assignment assignLead(String campaignId, String leadId, Optional<Integer> cap, Instant at);

    /** Number of ACTIVE members of the campaign. */
    long countCampaignLeads(String campaignId);

    /**
     * Enrolls a lead unless it is ACTIVE or PAUSED in the same sequence already, or an enrollment of
     * it in that sequence ended less than {@code cooldown} before {@code enrollment.enrolledAt()}, or
     * the lead is not contactable, or an operator removed it from {@code enrollment.campaignId()}
     * (REMOVED_FROM_CAMPAIGN). Atomic per (lead, sequence), and against removing the lead from the
     * campaign: a removal never leaves an enrollment of the lead in the campaign running.
     */
    EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown);

    /** The enrollment with {@code id}. */
    Optional<SequenceEnrollment> findEnrollment(String id);

    /** Enrollments matching {@code query}, oldest first. */
    Page<SequenceEnrollment> listEnrollments(EnrollmentQuery query, PageRequest page);

    /**
     * Claims up to {@code limit} ACTIVE enrollments with {@code nextExecuteAt <= now} whose lease is
     * free or expired, earliest due first, setting the lease to ({@code owner}, {@code leaseUntil}).
     * Atomic: while a lease is valid ({@code now < leaseUntil}) no other caller can claim the
     * enrollment; an owner whose lease expired still holds it until someone else claims it.
     */
    List<SequenceEnrollment> claimDueEnrollments(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Applies each outcome on its own, all or nothing per outcome: checks that the enrollment is
     * ACTIVE, still leased by {@code leaseOwner} and at {@code expectedStep} (else STALE); when an
     * attempt is present, checks that the lead is contactable and below {@code contactLimit} attempts
     * (else NOT_CONTACTABLE), increments the lead's contact count, moves a NEW or IN_PROGRESS lead to
     * CONTACTED and inserts the attempt (unique per idempotency key: an attempt whose id or key exists
     * already is neither inserted nor counted again, the rest still applies); then writes the execution
     * (replacing a stored execution with the same id: a step deferred again keeps one DEFERRED row)
     * and the updated enrollment, releasing the lease. NOT_CONTACTABLE leaves the lease with its owner.
     *
     * @return one result per outcome, in order
     */
    List<StepOutcome.Result> recordStepOutcomes(List<StepOutcome> outcomes);

    /**
     * Replaces an enrollment if its current status is {@code expected} and its current step equals
     * {@code updated.currentStep()} (compare-and-set, so a stale copy can never undo a step a tick
     * recorded meanwhile), releasing any lease. Used for pause, resume and manual exits.
     */
    boolean updateEnrollment(SequenceEnrollment updated, EnrollmentStatus expected);

    /** Steps processed for an enrollment, in order. */
    List<SequenceStepExecution> listExecutions(String enrollmentId);

    /** Executions with {@code executedAt} in {@code [from, to)}, counted. */
    long countExecutionsBetween(Instant from, Instant to);
}
