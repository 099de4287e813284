package io.retentioncenter.core.memory;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.PurgeReport;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignLead;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.contact.DispatchLease;
import io.retentioncenter.core.contact.PaceState;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionMoves;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.internal.OutreachArguments;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.StoreArguments;
import io.retentioncenter.core.internal.IntakeSteps;
import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadCounts;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.RecordedSteps;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.spi.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link RetentionStore} held in memory: for tests, simulations and single-process hosts that can
 * afford to lose their state on restart. Thread-safe: every unit of work runs under one lock, so each
 * method is atomic exactly as its contract says. Claims and step outcomes go through ordered indexes
 * and cost O(batch · log n); scans hand records to their sink in chunks, outside the lock.
 *
 * <p>Rules this store follows where the contract leaves room (the contract kit checks them for every
 * store): leases (enrollment and dispatch) are valid while {@code now < leaseUntil}, and an owner whose
 * lease expired keeps it until someone else claims it. Lookups by an unknown id return empty and
 * compare-and-set calls ({@code updateEnrollment}, {@code completeDispatch}) return false, while
 * {@code updateLeadStatus}, {@code endOutreach}, {@code editLead}, {@code assignLead}, {@code enroll}
 * (for the sequence), {@code insertAttempt}, {@code advanceAttempt} and {@code recordConversion} throw
 * {@link NotFoundException} for a missing lead, campaign, sequence or attempt.
 */
public final class InMemoryRetentionStore implements RetentionStore {
    private static final int SCAN_CHUNK = 512;
    private static final int INTAKE_CHUNK = 1_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final LeadTable leads = new LeadTable();
    private final CampaignMembers members = new CampaignMembers();
    private final ConfigRegistry config = new ConfigRegistry();
    private final EnrollmentTable enrollments = new EnrollmentTable();
    private final ExecutionTable executions = new ExecutionTable();
    private final AttemptTable attempts = new AttemptTable();
    private final ConversionBook conversions = new ConversionBook();
    private final UnmatchedPostbacks unmatched = new UnmatchedPostbacks();
    private final RateWindows rates = new RateWindows();
    private final Map<String, Instant> processedEvents = new HashMap<>();
    private final MemoryIntake intakeSteps = new MemoryIntake(this, config, leads);
    private final MemberPages memberPages = new MemberPages(leads, members, enrollments, attempts, conversions);
    private final ConversionPages conversionPages = new ConversionPages(leads, conversions, unmatched);
    private final PaceBook paces = new PaceBook();
    private final ArmAssignments arms = new ArmAssignments();
    private final ReengagementBook reengagements = new ReengagementBook();
    private final LeadFinder finder = new LeadFinder(leads, members::holds);
    private final DashboardViews dashboards = new DashboardViews(leads, attempts, conversions, enrollments,
            executions);

    /** Creates an empty store. */
    public InMemoryRetentionStore() {
        // all state starts empty
    }

    // ---- leads -------------------------------------------------------------------------------

    /** {@inheritDoc} A candidate whose id is stored already counts as a duplicate too (a retried insert). */
    @Override
    public LeadInsertResult insertLeadIfAbsent(Lead candidate) {
        Require.present(candidate, "candidate");
        return locked(() -> {
            Optional<Lead> existing = leads.duplicateOf(candidate);
            if (existing.isPresent()) {
                return new LeadInsertResult(existing.get(), false);
            }
            leads.insert(candidate);
            return new LeadInsertResult(candidate, true);
        });
    }

    /** {@inheritDoc} Under the store's lock; a bulk call holds it for one chunk of rows at a time. */
    @Override
    public Optional<IntakeOutcome> ingestLead(LeadIntake intake, long configVersion) {
        IntakeSteps.checked(intake, "intake");
        return locked(() -> config.version() == configVersion ? Optional.of(intakeSteps.apply(intake)) : Optional.empty());
    }

