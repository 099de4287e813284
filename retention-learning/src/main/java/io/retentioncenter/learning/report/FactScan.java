package io.retentioncenter.learning.report;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.fact.LeadFact;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.FactSource;
import io.retentioncenter.learning.heatmap.HeatmapTally;
import io.retentioncenter.learning.phrase.PhraseAnalyzer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one streaming pass over the store's facts. Sales come first (they are few) into a map by lead;
 * then leads (their time zones), enrollments (the cohort), and then executions and attempts at the
 * same time on two threads, each streamed once and folded into counters at once, so that no attempt
 * is kept (only those a sale may still be credited to, until every attempt has passed). What is kept
 * grows with leads and enrollments of the scope, not with attempts. The two threads write disjoint
 * counters: executions the step counts, step times and processed steps; attempts the leads,
 * campaigns, channels, heatmaps, texts and sent-attempt counts; the join orders them before the sales
 * are credited.
 */
final class FactScan {
    private static final Channel[] CHANNELS = Channel.values();

    private final FactSource store;
    private final ReportContext context;
    final SaleIndex sales;
    final Map<String, LeadTally> leads = new HashMap<>();
    final Map<String, EnrollmentTally> cohort = new HashMap<>();
    final Map<String, SequenceTally> sequences = new LinkedHashMap<>();
    final Map<String, CampaignTally> campaigns = new LinkedHashMap<>();
    final Map<Channel, ChannelTally> channels = new EnumMap<>(Channel.class);
    final HeatmapTally heatmap = new HeatmapTally();
    final Map<Channel, HeatmapTally> channelHeatmaps = new EnumMap<>(Channel.class);
    /** Per campaign, channel and step: the heatmaps the time comparisons are stratified by. */
    final List<HeatmapTally> strata = new ArrayList<>();
    final SentTexts texts;
    final OperationsTally operations = new OperationsTally();
    final AbExposures abExposures = new AbExposures();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final List<Touch> pending = new ArrayList<>();
    private CampaignTally lastCampaign;
    private String lastExecutedSequenceId;
    private SequenceTally lastExecutedSequence;
    private final long windowMillis;
    private final long observedUntilMillis;
    long scopeConversions;
    BigDecimal scopeRevenue = BigDecimal.ZERO;
    BigDecimal attributedRevenue = BigDecimal.ZERO;
    long conversionsRead;
    long leadsRead;
    long enrollmentsRead;
    long executionsRead;
    long attemptsRead;

    FactScan(FactSource store, ReportContext context, PhraseAnalyzer analyzer) {
        this.store = store;
        this.context = context;
        this.windowMillis = context.query.attributionWindowMillis();
        this.observedUntilMillis = context.observedUntil.toEpochMilli();
        this.sales = new SaleIndex(windowMillis);
        this.texts = new SentTexts(analyzer);
        for (Channel channel : CHANNELS) {
            channels.put(channel, new ChannelTally(channel));
            channelHeatmaps.put(channel, new HeatmapTally());
        }
        context.query.scope().sequenceId().map(context.sequences::get).ifPresent(this::sequence);
        context.query.scope().campaignId().ifPresent(this::campaign);
    }

    /** Streams every fact once, then credits the sales and counts the leads. */
    void run() {
        Instant from = context.query.from();
        Instant to = context.query.to();
        store.scanConversions(from, to, this::conversion);
        store.scanLeadFacts(from.isBefore(Instant.EPOCH) ? from : Instant.EPOCH, to, this::lead);
        store.scanEnrollmentFacts(from, to, this::enrollment);
        ParallelScan executions = ParallelScan.start("learning-report-executions",
                () -> store.scanExecutionFacts(from, to, this::execution));
        try {
            store.scanAttemptFacts(from, to, this::attempt);
        } catch (RuntimeException | Error e) {
            executions.awaitAfter(e);
            throw e;
        }
        executions.await();
        creditTouches();
        sales.all().forEach(this::credit);
        leads.values().forEach(this::countLead);
    }

    private void conversion(Conversion conversion) {
        conversionsRead++;
        abExposures.conversion(conversion);
        sales.add(conversion).ifPresent(sale -> sale.inScope = context.includes(conversion));
    }

