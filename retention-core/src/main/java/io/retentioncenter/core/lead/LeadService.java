package io.retentioncenter.core.lead;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.internal.LeadRouting;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead intake: validate, normalize, dedupe by email or phone (atomic in the store), and route new
 * leads to campaigns and sequences; and the leads page: search, counts, edits and a lead's timeline.
 * Obtain it from {@code engine.leads()}.
 */
public final class LeadService {
    private static final Logger log = LoggerFactory.getLogger(LeadService.class);
    private static final int MAX_BULK_ROWS = 100_000;
    /** Plans of one intake refused in a row for changed configuration before giving up. */
    private static final int MAX_PLANS = 5;

    private final EngineContext ctx;
    private final LeadNormalizer normalizer;
    private final LeadRouting routing;
    /** The store call of a single-lead intake, grouped with concurrent ones when the engine groups them. */
    private final IntakeCall single;

    /**
     * Built by the engine; {@code maxGroupCommit} is the most single-lead ingests one store call may
     * carry (1: each its own).
     */
    public LeadService(EngineContext ctx, LeadNormalizer normalizer, LeadRouting routing, int maxGroupCommit) {
        this.ctx = ctx;
        this.normalizer = normalizer;
        this.routing = routing;
        IntakeGroupCommit group = new IntakeGroupCommit(ctx.store(), maxGroupCommit);
        this.single = (intakes, version) -> group.ingest(intakes.get(0), version).map(List::of).orElse(List.of());
    }

    /**
     * Ingests one lead, as one unit of work in the store: a new lead is stored, routed to matching
     * campaigns and enrolled; a lead whose email or phone is already stored is reported as a duplicate
     * and changes nothing (one still NEW is routed, which joins campaigns created since).
     *
     * <p>Concurrent calls on one engine share a transaction unless the engine was built with
     * {@link io.retentioncenter.core.RetentionEngineBuilder#noIngestGroupCommit()}: each call still
     * gets its own result or exception, as if it had run alone; the lead is validated in the calling
     * thread before it waits for a batch.
     *
     * @throws ValidationException naming the field when the lead is invalid (nothing is stored)
     */
    public IngestResult ingest(NewLead lead) {
        Lead candidate = normalizer.toLead(lead, ctx.now());
        return reported(taken(List.of(candidate), single).get(0));
    }