    @Override
    public List<IntakeOutcome> ingestLeads(List<LeadIntake> intakes, long configVersion) {
        List<LeadIntake> rows = IntakeSteps.checked(intakes);
        List<IntakeOutcome> done = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += INTAKE_CHUNK) {
            List<LeadIntake> chunk = rows.subList(from, Math.min(rows.size(), from + INTAKE_CHUNK));
            if (!locked(() -> config.version() == configVersion && done.addAll(chunk.stream().map(intakeSteps::apply).toList()))) {
                break;
            }
        }
        return done;
    }

    @Override
    public Optional<Lead> findLead(String id) {
        String key = Require.text(id, "id");
        return locked(() -> leads.find(key));
    }

    @Override
    public Map<String, Lead> findLeads(Collection<String> ids) {
        List<String> keys = texts(ids, "ids");
        return locked(() -> {
            Map<String, Lead> found = new LinkedHashMap<>(keys.size() * 4 / 3 + 1);
            keys.forEach(id -> leads.find(id).ifPresent(lead -> found.put(id, lead)));
            return Collections.unmodifiableMap(found);
        });
    }

    @Override
    public Optional<Lead> findLeadByExternalId(String externalId) {
        String key = Require.text(externalId, "externalId");
        return locked(() -> leads.byExternalId(key));
    }

    @Override
    public Optional<Lead> findLeadByAddress(String emailOrPhone) {
        String key = Require.text(emailOrPhone, "emailOrPhone");
        return locked(() -> leads.byAddress(key));
    }

    @Override
    public Page<Lead> listLeads(PageRequest page) {
        Require.present(page, "page");
        return locked(() -> leads.page(page));
    }

    @Override
    public Lead updateLeadStatus(String leadId, LeadStatus next, Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(next, "next");
        Require.present(at, "at");
        return locked(() -> {
            Lead updated = leads.require(id).withStatus(next, at);
            leads.replace(updated);
            return updated;
        });
    }

    @Override
    public int endOutreach(String leadId, LeadStatus status, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(status, "status");
        StoreArguments.finalStatus(enrollmentStatus);
        Require.present(reason, "reason");
        Require.present(at, "at");
        return locked(() -> {
            leads.replace(leads.require(id).withStatus(status, at));
            return stopOutreach(id, enrollmentStatus, reason, at);
        });
    }


    /** Ends the lead's ACTIVE and PAUSED enrollments and cancels its undispatched attempts. */
    private int stopOutreach(String leadId, EnrollmentStatus status, ExitReason reason, Instant at) {
        int ended = 0;
        for (SequenceEnrollment enrollment : enrollments.ofLead(leadId)) {
            if (!enrollment.status().isFinal()) {
                enrollments.put(enrollment.finished(status, Optional.of(reason), at));
                ended++;
            }
        }
        for (ContactAttempt attempt : attempts.ofLead(leadId)) {
            if (attempt.status().isUndispatched()) {
                attempts.put(attempt.withStatus(AttemptStatus.CANCELLED, at));
            }
        }
        return ended;
    }

    // ---- campaigns, scripts, A/B tests, sequences --------------------------------------------

    @Override
    public void saveCampaign(Campaign campaign) {
        Require.present(campaign, "campaign");
        runLocked(() -> config.save(campaign));
    }

    @Override
    public Optional<Campaign> findCampaign(String id) {
        String key = Require.text(id, "id");
        return locked(() -> config.campaign(key));
    }

    @Override
    public List<Campaign> listCampaigns() {
        return locked(config::campaigns);
    }

    /** {@inheritDoc} Throws {@link NotFoundException} when the campaign or the lead does not exist. */
    @Override
    public Assignment assignLead(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        String campaign = Require.text(campaignId, "campaignId");
        String lead = Require.text(leadId, "leadId");
        StoreArguments.cap(cap);
        Require.present(at, "at");
        return locked(() -> {
            config.campaign(campaign).orElseThrow(() -> new NotFoundException("campaign", campaign));
            leads.require(lead);
            return members.assign(campaign, lead, cap, at);
        });
    }

    /** The lead's membership of the campaign, if it has one; for intake, under the store's lock. */
    Optional<CampaignLead> campaignMember(String campaignId, String leadId) {
        return locked(() -> members.find(campaignId, leadId));
    }

    /** The lead's enrollments in enrollment order; for intake, under the store's lock. */
    List<SequenceEnrollment> enrollmentsOfLead(String leadId) {
        return locked(() -> enrollments.ofLead(leadId));
    }

    @Override
    public long countCampaignLeads(String campaignId) {
        String key = Require.text(campaignId, "campaignId");
        return locked(() -> members.count(key));
    }

    @Override
    public void saveScript(Script script) {
        Require.present(script, "script");
        runLocked(() -> config.save(script));
    }

    @Override
    public List<Script> listScripts() {
        return locked(config::scripts);
    }

    @Override
    public void saveAbTest(AbTest test) {
        Require.present(test, "test");
        runLocked(() -> config.save(test));
    }

    @Override
    public List<AbTest> listAbTests() {
        return locked(config::abTests);
    }

    /**
     * {@inheritDoc} Every variant of a saved test is listed, unexposed ones with zero counts; a lead
     * counts as converted in a variant of a script test when it was exposed to it and has a SALE
     * conversion credited to the same test and variant.
     */
    @Override
    public Map<String, ArmCounts> abTestCounts(String testId) {
        String id = Require.text(testId, "testId");
        return locked(() -> {
            Optional<AbTest> timing = config.abTest(id).filter(t -> t.kind().timing());
            if (timing.isPresent()) {
                return Collections.unmodifiableMap(arms.counts(timing.get(), conversions));
            }
            Map<String, Set<String>> exposed = new LinkedHashMap<>();
            config.abTest(id).ifPresent(test -> test.variants().forEach(v -> exposed.put(v.name(), new HashSet<>())));
            for (ContactAttempt attempt : attempts.ofAbTest(id)) {
                attempt.variant().ifPresent(v -> exposed.computeIfAbsent(v, k -> new HashSet<>()).add(attempt.leadId()));
            }
            Map<String, ArmCounts> counts = new LinkedHashMap<>();
            exposed.forEach((variant, leadIds) -> counts.put(variant, new ArmCounts(leadIds.size(),
                    leadIds.stream().filter(leadId -> soldThrough(leadId, id, variant)).count())));
            return Collections.unmodifiableMap(counts);
        });
    }

    @Override
    public Optional<ArmAssignment> armAssignment(String testId, String leadId) {
        Require.text(testId, "testId");
        Require.text(leadId, "leadId");
        return locked(() -> arms.find(testId, leadId));
    }

    private boolean soldThrough(String leadId, String testId, String variant) {
        return conversions.ofLead(leadId).stream().anyMatch(c -> c.status() == ConversionStatus.SALE
                && c.abTestId().equals(Optional.of(testId)) && c.variant().equals(Optional.of(variant)));
    }

    @Override
    public void saveSequence(RetentionSequence sequence) {
        Require.present(sequence, "sequence");
        runLocked(() -> config.save(sequence));
    }

    @Override
    public List<RetentionSequence> listSequences() {
        return locked(config::sequences);
    }

    @Override
    public boolean deleteSequence(String sequenceId) {
        String id = Require.text(sequenceId, "sequenceId");
        return locked(() -> !enrollments.anyOfSequence(id) && config.deleteSequence(id));
    }

    @Override
    public long configVersion() {
        return locked(config::version);
    }

    // ---- enrollments and the tick -------------------------------------------------------------

    /**
     * {@inheritDoc} Throws {@link NotFoundException} when the sequence is not stored. An enrollment
     * whose id is stored already is reported ALREADY_ENROLLED (a retried call). The cooldown counts
     * from the earlier enrollment's {@code completedAt}.
     */
    @Override
    public EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown) {
        StoreArguments.enrollment(enrollment, cooldown);
        return locked(() -> {
            if (!config.hasSequence(enrollment.sequenceId())) {
                throw new NotFoundException("sequence", enrollment.sequenceId());
            }
            Optional<SequenceEnrollment> same = enrollments.find(enrollment.id());
            if (same.isPresent()) {
                return new EnrollResult(EnrollResult.Outcome.ALREADY_ENROLLED, same);
            }
            Optional<Lead> lead = leads.find(enrollment.leadId());
            if (lead.isEmpty()) {
                return new EnrollResult(EnrollResult.Outcome.LEAD_NOT_FOUND, Optional.empty());
            }
            if (!lead.get().status().contactable()) {
                return new EnrollResult(EnrollResult.Outcome.NOT_CONTACTABLE, Optional.empty());
            }
            if (members.find(enrollment.campaignId(), enrollment.leadId())
                    .filter(m -> m.status() == MemberStatus.REMOVED).isPresent()) {
                return new EnrollResult(EnrollResult.Outcome.REMOVED_FROM_CAMPAIGN, Optional.empty());
            }
            List<SequenceEnrollment> earlier = enrollments.ofLead(enrollment.leadId()).stream()
                    .filter(e -> e.sequenceId().equals(enrollment.sequenceId())).toList();
            Optional<SequenceEnrollment> running = earlier.stream().filter(e -> !e.status().isFinal()).findFirst();
            if (running.isPresent()) {
                return new EnrollResult(EnrollResult.Outcome.ALREADY_ENROLLED, running);
            }
            Instant cutoff = enrollment.enrolledAt().minus(cooldown);
            Optional<SequenceEnrollment> recent = earlier.stream().filter(e -> endedAt(e).isAfter(cutoff))
                    .max(Comparator.comparing(InMemoryRetentionStore::endedAt));
            if (recent.isPresent()) {
                return new EnrollResult(EnrollResult.Outcome.COOLDOWN, recent);
            }
            SequenceEnrollment stored = EnrollmentTable.released(enrollment);
            enrollments.put(stored);
            return new EnrollResult(EnrollResult.Outcome.ENROLLED, Optional.of(stored));
        });
    }

    private static Instant endedAt(SequenceEnrollment ended) {
        return ended.completedAt().orElse(ended.updatedAt());
    }

    @Override
    public Optional<SequenceEnrollment> findEnrollment(String id) {
        String key = Require.text(id, "id");
        return locked(() -> enrollments.find(key));
    }

    @Override
    public Page<SequenceEnrollment> listEnrollments(EnrollmentQuery query, PageRequest page) {
        Require.present(query, "query");
        Require.present(query.sequenceId(), "query.sequenceId");
        Require.present(query.campaignId(), "query.campaignId");
        Require.present(query.leadId(), "query.leadId");
        Require.present(query.status(), "query.status");
        Require.present(page, "page");
        return locked(() -> {
            Stream<SequenceEnrollment> candidates = query.leadId().map(enrollments::ofLead)
                    .or(() -> query.sequenceId().map(enrollments::ofSequence))
                    .map(List::stream)
                    .orElseGet(enrollments::all);
            List<SequenceEnrollment> matching = candidates.filter(query::matches).toList();
            return Pages.of(matching.stream(), matching.size(), page);
        });
    }

    @Override
    public List<SequenceEnrollment> claimDueEnrollments(Instant now, int limit, String owner, Instant leaseUntil) {
        String holder = StoreArguments.claim(now, limit, owner, leaseUntil);
        return locked(() -> {
            List<SequenceEnrollment> claimed = new ArrayList<>();
            for (SequenceEnrollment due : enrollments.claimable(now, limit)) {
                SequenceEnrollment leased = EnrollmentTable.leased(due, holder, leaseUntil);
                enrollments.put(leased);
                claimed.add(leased);
            }
            return claimed;
        });
    }


    /**
     * {@inheritDoc} An attempt whose id or idempotency key is stored already is not inserted again
     * and does not count as a contact; the rest of the outcome still applies.
     */
    @Override
    public List<StepOutcome.Result> recordStepOutcomes(List<StepOutcome> outcomes) {
        StoreArguments.outcomes(outcomes);
        return locked(() -> outcomes.stream().map(o -> apply(o, Optional.empty(), new ArrayList<>())).toList());
    }

    @Override
    public RecordedSteps recordStepOutcomes(List<StepOutcome> outcomes, DispatchLease lease) {
        StoreArguments.outcomes(outcomes);
        Require.present(lease, "lease");
        return locked(() -> {
            List<ContactAttempt> leased = new ArrayList<>();
            List<StepOutcome.Result> results = outcomes.stream().map(o -> apply(o, Optional.of(lease), leased))
                    .toList();
            return new RecordedSteps(results, leased);
        });
    }

    private StepOutcome.Result apply(StepOutcome outcome, Optional<DispatchLease> lease, List<ContactAttempt> leased) {
        Optional<SequenceEnrollment> current = enrollments.find(outcome.enrollmentId());
        if (current.isEmpty() || current.get().status() != EnrollmentStatus.ACTIVE
                || !current.get().leaseOwner().equals(Optional.of(outcome.leaseOwner()))
                || current.get().currentStep() != outcome.expectedStep()) {
            return StepOutcome.Result.STALE;
        }
        if (outcome.attempt().isPresent()) {
            ContactAttempt attempt = outcome.attempt().get();
            Optional<Lead> lead = leads.find(attempt.leadId());
            if (lead.isEmpty() || !contactable(lead.get(), outcome.contactLimit())) {
                return StepOutcome.Result.NOT_CONTACTABLE;
            }
            if (!attempts.holds(attempt)) {
                ContactAttempt stored = attempt;
                if (lease.isPresent() && lease.get().covers(attempt)) {
                    // stored claimed at once: the lease first, so that the attempt is indexed by its expiry
                    stored = lease.get().claimed(attempt);
                    attempts.lease(stored.id(), lease.get().owner(), lease.get().until());
                    leased.add(stored);
                }
                recordContact(lead.get(), stored);
            }
        }
        outcome.execution().ifPresent(executions::put);
        outcome.assignment().ifPresent(arms::addIfAbsent);
        enrollments.put(EnrollmentTable.released(outcome.updated()));
        return StepOutcome.Result.APPLIED;
    }

    private static boolean contactable(Lead lead, int contactLimit) {
        return lead.status().contactable() && lead.contactCount() < contactLimit;
    }

    /** Inserts the attempt, counts the contact and moves a NEW or IN_PROGRESS lead to CONTACTED. */
    private void recordContact(Lead lead, ContactAttempt attempt) {
        Lead counted = lead.withOneMoreContact(attempt.createdAt());
        if (counted.status() == LeadStatus.NEW || counted.status() == LeadStatus.IN_PROGRESS) {
            counted = counted.withStatus(LeadStatus.CONTACTED, attempt.createdAt());
        }
        leads.replace(counted);
        attempts.put(attempt);
    }

    @Override
    public boolean updateEnrollment(SequenceEnrollment updated, EnrollmentStatus expected) {
        Require.present(updated, "updated");
        Require.present(expected, "expected");
        return locked(() -> {
            Optional<SequenceEnrollment> current = enrollments.find(updated.id());
            if (current.isEmpty() || current.get().status() != expected
                    || current.get().currentStep() != updated.currentStep()) {
                return false;
            }
            enrollments.put(EnrollmentTable.released(updated));
            return true;
        });
    }

    @Override
    public List<SequenceStepExecution> listExecutions(String enrollmentId) {
        String id = Require.text(enrollmentId, "enrollmentId");
        return locked(() -> executions.ofEnrollment(id));
    }

    @Override
    public SequenceStats sequenceStats(String sequenceId) {
        String id = Require.text(sequenceId, "sequenceId");
        return locked(() -> {
            Map<EnrollmentStatus, Long> byStatus = new EnumMap<>(EnrollmentStatus.class);
            Map<Integer, Map<ExecutionStatus, Long>> bySteps = new TreeMap<>();
            for (SequenceEnrollment enrollment : enrollments.ofSequence(id)) {
                byStatus.merge(enrollment.status(), 1L, Long::sum);
                for (SequenceStepExecution execution : executions.ofEnrollment(enrollment.id())) {
                    bySteps.computeIfAbsent(execution.stepOrder(), k -> new EnumMap<>(ExecutionStatus.class))
                            .merge(execution.status(), 1L, Long::sum);
                }
            }
            Map<Integer, Map<ExecutionStatus, Long>> frozen = new TreeMap<>();
            bySteps.forEach((step, counts) -> frozen.put(step, Map.copyOf(counts)));
            return new SequenceStats(byStatus, frozen);
        });
    }

    @Override
    public long countExecutionsBetween(Instant from, Instant to) {
        Require.present(from, "from");
        Require.present(to, "to");
        return locked(() -> executions.executedIndex().count(from, to));
    }

    // ---- attempts and the outbox -------------------------------------------------------------

    /**
     * {@inheritDoc} Like a step's attempt, it moves a NEW or IN_PROGRESS lead to CONTACTED. Throws
     * {@link NotFoundException} when the lead does not exist.
     */
    @Override
    public boolean insertAttempt(ContactAttempt attempt, int contactLimit) {
        Require.present(attempt, "attempt");
        Require.positive(contactLimit, "contactLimit");
        return locked(() -> {
            Lead lead = leads.require(attempt.leadId());
            if (attempts.holds(attempt) || !contactable(lead, contactLimit)) {
                return false;
            }
            recordContact(lead, attempt);
            return true;
        });
    }

    @Override
    public Optional<ContactAttempt> findAttempt(String id) {
        String key = Require.text(id, "id");
        return locked(() -> attempts.find(key));
    }

    @Override
    public Optional<ContactAttempt> findAttemptByProviderRef(String provider, String providerRef) {
        String name = Require.text(provider, "provider");
        String ref = Require.text(providerRef, "providerRef");
        return locked(() -> attempts.byProviderRef(name, ref));
    }

    /**
     * {@inheritDoc} Dispatched means handed to (or being handed to) the provider: any status but
     * SCHEDULED, PENDING and CANCELLED; most recent means latest {@code createdAt}.
     */
    @Override
    public Optional<ContactAttempt> latestAttempt(String leadId, Channel channel) {
        String id = Require.text(leadId, "leadId");
        Require.present(channel, "channel");
        return locked(() -> attempts.ofLead(id).stream()
                .filter(a -> a.channel() == channel && !a.status().isUndispatched()
                        && a.status() != AttemptStatus.CANCELLED)
                .reduce((older, newer) -> newer));
    }

    @Override
    public Map<String, List<ContactAttempt>> attemptsOfEnrollments(Collection<String> enrollmentIds) {
        List<String> keys = texts(enrollmentIds, "enrollmentIds");
        return locked(() -> {
            Map<String, List<ContactAttempt>> found = new LinkedHashMap<>();
            for (String id : keys) {
                List<ContactAttempt> ofEnrollment = attempts.ofEnrollment(id);
                if (!ofEnrollment.isEmpty()) {
                    found.put(id, ofEnrollment);
                }
            }
            return Collections.unmodifiableMap(found);
        });
    }

    @Override
    public List<ContactAttempt> attemptsOfLead(String leadId) {
        String id = Require.text(leadId, "leadId");
        return locked(() -> attempts.ofLead(id));
    }

    /** {@inheritDoc} Earliest due first; a claimed attempt's {@code updatedAt} becomes {@code now}. */
    @Override
    public List<ContactAttempt> claimDispatchable(Instant now, int limit, String owner, Instant leaseUntil) {
        String holder = StoreArguments.claim(now, limit, owner, leaseUntil);
        return locked(() -> {
            List<ContactAttempt> claimed = new ArrayList<>();
            for (ContactAttempt due : attempts.dispatchable(now, limit)) {
                ContactAttempt dispatching = due.withStatus(AttemptStatus.DISPATCHING, now);
                attempts.put(dispatching);
                attempts.lease(dispatching.id(), holder, leaseUntil);
                claimed.add(dispatching);
            }
            return claimed;
        });
    }

    @Override
    public List<ContactAttempt> claimStaleDispatches(Instant now, int limit, String owner, Instant leaseUntil) {
        String holder = StoreArguments.claim(now, limit, owner, leaseUntil);
        return locked(() -> {
            List<ContactAttempt> stale = attempts.staleDispatches(now, limit);
            stale.forEach(attempt -> attempts.lease(attempt.id(), holder, leaseUntil));
            return stale;
        });
    }

    /**
     * {@inheritDoc} When a provider event moved the attempt on meanwhile, the provider name, provider
     * reference and sent time of {@code completion.updated()} are kept and {@code stepFailed} is
     * ignored (the event knows better).
     */
    @Override
    public List<Boolean> completeDispatches(List<DispatchCompletion> completions) {
        Require.present(completions, "completions");
        for (int i = 0; i < completions.size(); i++) {
            Require.present(completions.get(i), "completions[" + i + "]");
        }
        return locked(() -> completions.stream().map(this::complete).toList());
    }

    @Override
    public PurgeReport purgeHousekeeping(Instant keysBefore, Instant rateWindowsBefore) {
        Require.present(keysBefore, "keysBefore");
        Require.present(rateWindowsBefore, "rateWindowsBefore");
        return locked(() -> {
            int events = processedEvents.size();
            processedEvents.values().removeIf(at -> at.isBefore(keysBefore));
            return new PurgeReport(events - processedEvents.size(), conversions.forgetReplayKeysBefore(keysBefore),
                    unmatched.purgeBefore(keysBefore), rates.purgeBefore(rateWindowsBefore));
        });
    }

    @Override
    public Page<ContactAttempt> listAttempts(AttemptStatus status, PageRequest page) {
        Require.present(status, "status");
        Require.present(page, "page");
        return locked(() -> {
            List<ContactAttempt> matching = attempts.withStatus(status);
            return Pages.of(matching.stream(), matching.size(), page);
        });
    }

    @Override
    public boolean reopenUnknownAttempt(ContactAttempt next) {
        StoreArguments.reopened(next);
        return locked(() -> {
            ContactAttempt current = attempts.find(next.id()).orElseThrow(() -> new NotFoundException("attempt", next.id()));
            if (current.status() != AttemptStatus.UNKNOWN) {
                return false;
            }
            attempts.put(next);
            return true;
        });
    }

    private boolean complete(DispatchCompletion completion) {
        ContactAttempt updated = completion.updated();
        Optional<ContactAttempt> current = attempts.find(updated.id());
        if (current.isEmpty() || !attempts.leasedBy(updated.id(), completion.owner())) {
            return false;
        }
        if (current.get().status() == AttemptStatus.DISPATCHING) {
            attempts.put(updated);
            if (completion.stepFailed()) {
                executions.ofAttempt(updated.id()).ifPresent(e -> executions.put(failed(e)));
            }
        } else {
            attempts.put(withDispatchReference(current.get(), updated));
        }
        attempts.release(updated.id());
        return true;
    }

    private static SequenceStepExecution failed(SequenceStepExecution e) {
        return new SequenceStepExecution(e.id(), e.enrollmentId(), e.sequenceId(), e.stepOrder(),
                ExecutionStatus.FAILED, e.attemptId(), e.executedAt(), e.result());
    }

    private static ContactAttempt withDispatchReference(ContactAttempt a, ContactAttempt dispatched) {
        Instant updatedAt = a.updatedAt().isAfter(dispatched.updatedAt()) ? a.updatedAt() : dispatched.updatedAt();
        return new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(), a.status(),
                a.enrollmentId(), a.stepOrder(), a.tryNumber(), a.idempotencyKey(), a.scriptId(), a.abTestId(),
                a.variant(), a.recipient(), a.subject(), a.body(), a.dueAt(), dispatched.provider().or(a::provider),
                dispatched.providerRef().or(a::providerRef), dispatched.sentAt().or(a::sentAt), a.error(),
                a.transcript(), a.keywords(), a.createdAt(), updatedAt);
    }

    /**
     * {@inheritDoc} The change's provider reference is kept only when the attempt has none; its
     * error and transcript replace earlier ones when present. Throws {@link NotFoundException} when
     * the attempt does not exist.
     */
    @Override
    public Optional<ContactAttempt> advanceAttempt(AttemptChange change, Instant at) {
        String id = Require.present(change, "change").attemptId();
        Require.present(at, "at");
        return locked(() -> {
            ContactAttempt a = attempts.find(id).orElseThrow(() -> new NotFoundException("attempt", id));
            Optional<ContactAttempt> changed = change.applyTo(a, at);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            ContactAttempt advanced = changed.get();
            attempts.put(advanced);
            return Optional.of(advanced);
        });
    }

    @Override
    public boolean tryReserveRate(String campaignId, Channel channel, Instant windowStart, int max) {
        String campaign = Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(windowStart, "windowStart");
        Require.positive(max, "max");
        return locked(() -> rates.tryReserve(campaign, channel, windowStart, max));
    }

    @Override
    public boolean markEventProcessed(String eventKey, Instant at) {
        String key = Require.text(eventKey, "eventKey");
        Require.present(at, "at");
        return locked(() -> processedEvents.putIfAbsent(key, at) == null);
    }

    // ---- test sends, pacing and re-engagement ------------------------------------------------

    @Override
    public ContactAttempt insertTestAttempt(ContactAttempt attempt) {
        OutreachArguments.testAttempt(attempt);
        return locked(() -> {
            if (!attempts.holds(attempt)) {
                attempts.put(attempt);
            }
            return attempts.find(attempt.id()).orElseGet(() -> attempts.byKey(attempt.idempotencyKey()).orElseThrow());
        });
    }

    @Override
    public Optional<PaceState> tryReservePace(String leadId, Instant at, Instant dayStart, int dailyCap,
            Duration minGap) {
        String lead = OutreachArguments.pace(leadId, at, dayStart, dailyCap, minGap);
        return locked(() -> paces.tryReserve(lead, at, dayStart, dailyCap, minGap));
    }

    @Override
    public void saveReengagementRule(ReengagementRule rule) {
        Require.present(rule, "rule");
        runLocked(() -> reengagements.save(rule));
    }

    @Override
    public List<ReengagementRule> listReengagementRules() {
        return locked(reengagements::rules);
    }

    @Override
    public boolean deleteReengagementRule(String ruleId) {
        String id = Require.text(ruleId, "ruleId");
        return locked(() -> reengagements.delete(id));
    }

    @Override
    public List<SequenceEnrollment> reengagementCandidates(ReengagementRule rule, Instant anchoredAfter,
            Instant anchoredBy, int limit) {
        OutreachArguments.candidates(rule, anchoredAfter, anchoredBy, limit);
        return locked(() -> reengagements.candidates(rule, enrollments.ofSequence(rule.sourceSequenceId()),
                anchoredAfter, anchoredBy, leadId -> leads.find(leadId).filter(l -> l.status().contactable()).isPresent(), limit));
    }

    @Override
    public boolean markReengaged(String leadId, String targetSequenceId, String ruleId, String sourceEnrollmentId,
            Instant at) {
        OutreachArguments.reengaged(leadId, targetSequenceId, ruleId, sourceEnrollmentId, at);
        return locked(() -> reengagements.mark(leadId, targetSequenceId));
    }

    // ---- conversions ------------------------------------------------------------------------

    /**
     * {@inheritDoc} A new conversion takes its status from the postback kind and its revenue from the
     * payout; a move to REJECTED keeps the revenue; the first transaction id is kept and {@code raw}
     * follows the latest postback. A REBILL without a SALE, and any move the conversion does not
     * allow, is IGNORED and does not consume its replay key, so the tracker may retry it later. A lead
     * that cannot move to CONVERTED or REJECTED (e.g. DO_NOT_CONTACT) keeps its status, and its
     * enrollments still end. Throws {@link NotFoundException} when the lead does not exist.
     */
    @Override
    public ConversionOutcome recordConversion(ConversionCommand command) {
        Require.present(command, "command");
        Conversion candidate = command.candidate();
        return locked(() -> {
            Lead lead = leads.require(candidate.leadId());
            Optional<Conversion> existing = conversions.find(candidate.leadId(), candidate.campaignId());
            if (conversions.isReplay(command.replayKey())) {
                return new ConversionOutcome(ConversionOutcome.Effect.REPLAY, existing, 0);
            }
            Optional<Conversion> next = ConversionMoves.apply(existing, command);
            if (next.isEmpty()) {
                return new ConversionOutcome(ConversionOutcome.Effect.IGNORED, existing, 0);
            }
            conversions.put(next.get());
            conversions.remember(command.replayKey(), command.at());
            ConversionStatus status = next.get().status();
            boolean moved = existing.map(c -> c.status() != status).orElse(true);
            int exited = moved ? closeLead(lead, status, command.at()) : 0;
            return new ConversionOutcome(existing.isPresent() ? ConversionOutcome.Effect.UPDATED
                    : ConversionOutcome.Effect.CREATED, next, exited);
        });
    }

    /** Applies a conversion that reached {@code status} to its lead; returns the enrollments that ended. */
    private int closeLead(Lead lead, ConversionStatus status, Instant at) {
        return switch (status) {
            case LEAD -> 0;
            case SALE -> closeLead(lead, LeadStatus.CONVERTED, EnrollmentStatus.CONVERTED, ExitReason.CONVERTED, at);
            case REJECTED -> closeLead(lead, LeadStatus.REJECTED, EnrollmentStatus.EXITED, ExitReason.REJECTED, at);
        };
    }

    private int closeLead(Lead lead, LeadStatus leadStatus, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at) {
        if (lead.status() != leadStatus && lead.status().canMoveTo(leadStatus)) {
            leads.replace(lead.withStatus(leadStatus, at));
        }
        return stopOutreach(lead.id(), enrollmentStatus, reason, at);
    }

    @Override
    public List<Conversion> conversionsOfLead(String leadId) {
        String id = Require.text(leadId, "leadId");
        return locked(() -> conversions.ofLead(id));
    }

    @Override
    public void recordUnmatchedPostback(UnmatchedPostback postback) {
        Require.present(postback, "postback");
        Require.text(postback.replayKey(), "replayKey");
        Require.present(postback.subId(), "subId");
        Require.present(postback.receivedAt(), "receivedAt");
        runLocked(() -> unmatched.add(postback));
    }

    @Override
    public Page<UnmatchedPostback> listUnmatchedPostbacks(PageRequest page) {
        Require.present(page, "page");
        return locked(() -> unmatched.page(page));
    }

    // ---- the operator's pages ----------------------------------------------------------------

    @Override
    public Page<CampaignMember> listCampaignMembers(String campaignId, Optional<MemberStatus> status,
            PageRequest page) {
        String id = Require.text(campaignId, "campaignId");
        Require.present(status, "status");
        Require.present(page, "page");
        return locked(() -> memberPages.list(id, status, page));
    }

    @Override
    public Optional<Integer> removeCampaignMember(String campaignId, String leadId, Instant at) {
        String campaign = Require.text(campaignId, "campaignId");
        String lead = Require.text(leadId, "leadId");
        Require.present(at, "at");
        return locked(() -> memberPages.remove(campaign, lead, at));
    }

    @Override
    public CampaignStats campaignStats(String campaignId) {
        String id = Require.text(campaignId, "campaignId");
        return locked(() -> memberPages.stats(id));
    }

    @Override
    public Page<Conversion> listConversions(ConversionQuery query, PageRequest page) {
        Require.present(query, "query");
        Require.present(page, "page");
        return locked(() -> conversionPages.list(query, page));
    }

    @Override
    public ConversionTotals conversionTotals(ConversionQuery query) {
        Require.present(query, "query");
        return locked(() -> conversionPages.totals(query));
    }

    @Override
    public Optional<UnmatchedPostback> findUnmatchedPostback(String replayKey) {
        String key = Require.text(replayKey, "replayKey");
        return locked(() -> unmatched.find(key));
    }

    @Override
    public UnmatchedPostback matchUnmatchedPostback(String replayKey, String leadId, Instant at) {
        String key = Require.text(replayKey, "replayKey");
        String lead = Require.text(leadId, "leadId");
        Require.present(at, "at");
        return locked(() -> conversionPages.match(key, lead, at));
    }

    @Override
    public boolean deleteScript(String scriptId) {
        String id = Require.text(scriptId, "scriptId");
        return locked(() -> config.deleteScript(id));
    }

    // ---- streaming reads for analytics ------------------------------------------------------

    /** {@inheritDoc} Test sends are left out. */
    @Override
    public void scanAttempts(Instant from, Instant to, Consumer<ContactAttempt> sink) {
        Require.present(sink, "sink");
        scan(attempts.createdIndex(), id -> attempts.find(id).filter(a -> a.kind() != AttemptKind.TEST), from, to,
                sink);
    }

    @Override
    public void scanConversions(Instant from, Instant to, Consumer<Conversion> sink) {
        scan(conversions.occurredIndex(), conversions::find, from, to, sink);
    }

    @Override
    public void scanEnrollments(Instant from, Instant to, Consumer<SequenceEnrollment> sink) {
        scan(enrollments.enrolledIndex(), enrollments::find, from, to, sink);
    }

    @Override
    public void scanExecutions(Instant from, Instant to, Consumer<SequenceStepExecution> sink) {
        scan(executions.executedIndex(), executions::find, from, to, sink);
    }

    @Override
    public void scanLeads(Instant from, Instant to, Consumer<Lead> sink) {
        scan(leads.createdIndex(), leads::find, from, to, sink);
    }

    /** Streams the records of {@code index} in {@code [from, to)}, oldest first, one locked chunk at a time. */
    private <T> void scan(TimeIndex index, Function<String, Optional<T>> lookup, Instant from, Instant to,
            Consumer<? super T> sink) {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(sink, "sink");
        TimeKey cursor = TimeKey.floor(from);
        boolean inclusive = true;
        while (true) {
            List<TimeKey> keys = new ArrayList<>();
            List<T> chunk = new ArrayList<>();
            TimeKey start = cursor;
            boolean fromStart = inclusive;
            runLocked(() -> index.slice(start, fromStart, to, SCAN_CHUNK).forEach(key -> {
                keys.add(key);
                lookup.apply(key.id()).ifPresent(chunk::add);
            }));
            chunk.forEach(sink);
            if (keys.size() < SCAN_CHUNK) {
                return;
            }
            cursor = keys.get(keys.size() - 1);
            inclusive = false;
        }
    }

    // ---- the operator's reads ---------------------------------------------------------------

    @Override
    public Page<Lead> searchLeads(LeadSearch search) {
        Require.present(search, "search");
        return locked(() -> finder.search(search));
    }

    @Override
    public LeadCounts countLeads(LeadSearch search) {
        Require.present(search, "search");
        return locked(() -> finder.count(search));
    }

    @Override
    public Lead editLead(String leadId, LeadEdit edit, Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(edit, "edit");
        Require.present(at, "at");
        return locked(() -> {
            Lead edited = leads.require(id).edited(edit, at);
            leads.collisionOf(edited).ifPresent(other -> {
                throw new ConflictException("another lead has this email or phone: " + other.id());
            });
            leads.edit(edited);
            return edited;
        });
    }

    @Override
    public List<LeadStatusChange> leadStatusChanges(String leadId) {
        String id = Require.text(leadId, "leadId");
        return locked(() -> leads.history().ofLead(id));
    }

    @Override
    public List<ActivityCounts> activityIn(List<Instant> boundaries) {
        List<Instant> checked = StoreArguments.buckets(boundaries);
        return locked(() -> dashboards.activityIn(checked));
    }

    @Override
    public List<SequenceEnrollment> nextDueEnrollments(int limit) {
        Require.positive(limit, "limit");
        return locked(() -> dashboards.nextDue(limit));
    }

    @Override
    public List<LeadEvent> recentEvents(int limit) {
        Require.positive(limit, "limit");
        return locked(() -> dashboards.recent(limit));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<String> texts(Collection<String> values, String field) {
        Require.present(values, field);
        List<String> checked = new ArrayList<>(values.size());
        String item = field + "[]";
        for (String value : values) {
            checked.add(Require.text(value, item));
        }
        return checked;
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void runLocked(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
