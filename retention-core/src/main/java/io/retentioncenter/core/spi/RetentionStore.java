package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.PurgeReport;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Persistence, shaped as the engine's atomic units of work. Every method is safe to call from many
 * threads and, for shared databases, from many engine instances at once; each method's Javadoc
 * states what it does atomically. Failures of the underlying storage surface as
 * {@link io.retentioncenter.core.StoreException}; a method that throws has changed nothing.
 * The contract test kit in core's test-jar checks every promise, threads included.
 */
public interface RetentionStore {

    // ---- leads -------------------------------------------------------------------------------

    /**
     * Inserts {@code candidate} unless a lead with the same email or the same phone exists, in which
     * case the existing lead is returned and nothing changes. Atomic: concurrent inserts of one
     * person (same email or phone) create exactly one lead.
     */
    LeadInsertResult insertLeadIfAbsent(Lead candidate);

    /** The lead with {@code id}. */
    Optional<Lead> findLead(String id);

    /** The leads with the given ids that exist, keyed by id (one round trip). */
    Map<String, Lead> findLeads(Collection<String> ids);

    /** The lead whose external (tracker) id is {@code externalId}; the earliest if several. */
    Optional<Lead> findLeadByExternalId(String externalId);

    /** The lead with this normalized email or E.164 phone. */
    Optional<Lead> findLeadByAddress(String emailOrPhone);

    /** Leads in creation order. */
    Page<Lead> listLeads(PageRequest page);

    /**
     * Moves a lead to {@code next} if its state machine allows; atomic read-check-write.
     *
     * @throws io.retentioncenter.core.NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.IllegalStateTransitionException when the move is illegal
     */
    Lead updateLeadStatus(String leadId, LeadStatus next, Instant at);

    /**
     * Ends a lead's outreach at once, atomically: moves the lead to {@code status} (checked), moves
     * every ACTIVE or PAUSED enrollment of the lead to {@code enrollmentStatus} with {@code reason},
     * and cancels the lead's SCHEDULED and PENDING attempts. A tick that claimed one of those
     * enrollments will find its outcome STALE and send nothing.
     *
     * @return the number of enrollments that ended
     * @throws io.retentioncenter.core.NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.IllegalStateTransitionException when the lead status move is illegal
     */
    int endOutreach(String leadId, LeadStatus status, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at);

    // ---- campaigns, scripts, A/B tests, sequences (small, cached by the engine) --------------

    /** Inserts or replaces a campaign and bumps {@link #configVersion()}. */
    void saveCampaign(Campaign campaign);

    /** The campaign with {@code id}. */
    Optional<Campaign> findCampaign(String id);

    /** All campaigns. */
    List<Campaign> listCampaigns();

    /**
     * Adds a lead to a campaign unless it is already in it or the campaign holds {@code cap} leads.
     * Atomic: under any concurrency the campaign never holds more than {@code cap} leads.
     */
    Assignment assignLead(String campaignId, String leadId, Optional<Integer> cap, Instant at);

    /** Number of leads in the campaign. */
    long countCampaignLeads(String campaignId);

    /** Inserts or replaces a script and bumps {@link #configVersion()}. */
    void saveScript(Script script);

    /** All scripts. */
    List<Script> listScripts();

    /** Inserts or replaces an A/B test and bumps {@link #configVersion()}. */
    void saveAbTest(AbTest test);

    /** All A/B tests. */
    List<AbTest> listAbTests();

    /**
     * Per variant of test {@code testId}: distinct leads with an attempt in that variant, and how
     * many of those leads have a SALE conversion credited to the test.
     */
    Map<String, ArmCounts> abTestCounts(String testId);

    /** Inserts or replaces a sequence (steps included) and bumps {@link #configVersion()}. */
    void saveSequence(RetentionSequence sequence);

    /** All sequences. */
    List<RetentionSequence> listSequences();

    /**
     * Deletes a sequence that has no enrollments and bumps {@link #configVersion()}.
     *
     * @return false when it does not exist or has enrollments (nothing changed)
     */
    boolean deleteSequence(String sequenceId);

    /**
     * A number that changes whenever a campaign, script, A/B test or sequence is saved or deleted
     * by any engine instance sharing this store; caches reload when it moves.
     */
    long configVersion();

    // ---- enrollments and the tick -------------------------------------------------------------

    /**
     * Enrolls a lead unless it is ACTIVE or PAUSED in the same sequence already, or an enrollment of
     * it in that sequence ended less than {@code cooldown} before {@code enrollment.enrolledAt()}, or
     * the lead is not contactable. Atomic per (lead, sequence).
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

    /** Counts of enrollments by status and executions by step and status for a sequence. */
    SequenceStats sequenceStats(String sequenceId);

    /** Executions with {@code executedAt} in {@code [from, to)}, counted. */
    long countExecutionsBetween(Instant from, Instant to);

    // ---- attempts and the outbox -------------------------------------------------------------

    /**
     * Inserts an attempt outside a sequence step (direct route, re-engagement, callback) if the lead
     * is contactable and has fewer than {@code contactLimit} attempts, incrementing its contact count and
     * moving a NEW or IN_PROGRESS lead to CONTACTED. Atomic; an attempt whose idempotency key exists
     * already is not inserted again.
     *
     * @return true when inserted
     */
    boolean insertAttempt(ContactAttempt attempt, int contactLimit);

    /** The attempt with {@code id}. */
    Optional<ContactAttempt> findAttempt(String id);