    /**
     * Ingests many leads set-based (a few statements per chunk of rows); each row is taken in as
     * {@link #ingest} would, so good rows are stored even when others are invalid, and a row repeating
     * an earlier row's email or phone is its duplicate. Rows are reported in input order.
     *
     * <p>Chunks commit one by one, so when the store fails midway some rows are stored and others
     * are not: the rows whose leads are found stored are reported as created (by running their
     * intakes again, which writes nothing), the others as {@link BulkIngestReport.Outcome#FAILED}.
     *
     * @throws StoreException when the store fails and cannot even tell which rows it stored
     */
    public BulkIngestReport ingestAll(List<NewLead> leads) {
        Require.present(leads, "leads");
        if (leads.size() > MAX_BULK_ROWS) {
            throw new ValidationException("leads", "at most " + MAX_BULK_ROWS + " rows per call, got " + leads.size());
        }
        Instant now = ctx.now();
        BulkIngestReport.Row[] rows = new BulkIngestReport.Row[leads.size()];
        List<Lead> candidates = new ArrayList<>(leads.size());
        List<Integer> indexes = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            try {
                NewLead row = leads.get(i);
                if (row == null) {
                    throw new ValidationException("leads[" + i + "]", "is null");
                }
                candidates.add(normalizer.toLead(row, now));
                indexes.add(i);
            } catch (ValidationException e) {
                rows[i] = new BulkIngestReport.Row(i, BulkIngestReport.Outcome.REJECTED, Optional.empty(),
                        Optional.of(e.field()), Optional.of(e.getMessage()));
            }
        }
        IntakeCall bulk = (intakes, version) -> ctx.store().ingestLeads(intakes, version);
        try {
            report(taken(candidates, bulk), indexes, rows);
        } catch (StoreException failed) {
            reportAfter(failed, candidates, indexes, rows, bulk);
        }
        return new BulkIngestReport(List.of(rows));
    }

    /** Reports the outcomes of the candidates at {@code indexes} in {@code rows}. */
    private void report(List<IntakeOutcome> outcomes, List<Integer> indexes, BulkIngestReport.Row[] rows) {
        for (int k = 0; k < outcomes.size(); k++) {
            IngestResult r = reported(outcomes.get(k));
            int i = indexes.get(k);
            rows[i] = new BulkIngestReport.Row(i, r.created() ? BulkIngestReport.Outcome.CREATED
                    : BulkIngestReport.Outcome.DUPLICATE, Optional.of(r.lead().id()), Optional.empty(), Optional.empty());
        }
    }

    /**
     * After the bulk call {@code failed}: the candidates found stored (their ids are this call's own)
     * are taken in again, which reports their creation and writes nothing; the others are FAILED.
     */
    private void reportAfter(StoreException failed, List<Lead> candidates, List<Integer> indexes,
            BulkIngestReport.Row[] rows, IntakeCall bulk) {
        List<Lead> stored = new ArrayList<>();
        List<Integer> storedIndexes = new ArrayList<>();
        try {
            Map<String, Lead> found = ctx.store().findLeads(candidates.stream().map(Lead::id).toList());
            for (int k = 0; k < candidates.size(); k++) {
                int i = indexes.get(k);
                if (found.containsKey(candidates.get(k).id())) {
                    stored.add(candidates.get(k));
                    storedIndexes.add(i);
                } else {
                    rows[i] = new BulkIngestReport.Row(i, BulkIngestReport.Outcome.FAILED, Optional.empty(),
                            Optional.empty(), Optional.of("store failure: " + failed.getMessage()));
                }
            }
            report(taken(stored, bulk), storedIndexes, rows);
        } catch (StoreException again) {
            failed.addSuppressed(again);
            throw failed;
        }
        log.warn("bulk ingest: the store failed after taking in {} of {} rows; the other {} are reported FAILED: {}",
                stored.size(), candidates.size(), candidates.size() - stored.size(), failed.getMessage());
    }

    /**
     * Runs {@code candidates} through {@code store} with routes planned from the cached configuration;
     * the store takes in a prefix and stops where it finds the configuration changed, and the rest is
     * planned again on fresh configuration.
     */
    private List<IntakeOutcome> taken(List<Lead> candidates, IntakeCall store) {
        List<IntakeOutcome> done = new ArrayList<>(candidates.size());
        ConfigSnapshot config = ctx.config().cached();
        int stale = 0;
        while (done.size() < candidates.size()) {
            Map<LeadSource, List<IntakeRoute>> routes = new EnumMap<>(LeadSource.class);
            ConfigSnapshot planned = config;
            List<LeadIntake> intakes = candidates.subList(done.size(), candidates.size()).stream()
                    .map(c -> new LeadIntake(c, routes.computeIfAbsent(c.source(), s -> routing.plan(s, planned))))
                    .toList();
            List<IntakeOutcome> taken = store.apply(intakes, config.version());
            done.addAll(taken);
            if (taken.isEmpty() && ++stale >= MAX_PLANS) {
                throw new ConflictException("the configuration changed " + MAX_PLANS + " times while leads were ingested");
            }
            if (done.size() < candidates.size()) {
                config = ctx.config().current();
            }
        }
        return done;
    }

    /** Tells the listener what an intake did and reports it. */
    private IngestResult reported(IntakeOutcome outcome) {
        if (outcome.created()) {
            ctx.listener().leadCreated(outcome.lead());
        } else {
            log.debug("duplicate lead {}", outcome.lead().id());
        }
        outcome.enrollments().forEach(ctx.listener()::enrolled);
        return new IngestResult(outcome.lead(), outcome.created(), outcome.campaignIds(),
                outcome.enrollments().stream().map(SequenceEnrollment::id).toList());
    }

    /** One store call of lead intake: the outcomes of a prefix of {@code intakes}. */
    private interface IntakeCall {
        List<IntakeOutcome> apply(List<LeadIntake> intakes, long configVersion);
    }

    /** The lead with {@code id}. */
    public Optional<Lead> find(String id) {
        return ctx.store().findLead(Require.text(id, "id"));
    }

    /** Leads in creation order. */
    public Page<Lead> list(PageRequest page) {
        return ctx.store().listLeads(Require.present(page, "page"));
    }

    /**
     * The leads page: the leads matching {@code search} in its order, one page of them, with the
     * number of matching leads as the page's total.
     */
    public Page<Lead> search(LeadSearch search) {
        return ctx.store().searchLeads(Require.present(search, "search"));
    }

    /** How many leads match the filters of {@code search} (order and page ignored), by status and by source. */
    public LeadCounts counts(LeadSearch search) {
        return ctx.store().countLeads(Require.present(search, "search"));
    }

    /**
     * Changes a lead's names, email, phone and notes to those of {@code edit}, validated and
     * normalized as at intake. The lead's status, attempts and enrollments stay as they are.
     *
     * @return the lead as stored
     * @throws ValidationException naming the field when a value is invalid (nothing changes)
     * @throws NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.ConflictException when another lead has the email or the phone
     */
    public Lead edit(String leadId, LeadEdit edit) {
        String id = Require.text(leadId, "leadId");
        return ctx.store().editLead(id, normalizer.normalize(edit), ctx.now());
    }

    /**
     * Everything that happened to a lead, oldest first: its creation, its status changes, its attempts
     * (at their creation, in their current status), its step executions and its conversions.
     *
     * @throws NotFoundException when the lead does not exist
     */
    public List<LeadEvent> timeline(String leadId) {
        String id = Require.text(leadId, "leadId");
        Lead lead = ctx.store().findLead(id).orElseThrow(() -> new NotFoundException("lead", id));
        List<LeadEvent> events = new ArrayList<>();
        events.add(new LeadEvent.Created(lead));
        ctx.store().leadStatusChanges(id).forEach(change -> events.add(new LeadEvent.StatusChanged(change)));
        ctx.store().attemptsOfLead(id).forEach(attempt -> events.add(new LeadEvent.Attempted(attempt)));
        for (SequenceEnrollment enrollment : enrollmentsOf(id)) {
            ctx.store().listExecutions(enrollment.id())
                    .forEach(execution -> events.add(new LeadEvent.StepExecuted(id, execution)));
        }
        ctx.store().conversionsOfLead(id).forEach(conversion -> events.add(new LeadEvent.Converted(conversion)));
        events.sort(LeadEvent.IN_TIME_ORDER);
        return List.copyOf(events);
    }

    private List<SequenceEnrollment> enrollmentsOf(String leadId) {
        List<SequenceEnrollment> all = new ArrayList<>();
        Page<SequenceEnrollment> page;
        do {
            page = ctx.store().listEnrollments(EnrollmentQuery.ofLead(leadId), new PageRequest(all.size(), 1000));
            all.addAll(page.items());
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    /**
     * Marks a lead DO_NOT_CONTACT (terminal): every running enrollment exits as OPTED_OUT and no
     * undispatched attempt is sent.
     *
     * @throws NotFoundException when the lead does not exist
     */
    public void doNotContact(String leadId) {
        ctx.store().endOutreach(Require.text(leadId, "leadId"), LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED,
                ExitReason.OPTED_OUT, ctx.now());
    }
}