    /**
     * Every lead up to the end of the range is read for its time zone; the global scope's leads are
     * those created in the range.
     */
    private void lead(LeadFact lead) {
        leadsRead++;
        lead.timezone().ifPresent(zone -> zones.put(lead.id(), zone));
        if (context.kind() == ScopeKind.GLOBAL && !lead.createdAt().isBefore(context.query.from())) {
            enter(lead.id());
        }
    }

    private void enrollment(EnrollmentFact enrollment) {
        enrollmentsRead++;
        RetentionSequence sequence = context.sequences.get(enrollment.sequenceId());
        if (sequence == null || !context.includes(enrollment, sequence)) {
            return;
        }
        SequenceTally tally = sequence(sequence);
        Optional<SaleFact> sale = sales.saleAfter(enrollment.leadId(), enrollment.campaignId(),
                enrollment.enrolledAt().toEpochMilli());
        EnrollmentTally track = new EnrollmentTally(enrollment, tally, enter(enrollment.leadId()), sale,
                context.query.to());
        cohort.put(enrollment.id(), track);
        tally.cohort.add(track);
        if (context.decidesSalesByCohort()) {
            sale.ifPresent(fact -> fact.inScope = true);
        }
    }

    private void execution(ExecutionFact execution) {
        executionsRead++;
        SequenceTally executed = executedSequence(execution.sequenceId());
        if (executed != null) {
            operations.execution(execution.status());
            executed.operations.execution(execution.status());
        }
        EnrollmentTally track = cohort.get(execution.enrollmentId());
        if (track != null && execution.status() != ExecutionStatus.DEFERRED) {
            track.processed(execution.stepOrder(), execution.executedAt().toEpochMilli());
            track.sequence.execution(execution.stepOrder(), execution.status());
        }
    }

    /**
     * The tally of the sequence whose executions are in the scope, null for one outside it; executions
     * come in runs of one sequence, so the last one is checked first (on the executions' thread only).
     */
    private SequenceTally executedSequence(String sequenceId) {
        if (!sequenceId.equals(lastExecutedSequenceId)) {
            RetentionSequence sequence = context.sequences.get(sequenceId);
            lastExecutedSequence = sequence != null && context.includes(sequence) ? sequence(sequence) : null;
            lastExecutedSequenceId = sequenceId;
        }
        return lastExecutedSequence;
    }

    private void attempt(AttemptFact attempt) {
        attemptsRead++;
        abExposures.attempt(attempt);
        EnrollmentTally track = attempt.enrollmentId().isPresent() ? cohort.get(attempt.enrollmentId().get()) : null;
        if (!context.includes(attempt, track != null)) {
            return;
        }
        AttemptPhase phase = AttemptPhase.of(attempt.status());
        operations.attempt(phase);
        if (track != null) {
            track.sequence.operations.attempt(phase);
        }
        LeadTally lead = track != null ? track.lead : enter(attempt.leadId());
        ChannelTally channel = channels.get(attempt.channel());
        if (phase == AttemptPhase.FAILED) {
            channel.failedAttempts++;
        }
        if (!phase.isSent()) {
            return;
        }
        CampaignTally campaign = campaign(attempt.campaignId());
        channel.sentAttempts++;
        campaign.sentAttempts++;
        long at = attempt.sentAt().orElse(attempt.createdAt()).toEpochMilli();
        boolean closed = at + windowMillis <= observedUntilMillis;
        lead.contacted(attempt.channel(), campaign, phase == AttemptPhase.RESPONDED, closed);
        Touch touch = new Touch(attempt, at, closed, lead, campaign, lead.zone != null ? lead.zone : campaign.zone,
                track);
        if (lead.hasSales && sales.offer(touch)) {
            pending.add(touch);
        } else if (closed) {
            count(touch);
        }
    }

    /** Credits every attributed sale to its last touch, then counts the touches that were waiting for it. */
    private void creditTouches() {
        for (SaleFact sale : sales.all()) {
            if (sale.touch != null) {
                sale.touch.credited = true;
            }
        }
        for (Touch touch : pending) {
            if (touch.windowClosed) {
                count(touch);
            } else if (touch.credited) {
                touch.lead.converted(touch.attempt.channel(), touch.campaign, false);
            }
        }
        pending.clear();
    }

