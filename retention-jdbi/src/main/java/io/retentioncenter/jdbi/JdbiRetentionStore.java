package io.retentioncenter.jdbi;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.PurgeReport;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
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
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.internal.IntakeSteps;
import io.retentioncenter.core.internal.OutreachArguments;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.fact.LeadFact;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.StoreArguments;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link RetentionStore} on PostgreSQL or H2 through JDBI, for any number of engine instances
 * sharing one PostgreSQL database (each with its own connection pool, on any host). H2 serves one
 * engine (tests, demos, single-process hosts); its row locks keep concurrent threads of that engine
 * correct.
 *
 * <p>Every unit of work is one transaction at READ COMMITTED (or one auto-committed statement) that
 * relies on unique indexes, row locks and conditional updates instead of serializable retries: due
 * enrollments and dispatchable attempts are claimed with {@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL plus a lease (owner, until) in the row, so engines never wait on each other's claims;
 * leases are valid while {@code now < leaseUntil}. Step outcomes are written in batches. Instants are
 * stored with millisecond precision. Rules where the interface leaves room are those of core's
 * in-memory store: lookups of a missing id return empty, changes of a missing lead, attempt,
 * campaign or sequence throw {@link io.retentioncenter.core.NotFoundException}, listings are ordered
 * by time with ties broken by id. Any database failure surfaces as
 * {@link io.retentioncenter.core.StoreException} with the driver's exception as cause, marked
 * {@linkplain io.retentioncenter.core.StoreException#isTransient() transient} when the connection was
 * lost or a conflict was lost; a failed call has changed nothing, except that a call whose connection
 * was lost while it committed may have taken effect. Reads, dispatch completions, step outcomes and
 * provider-event changes are run again on a fresh connection when theirs is lost (a few times within
 * about ten seconds); the writes are guarded by lease owner and status, so a rerun after a commit that
 * did land applies nothing and reports it (false, STALE or empty).
 *
 * <pre>{@code
 * RetentionStore store = JdbiRetentionStore.builder()
 *     .dataSource(DataSources.pooled("jdbc:postgresql://db/app", "app", secret, 10))
 *     .schema("retention")
 *     .build();
 * }</pre>
 */
public final class JdbiRetentionStore implements RetentionStore {
    private final LeadRepository leads;
    private final ConfigRepository config;
    private final CampaignMembership members;
    private final EnrollmentRepository enrollments;
    private final StepOutcomeWriter outcomes;
    private final AttemptRepository attempts;
    private final DispatchRepository dispatches;
    private final Reservations reservations;
    private final ConversionRepository conversions;
    private final AnalyticsReads analytics;
    private final FactScans facts;
    private final HousekeepingRepository housekeeping;
    private final LeadIntakeRepository intake;
    private final CampaignMemberRepository memberPages;
    private final ConversionReviewRepository conversionPages;
    private final OutreachRepository outreach;
    private final ReengagementRepository reengagements;
    private final LeadDirectoryRepository directory;
    private final DashboardRepository dashboards;
    private final Database db;

    private JdbiRetentionStore(Database db) {
        this.db = db;
        this.leads = new LeadRepository(db);
        this.config = new ConfigRepository(db);
        this.members = new CampaignMembership(db);
        this.enrollments = new EnrollmentRepository(db);
        this.outcomes = new StepOutcomeWriter(db);
        this.attempts = new AttemptRepository(db);
        this.dispatches = new DispatchRepository(db);
        this.reservations = new Reservations(db);
        this.conversions = new ConversionRepository(db);
        this.analytics = new AnalyticsReads(db);
        this.facts = new FactScans(db, new WindowScans(db));
        this.housekeeping = new HousekeepingRepository(db);
        this.intake = new LeadIntakeRepository(db, leads, members, enrollments);
        this.memberPages = new CampaignMemberRepository(db);
        this.conversionPages = new ConversionReviewRepository(db);
        this.outreach = new OutreachRepository(db);
        this.reengagements = new ReengagementRepository(db);
        this.directory = new LeadDirectoryRepository(db);
        this.dashboards = new DashboardRepository(db);
    }

    /** A store on {@code dataSource}'s default schema, migrated on creation. */
    public static JdbiRetentionStore create(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a {@link JdbiRetentionStore}; only the data source is required. */
    public static final class Builder {
        private DataSource dataSource;
        private Optional<String> schema = Optional.empty();
        private boolean migrate = true;

        private Builder() {
        }

        /**
         * The database; its pool should allow as many connections as the engine's threads use at once.
         *
         * @throws ConfigurationException when {@code value} is null
         */
        public Builder dataSource(DataSource value) {
            if (value == null) {
                throw new ConfigurationException("dataSource must not be null");
            }
            dataSource = value;
            return this;
        }

        /**
         * The schema that holds the store's tables (created by the migration when missing); a plain SQL
         * identifier. Default: the connection's default schema.
         *
         * @throws ConfigurationException when {@code value} is not a plain SQL identifier
         */
        public Builder schema(String value) {
            schema = Optional.of(RetentionMigrations.checkedSchema(value));
            return this;
        }

        /**
         * Whether {@link #build()} runs the Flyway migrations (default true). Turn it off when the
         * host runs {@link RetentionMigrations#migrate} in its own deployment step.
         */
        public Builder migrate(boolean value) {
            migrate = value;
            return this;
        }

        /**
         * Detects the database, migrates it when asked and returns the store.
         *
         * @throws ConfigurationException when no data source is set or the database is not supported
         * @throws io.retentioncenter.core.StoreException when the database cannot be reached or migrated
         */
        public JdbiRetentionStore build() {
            if (dataSource == null) {
                throw new ConfigurationException("dataSource is required");
            }
            Dialect dialect = Dialect.of(dataSource);
            if (migrate) {
                RetentionMigrations.migrate(dataSource, dialect, schema);
            }
            return new JdbiRetentionStore(new Database(dataSource, dialect, schema));
        }
    }

    // ---- leads -------------------------------------------------------------------------------

    /**
     * {@inheritDoc} The unique indexes on email and phone decide; a candidate whose id is stored
     * already counts as a duplicate too.
     */
    @Override
    public LeadInsertResult insertLeadIfAbsent(Lead candidate) {
        return leads.insertIfAbsent(Require.present(candidate, "candidate"));
    }

    /**
     * {@inheritDoc} One transaction; a new lead costs a fixed handful of statements (see
     * {@link #ingestLeads}, of which this is a chunk of one).
     */
    @Override
    public Optional<IntakeOutcome> ingestLead(LeadIntake intake, long configVersion) {
        return this.intake.ingest(IntakeSteps.checked(intake, "intake"), configVersion);
    }

    /**
     * {@inheritDoc} Chunks of 1,000 leads, each one transaction of a few statements: one multi-row
     * insert of the leads that skips duplicates, one insert of members per campaign, one insert of
     * enrollments per sequence.
     */
    @Override
    public List<IntakeOutcome> ingestLeads(List<LeadIntake> intakes, long configVersion) {
        return intake.ingestAll(IntakeSteps.checked(intakes), configVersion);
    }

    @Override
    public Optional<Lead> findLead(String id) {
        return leads.find(Require.text(id, "id"));
    }

    @Override
    public Map<String, Lead> findLeads(Collection<String> ids) {
        return leads.findAll(texts(ids, "ids"));
    }

    @Override
    public Optional<Lead> findLeadByExternalId(String externalId) {
        return leads.byExternalId(Require.text(externalId, "externalId"));
    }

    @Override
    public Optional<Lead> findLeadByAddress(String emailOrPhone) {
        return leads.byAddress(Require.text(emailOrPhone, "emailOrPhone"));
    }

    @Override
    public Page<Lead> listLeads(PageRequest page) {
        return leads.page(Require.present(page, "page"));
    }

    @Override
    public Lead updateLeadStatus(String leadId, LeadStatus next, Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(next, "next");
        Require.present(at, "at");
        return leads.updateStatus(id, next, at);
    }

    @Override
    public int endOutreach(String leadId, LeadStatus status, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(status, "status");
        StoreArguments.finalStatus(enrollmentStatus);
        Require.present(reason, "reason");
        Require.present(at, "at");
        return leads.endOutreach(id, status, enrollmentStatus, reason, at);
    }

    // ---- campaigns, scripts, A/B tests, sequences --------------------------------------------

    @Override
    public void saveCampaign(Campaign campaign) {
        config.save(Require.present(campaign, "campaign"));
    }

    @Override
    public Optional<Campaign> findCampaign(String id) {
        String key = Require.text(id, "id");
        return db.read("findCampaign", ConfigQueries.class, q -> q.campaign(key));
    }

    @Override
    public List<Campaign> listCampaigns() {
        return db.read("listCampaigns", ConfigQueries.class, ConfigQueries::campaigns);
    }

    /** {@inheritDoc} Throws {@link io.retentioncenter.core.NotFoundException} when the campaign or lead does not exist. */
    @Override
    public Assignment assignLead(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        String campaign = Require.text(campaignId, "campaignId");
        String lead = Require.text(leadId, "leadId");
        StoreArguments.cap(cap);
        Require.present(at, "at");
        return members.assign(campaign, lead, cap, at);
    }

    @Override
    public long countCampaignLeads(String campaignId) {
        return members.count(Require.text(campaignId, "campaignId"));
    }

    @Override
    public void saveScript(Script script) {
        config.save(Require.present(script, "script"));
    }

    @Override
    public List<Script> listScripts() {
        return db.read("listScripts", ConfigQueries.class, ConfigQueries::scripts);
    }

    @Override
    public void saveAbTest(AbTest test) {
        config.save(Require.present(test, "test"));
    }

    @Override
    public List<AbTest> listAbTests() {
        return db.read("listAbTests", ConfigQueries.class, ConfigQueries::abTests);
    }

    /**
     * {@inheritDoc} Every variant of a saved test is listed, unexposed ones with zero counts; a lead
     * counts as converted in a variant of a script test when it has a SALE conversion credited to the
     * same test and variant.
     */
    @Override
    public Map<String, ArmCounts> abTestCounts(String testId) {
        return analytics.abTestCounts(Require.text(testId, "testId"));
    }

    @Override
    public Optional<ArmAssignment> armAssignment(String testId, String leadId) {
        Require.text(testId, "testId");
        Require.text(leadId, "leadId");
        return db.withHandle("armAssignment", h -> ArmAssignmentRows.find(h, testId, leadId));
    }

    @Override
    public void saveSequence(RetentionSequence sequence) {
        config.save(Require.present(sequence, "sequence"));
    }

    @Override
    public List<RetentionSequence> listSequences() {
        return db.read("listSequences", ConfigQueries.class, ConfigQueries::sequences);
    }

    @Override
    public boolean deleteSequence(String sequenceId) {
        return config.deleteSequence(Require.text(sequenceId, "sequenceId"));
    }

    @Override
    public long configVersion() {
        return db.read("configVersion", ConfigQueries.class, ConfigQueries::version);
    }

    // ---- enrollments and the tick -------------------------------------------------------------

    /**
     * {@inheritDoc} Throws {@link io.retentioncenter.core.NotFoundException} when the sequence is not
     * stored. An enrollment whose id is stored already is reported ALREADY_ENROLLED (a retried call).
     * The cooldown counts from the earlier enrollment's {@code completedAt}.
     */
    @Override
    public EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown) {
        StoreArguments.enrollment(enrollment, cooldown);
        return enrollments.enroll(enrollment, cooldown);
    }

    @Override
    public Optional<SequenceEnrollment> findEnrollment(String id) {
        return enrollments.find(Require.text(id, "id"));
    }

    @Override
    public Page<SequenceEnrollment> listEnrollments(EnrollmentQuery query, PageRequest page) {
        Require.present(query, "query");
        Require.present(query.sequenceId(), "query.sequenceId");
        Require.present(query.campaignId(), "query.campaignId");
        Require.present(query.leadId(), "query.leadId");
        Require.present(query.status(), "query.status");
        return enrollments.page(query, Require.present(page, "page"));
    }

    /** {@inheritDoc} On PostgreSQL, rows another engine is claiming are skipped, never waited for. */
    @Override
    public List<SequenceEnrollment> claimDueEnrollments(Instant now, int limit, String owner, Instant leaseUntil) {
        return enrollments.claimDue(now, limit, StoreArguments.claim(now, limit, owner, leaseUntil), leaseUntil);
    }

    /**
     * {@inheritDoc} One transaction per call with a fixed number of round trips (batched writes). An
     * attempt whose id or idempotency key is stored already is not inserted again and does not count
     * as a contact; the rest of its outcome still applies.
     */
    @Override
    public List<StepOutcome.Result> recordStepOutcomes(List<StepOutcome> outcomes) {
        return this.outcomes.record(StoreArguments.outcomes(outcomes), Optional.empty()).results();
    }

    /** {@inheritDoc} The same single transaction; leased attempts are inserted with their lease. */
    @Override
    public RecordedSteps recordStepOutcomes(List<StepOutcome> outcomes, DispatchLease lease) {
        return this.outcomes.record(StoreArguments.outcomes(outcomes), Optional.of(Require.present(lease, "lease")));
    }

    @Override
    public boolean updateEnrollment(SequenceEnrollment updated, EnrollmentStatus expected) {
        Require.present(updated, "updated");
        Require.present(expected, "expected");
        return enrollments.update(updated, expected);
    }

    @Override
    public List<SequenceStepExecution> listExecutions(String enrollmentId) {
        return enrollments.executions(Require.text(enrollmentId, "enrollmentId"));
    }

    @Override
    public SequenceStats sequenceStats(String sequenceId) {
        return enrollments.stats(Require.text(sequenceId, "sequenceId"));
    }

    @Override
    public long countEnrollments(String sequenceId, EnrollmentStatus status) {
        return enrollments.count(Require.text(sequenceId, "sequenceId"), Require.present(status, "status"));
    }

    @Override
    public long countExecutionsBetween(Instant from, Instant to) {
        Require.present(from, "from");
        Require.present(to, "to");
        return enrollments.countExecutions(from, to);
    }

    // ---- attempts and the outbox -------------------------------------------------------------

    /**
     * {@inheritDoc} Like a step's attempt, it moves a NEW or IN_PROGRESS lead to CONTACTED. Throws
     * {@link io.retentioncenter.core.NotFoundException} when the lead does not exist.
     */
    @Override
    public boolean insertAttempt(ContactAttempt attempt, int contactLimit) {
        Require.present(attempt, "attempt");
        Require.positive(contactLimit, "contactLimit");
        return attempts.insert(attempt, contactLimit);
    }

    @Override
    public Optional<ContactAttempt> findAttempt(String id) {
        return attempts.find(Require.text(id, "id"));
    }

    @Override
    public Optional<ContactAttempt> findAttemptByProviderRef(String provider, String providerRef) {
        String name = Require.text(provider, "provider");
        return attempts.byProviderRef(name, Require.text(providerRef, "providerRef"));
    }

    /**
     * {@inheritDoc} Dispatched means handed to (or being handed to) the provider: any status but
     * SCHEDULED, PENDING and CANCELLED; most recent means latest {@code createdAt}.
     */
    @Override
    public Optional<ContactAttempt> latestAttempt(String leadId, Channel channel) {
        String id = Require.text(leadId, "leadId");
        return attempts.latest(id, Require.present(channel, "channel"));
    }

    @Override
    public Map<String, List<ContactAttempt>> attemptsOfEnrollments(Collection<String> enrollmentIds) {
        return attempts.ofEnrollments(texts(enrollmentIds, "enrollmentIds"));
    }

    @Override
    public List<ContactAttempt> attemptsOfLead(String leadId) {
        return attempts.ofLead(Require.text(leadId, "leadId"));
    }

    @Override
    public Page<ContactAttempt> listAttempts(AttemptStatus status, PageRequest page) {
        return attempts.withStatus(Require.present(status, "status"), Require.present(page, "page"));
    }

    @Override
    public boolean reopenUnknownAttempt(ContactAttempt next) {
        return attempts.reopenUnknown(StoreArguments.reopened(next));
    }

    /** {@inheritDoc} Earliest due first; a claimed attempt's {@code updatedAt} becomes {@code now}. */
    @Override
    public List<ContactAttempt> claimDispatchable(Instant now, int limit, String owner, Instant leaseUntil) {
        return dispatches.claimDispatchable(now, limit, StoreArguments.claim(now, limit, owner, leaseUntil), leaseUntil);
    }

    /** {@inheritDoc} Oldest lease first. */
    @Override
    public List<ContactAttempt> claimStaleDispatches(Instant now, int limit, String owner, Instant leaseUntil) {
        return dispatches.claimStale(now, limit, StoreArguments.claim(now, limit, owner, leaseUntil), leaseUntil);
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
        return dispatches.completeAll(completions);
    }

    /**
     * {@inheritDoc} The change's provider reference is kept only when the attempt has none; its
     * error and transcript replace earlier ones when present. Throws
     * {@link io.retentioncenter.core.NotFoundException} when the attempt does not exist.
     */
    @Override
    public Optional<ContactAttempt> advanceAttempt(AttemptChange change, Instant at) {
        Require.present(change, "change");
        Require.present(at, "at");
        return attempts.advance(change, at);
    }

    @Override
    public boolean tryReserveRate(String campaignId, Channel channel, Instant windowStart, int max) {
        String campaign = Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(windowStart, "windowStart");
        Require.positive(max, "max");
        return reservations.tryReserveRate(campaign, channel, windowStart, max);
    }

    @Override
    public boolean markEventProcessed(String eventKey, Instant at) {
        String key = Require.text(eventKey, "eventKey");
        Require.present(at, "at");
        return reservations.markEventProcessed(key, at);
    }

    /** True on PostgreSQL (claims skip rows other engines locked); false on H2, whose claims serialise. */
    @Override
    public boolean concurrentClaims() {
        return db.dialect() == Dialect.POSTGRESQL;
    }

    @Override
    public PurgeReport purgeHousekeeping(Instant keysBefore, Instant rateWindowsBefore) {
        return housekeeping.purge(Require.present(keysBefore, "keysBefore"),
                Require.present(rateWindowsBefore, "rateWindowsBefore"));
    }

    // ---- conversions ------------------------------------------------------------------------

    /**
     * {@inheritDoc} A new conversion takes its status from the postback kind and its revenue from the
     * payout; a move to REJECTED keeps the revenue; the first transaction id is kept and {@code raw}
     * follows the latest postback. A REBILL without a SALE, and any move the conversion does not
     * allow, is IGNORED and does not consume its replay key. A lead that cannot move to CONVERTED or
     * REJECTED (e.g. DO_NOT_CONTACT) keeps its status, and its enrollments still end. Throws
     * {@link io.retentioncenter.core.NotFoundException} when the lead does not exist.
     */
    @Override
    public ConversionOutcome recordConversion(ConversionCommand command) {
        return conversions.record(Require.present(command, "command"));
    }

    @Override
    public List<Conversion> conversionsOfLead(String leadId) {
        return conversions.ofLead(Require.text(leadId, "leadId"));
    }

    @Override
    public void recordUnmatchedPostback(UnmatchedPostback postback) {
        Require.present(postback, "postback");
        Require.text(postback.replayKey(), "replayKey");
        Require.present(postback.subId(), "subId");
        Require.present(postback.receivedAt(), "receivedAt");
        conversions.recordUnmatched(postback);
    }

    @Override
    public Page<UnmatchedPostback> listUnmatchedPostbacks(PageRequest page) {
        return conversions.unmatched(Require.present(page, "page"));
    }

    // ---- test sends, pacing and re-engagement ------------------------------------------------

    @Override
    public ContactAttempt insertTestAttempt(ContactAttempt attempt) {
        return outreach.insertTest(OutreachArguments.testAttempt(attempt));
    }

    @Override
    public Optional<PaceState> tryReservePace(String leadId, Instant at, Instant dayStart, int dailyCap,
            Duration minGap) {
        return outreach.tryReserve(OutreachArguments.pace(leadId, at, dayStart, dailyCap, minGap), at, dayStart,
                dailyCap, minGap);
    }

    @Override
    public void saveReengagementRule(ReengagementRule rule) {
        reengagements.save(Require.present(rule, "rule"));
    }

    @Override
    public List<ReengagementRule> listReengagementRules() {
        return reengagements.list();
    }

    @Override
    public boolean deleteReengagementRule(String ruleId) {
        return reengagements.delete(Require.text(ruleId, "ruleId"));
    }

    @Override
    public List<SequenceEnrollment> reengagementCandidates(ReengagementRule rule, Instant anchoredAfter,
            Instant anchoredBy, int limit) {
        OutreachArguments.candidates(rule, anchoredAfter, anchoredBy, limit);
        return reengagements.candidates(rule, anchoredAfter, anchoredBy, limit);
    }

    @Override
    public boolean markReengaged(String leadId, String targetSequenceId, String ruleId, String sourceEnrollmentId,
            Instant at) {
        OutreachArguments.reengaged(leadId, targetSequenceId, ruleId, sourceEnrollmentId, at);
        return reengagements.mark(leadId, targetSequenceId, ruleId, sourceEnrollmentId, at);
    }

    // ---- streaming reads for analytics ------------------------------------------------------

    /** {@inheritDoc} Oldest first; the rows stream through a database cursor. Test sends are left out. */
    @Override
    public void scanAttempts(Instant from, Instant to, Consumer<ContactAttempt> sink) {
        Require.present(sink, "sink");
        scan("scanAttempts", "rc_attempt", "created_at", ContactAttempt.class, from, to, a -> {
            if (a.kind() != AttemptKind.TEST) {
                sink.accept(a);
            }
        });
    }

    /** {@inheritDoc} Oldest first; the rows stream through a database cursor. */
    @Override
    public void scanConversions(Instant from, Instant to, Consumer<Conversion> sink) {
        scan("scanConversions", "rc_conversion", "occurred_at", Conversion.class, from, to, sink);
    }

    /** {@inheritDoc} Oldest first; the rows stream through a database cursor. */
    @Override
    public void scanEnrollments(Instant from, Instant to, Consumer<SequenceEnrollment> sink) {
        scan("scanEnrollments", "rc_enrollment", "enrolled_at", SequenceEnrollment.class, from, to, sink);
    }

    /** {@inheritDoc} Oldest first; the rows stream through a database cursor. */
    @Override
    public void scanExecutions(Instant from, Instant to, Consumer<SequenceStepExecution> sink) {
        scan("scanExecutions", "rc_execution", "executed_at", SequenceStepExecution.class, from, to, sink);
    }

    /** {@inheritDoc} Oldest first; the rows stream through a database cursor. */
    @Override
    public void scanLeads(Instant from, Instant to, Consumer<Lead> sink) {
        scan("scanLeads", "rc_lead", "created_at", Lead.class, from, to, sink);
    }

    @Override
    public void scanAttemptFacts(Instant from, Instant to, Consumer<AttemptFact> sink) {
        facts.attempts(Require.present(from, "from"), Require.present(to, "to"), Require.present(sink, "sink"));
    }

    @Override
    public void scanEnrollmentFacts(Instant from, Instant to, Consumer<EnrollmentFact> sink) {
        facts.enrollments(Require.present(from, "from"), Require.present(to, "to"), Require.present(sink, "sink"));
    }

    @Override
    public void scanExecutionFacts(Instant from, Instant to, Consumer<ExecutionFact> sink) {
        facts.executions(Require.present(from, "from"), Require.present(to, "to"), Require.present(sink, "sink"));
    }

    @Override
    public void scanLeadFacts(Instant from, Instant to, Consumer<LeadFact> sink) {
        facts.leads(Require.present(from, "from"), Require.present(to, "to"), Require.present(sink, "sink"));
    }

    private <T> void scan(String operation, String table, String timeColumn, Class<T> type, Instant from, Instant to,
            Consumer<T> sink) {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(sink, "sink");
        analytics.scan(operation, table, timeColumn, type, from, to, sink);
    }

    // ---- helpers ----------------------------------------------------------------------------


    private static List<String> texts(Collection<String> values, String field) {
        Require.present(values, field);
        List<String> checked = new ArrayList<>(values.size());
        for (String value : values) {
            checked.add(Require.text(value, field + "[]"));
        }
        return checked;
    }

    // ---- the operator's pages ----------------------------------------------------------------

    @Override
    public Page<CampaignMember> listCampaignMembers(String campaignId, Optional<MemberStatus> status,
            PageRequest page) {
        return memberPages.page(Require.text(campaignId, "campaignId"), Require.present(status, "status"),
                Require.present(page, "page"));
    }

    @Override
    public Optional<Integer> removeCampaignMember(String campaignId, String leadId, Instant at) {
        return memberPages.remove(Require.text(campaignId, "campaignId"), Require.text(leadId, "leadId"),
                Require.present(at, "at"));
    }

    @Override
    public CampaignStats campaignStats(String campaignId) {
        return memberPages.stats(Require.text(campaignId, "campaignId"));
    }

    @Override
    public Page<Conversion> listConversions(ConversionQuery query, PageRequest page) {
        return conversionPages.page(Require.present(query, "query"), Require.present(page, "page"));
    }

    @Override
    public ConversionTotals conversionTotals(ConversionQuery query) {
        return conversionPages.totals(Require.present(query, "query"));
    }

    @Override
    public Optional<UnmatchedPostback> findUnmatchedPostback(String replayKey) {
        return conversionPages.findUnmatched(Require.text(replayKey, "replayKey"));
    }

    @Override
    public UnmatchedPostback matchUnmatchedPostback(String replayKey, String leadId, Instant at) {
        return conversionPages.match(Require.text(replayKey, "replayKey"), Require.text(leadId, "leadId"),
                Require.present(at, "at"));
    }

    @Override
    public boolean deleteScript(String scriptId) {
        return config.deleteScript(Require.text(scriptId, "scriptId"));
    }

    // ---- the operator's reads ---------------------------------------------------------------

    @Override
    public Page<Lead> searchLeads(LeadSearch search) {
        return directory.search(Require.present(search, "search"));
    }

    @Override
    public LeadCounts countLeads(LeadSearch search) {
        return directory.count(Require.present(search, "search"));
    }

    @Override
    public Lead editLead(String leadId, LeadEdit edit, Instant at) {
        String id = Require.text(leadId, "leadId");
        Require.present(edit, "edit");
        return directory.edit(id, edit, Require.present(at, "at"));
    }

    @Override
    public List<LeadStatusChange> leadStatusChanges(String leadId) {
        return directory.statusChanges(Require.text(leadId, "leadId"));
    }

    @Override
    public List<ActivityCounts> activityIn(List<Instant> boundaries) {
        return dashboards.activityIn(StoreArguments.buckets(boundaries));
    }

    @Override
    public List<SequenceEnrollment> nextDueEnrollments(int limit) {
        return dashboards.nextDue(Require.positive(limit, "limit"));
    }

    @Override
    public List<LeadEvent> recentEvents(int limit) {
        return dashboards.recent(Require.positive(limit, "limit"));
    }
}