    /** The attempt that provider {@code provider} knows as {@code providerRef}. */
    Optional<ContactAttempt> findAttemptByProviderRef(String provider, String providerRef);

    /** The lead's most recent dispatched attempt on {@code channel}. */
    Optional<ContactAttempt> latestAttempt(String leadId, Channel channel);

    /** Attempts of the given enrollments, keyed by enrollment id (one round trip). */
    Map<String, List<ContactAttempt>> attemptsOfEnrollments(Collection<String> enrollmentIds);

    /** Attempts of a lead, oldest first. */
    List<ContactAttempt> attemptsOfLead(String leadId);

    /** One page of the attempts in {@code status}, oldest first, with their total. */
    Page<ContactAttempt> listAttempts(AttemptStatus status, PageRequest page);

    /**
     * Puts an UNKNOWN attempt back in the outbox as {@code next} (PENDING, with the next try number
     * and a new idempotency key), only while it is still UNKNOWN. Atomic.
     *
     * @return false when the attempt is no longer UNKNOWN (nothing changed)
     * @throws io.retentioncenter.core.NotFoundException when the attempt does not exist
     */
    boolean reopenUnknownAttempt(ContactAttempt next);

    /**
     * Claims up to {@code limit} SCHEDULED or PENDING attempts with {@code dueAt <= now}, moving them
     * to DISPATCHING under a dispatch lease ({@code owner}, {@code leaseUntil}). Atomic: an attempt is
     * claimed by one dispatcher only; a CANCELLED attempt is never claimed.
     */
    List<ContactAttempt> claimDispatchable(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Claims up to {@code limit} DISPATCHING attempts whose dispatch lease expired before {@code now}
     * (their dispatcher died), renewing the lease for {@code owner}. The caller then re-sends them
     * (idempotent providers) or marks them UNKNOWN.
     */
    List<ContactAttempt> claimStaleDispatches(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Ends a dispatch if the attempt is still DISPATCHING under {@code completion.owner()}: replaces
     * it with {@code completion.updated()} and, if {@code stepFailed}, marks its step execution
     * FAILED. If a provider event already moved the attempt forward, only the provider name,
     * reference and sent time are kept. Atomic.
     *
     * @return false when the dispatcher no longer held the attempt (nothing changed)
     */
    default boolean completeDispatch(DispatchCompletion completion) {
        return completeDispatches(List.of(io.retentioncenter.core.Require.present(completion, "completion"))).get(0);
    }

    /**
     * Ends several dispatches as {@link #completeDispatch} does, in one unit of work: either every
     * completion is applied (each only if its dispatcher still held the attempt) or, on a storage
     * failure, none is, and the attempts stay DISPATCHING until their lease expires.
     *
     * @return one flag per completion, in order: false when its dispatcher no longer held the attempt
     */
    List<Boolean> completeDispatches(List<DispatchCompletion> completions);

    /**
     * Applies a provider event's change if the attempt's status can advance to it (compare-and-set);
     * late or duplicate events change nothing. A change whose status cannot apply still attaches its
     * transcript and keywords when the attempt has none yet (a call's end-of-call report arrives after
     * the status update that ended it). An existing provider reference is kept.
     *
     * @return the attempt after the change, or empty when nothing changed
     * @throws io.retentioncenter.core.NotFoundException when the attempt does not exist
     */
    Optional<ContactAttempt> advanceAttempt(AttemptChange change, Instant at);

    /**
     * Reserves one send in the rate-limit window starting at {@code windowStart} for campaign and
     * channel, if fewer than {@code max} are reserved. Atomic: never more than {@code max} per window.
     */
    boolean tryReserveRate(String campaignId, Channel channel, Instant windowStart, int max);

    /**
     * Records that an inbound event with this key was processed. Atomic.
     *
     * @return false when the key was recorded before (a replay)
     */
    boolean markEventProcessed(String eventKey, Instant at);

    /**
     * Deletes housekeeping rows: processed provider-event keys, conversion replay keys and unmatched
     * postbacks recorded before {@code keysBefore}, and rate-limit windows that started before
     * {@code rateWindowsBefore}. Leads, attempts, executions, enrollments and conversions are never
     * purged. Safe to run on several engines at once.
     *
     * @return how many rows of each kind were deleted
     */
    PurgeReport purgeHousekeeping(Instant keysBefore, Instant rateWindowsBefore);

    // ---- conversions ------------------------------------------------------------------------

    /**
     * Applies a matched postback atomically: ignores a replayed {@code replayKey}; creates the
     * lead's conversion in the campaign or moves the existing one (LEAD → SALE, LEAD/SALE → REJECTED,
     * REBILL adds revenue to a SALE); on SALE moves the lead to CONVERTED, every ACTIVE or PAUSED
     * enrollment of the lead to CONVERTED and cancels its undispatched attempts; on REJECTED moves
     * the lead to REJECTED and exits its enrollments the same way. A postback whose move the
     * conversion does not allow is IGNORED and does not use up its replay key (a rebill that arrives
     * before its sale can be sent again).
     */
    ConversionOutcome recordConversion(ConversionCommand command);

    /** Conversions of a lead. */
    List<Conversion> conversionsOfLead(String leadId);

    /** Stores a postback that matched nothing, once per replay key. */
    void recordUnmatchedPostback(UnmatchedPostback postback);

    /** Unmatched postbacks, oldest first. */
    Page<UnmatchedPostback> listUnmatchedPostbacks(PageRequest page);

    // ---- streaming reads for analytics ------------------------------------------------------

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
}