    /** Counts a touch whose window has closed, in every attempt-level section alike. */
    private void count(Touch touch) {
        AttemptFact attempt = touch.attempt;
        boolean converted = touch.credited;
        ChannelTally channel = channels.get(attempt.channel());
        channel.countedAttempts++;
        if (converted) {
            channel.convertedAttempts++;
            touch.lead.converted(attempt.channel(), touch.campaign, true);
        }
        int slot = HeatmapTally.slot(Instant.ofEpochMilli(touch.at), touch.zone);
        heatmap.add(slot, converted);
        channelHeatmaps.get(attempt.channel()).add(slot, converted);
        touch.campaign.stratum(attempt.channel(), Math.max(0, attempt.stepOrder().orElse(0)), strata::add)
                .add(slot, converted);
        if (attempt.abTestId().isPresent()) {
            texts.inAbTest(attempt.channel());
        } else {
            // Phrases come from the script's template where it is known: the words the marketer wrote,
            // not the lead's name or other personal values rendered into them.
            Optional<Script> script = attempt.scriptId().map(context.scripts::get);
            texts.add(attempt.channel(), script.isPresent() ? script.get().subject() : attempt.subject(),
                    script.map(Script::body).or(attempt::body).orElse(""), converted);
        }
        if (touch.track != null && attempt.stepOrder().isPresent()) {
            touch.track.sequence.sentAttempt(attempt.stepOrder().get(), attempt.channel(), converted);
        }
    }

    private void credit(SaleFact sale) {
        Conversion conversion = sale.conversion;
        if (sale.inScope) {
            CampaignTally campaign = campaign(conversion.campaignId());
            campaign.conversions++;
            campaign.revenue = campaign.revenue.add(conversion.revenue());
            scopeConversions++;
            scopeRevenue = scopeRevenue.add(conversion.revenue());
            conversion.channel().map(channels::get).ifPresent(channel -> {
                channel.creditedConversions++;
                channel.creditedRevenue = channel.creditedRevenue.add(conversion.revenue());
            });
        }
        if (sale.isAttributed()) {
            attributedRevenue = attributedRevenue.add(conversion.revenue());
        }
        EnrollmentTally track = conversion.enrollmentId().map(cohort::get).orElse(null);
        if (track != null && conversion.stepOrder().isPresent()) {
            track.sequence.credited(conversion.stepOrder().get());
        }
    }

    private void countLead(LeadTally lead) {
        for (Channel channel : CHANNELS) {
            ChannelTally tally = channels.get(channel);
            if (lead.isContactedOn(channel)) {
                tally.contactedLeads++;
            }
            if (lead.isCountedOn(channel)) {
                tally.countedLeads++;
            }
            if (lead.isConvertedOn(channel)) {
                tally.convertedLeads++;
            }
        }
        for (CampaignTally campaign : lead.countedIn()) {
            campaign.countedLeads++;
        }
        for (CampaignTally campaign : lead.convertedIn()) {
            campaign.convertedLeads++;
        }
    }

    private LeadTally enter(String leadId) {
        LeadTally lead = leads.get(leadId);
        if (lead == null) {
            lead = new LeadTally(zones.get(leadId), sales.hasSales(leadId));
            leads.put(leadId, lead);
        }
        return lead;
    }

    private SequenceTally sequence(RetentionSequence sequence) {
        SequenceTally tally = sequences.get(sequence.id());
        if (tally == null) {
            tally = new SequenceTally(sequence);
            sequences.put(sequence.id(), tally);
        }
        return tally;
    }

    /** The tally of {@code campaignId}; attempts come in runs of one campaign, so the last one is checked first. */
    private CampaignTally campaign(String campaignId) {
        if (lastCampaign != null && lastCampaign.campaignId.equals(campaignId)) {
            return lastCampaign;
        }
        CampaignTally tally = campaigns.get(campaignId);
        if (tally == null) {
            Campaign campaign = context.campaigns.get(campaignId);
            tally = campaign == null ? new CampaignTally(campaignId, campaignId, ZoneOffset.UTC)
                    : new CampaignTally(campaignId, campaign.name(), campaign.schedule().zone());
            campaigns.put(campaignId, tally);
        }
        lastCampaign = tally;
        return tally;
    }
}
