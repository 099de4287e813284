package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.spi.FactSource;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the sections of a {@link LearningReport} from a finished {@link FactScan}. */
final class ReportAssembler {
    private final FactSource store;
    private final ReportContext context;
    private final FactScan scan;
    private final AbTestReporter abTests;
    private final Map<String, Long> activeBySequence = new HashMap<>();

    ReportAssembler(FactSource store, ReportContext context, FactScan scan, AbTestReporter abTests) {
        this.store = store;
        this.context = context;
        this.scan = scan;
        this.abTests = abTests;
    }

    /** The report; {@code startedNanos} is when the computation began ({@link System#nanoTime()}). */
    LearningReport assemble(long startedNanos) {
        ReportQuery query = context.query;
        List<ChannelStat> channels = scan.channels.values().stream()
                .filter(ChannelTally::isActive).map(ChannelTally::stat).toList();
        List<ChannelPhrases> words = scan.texts.reports();
        LeadFunnel funnel = funnel();
        Heatmap heatmap = scan.heatmap.heatmap(query.shrinkage());
        Map<Channel, Heatmap> channelHeatmaps = new EnumMap<>(Channel.class);
        scan.channelHeatmaps.forEach((channel, tally) -> channelHeatmaps.put(channel, tally.heatmap(query.shrinkage())));
        SequenceReporter sequenceReporter = new SequenceReporter(context, funnel.leads(LeadStage.LEADS));
        List<SequenceReport> sequences = scan.sequences.values().stream()
                .filter(t -> t.isActive() || context.kind() == ScopeKind.SEQUENCE)
                .map(t -> sequenceReporter.report(t, activeEnrollments(t.sequence.id())))
                .toList();
        long active = context.sequences.values().stream().filter(context::includes)
                .mapToLong(s -> activeEnrollments(s.id())).sum();
        List<AbTestReport> tests = context.abTests.stream().filter(context::includes).map(abTests::report).toList();
        List<Heatmap> strata = scan.strata.stream().map(t -> t.heatmap(query.shrinkage())).toList();
        return new LearningReport(query, context.generatedAt, context.observedUntil,
                Attribution.of(query.attributionWindow()), overview(funnel, channels), channels, words,
                new InsightWriter(query).write(channels, words, heatmap, strata, sequences, tests), funnel, heatmap,
                tests, sequences, leaderboard(sequences), campaigns(),
                new SuggestionWriter(query.significance()).write(words, channelHeatmaps),
                scan.operations.stats(active, context.observedHours()), summary(startedNanos));
    }

    private Overview overview(LeadFunnel funnel, List<ChannelStat> channels) {
        long counted = scan.leads.values().stream().filter(LeadTally::isCounted).count();
        long converted = funnel.leads(LeadStage.CONVERTED);
        Proportion rate = new Proportion(scan.leads.values().stream().filter(LeadTally::isCountedConverted).count(),
                counted);
        long sent = channels.stream().mapToLong(ChannelStat::sentAttempts).sum();
        return new Overview(funnel.leads(LeadStage.LEADS), funnel.leads(LeadStage.CONTACTED), sent,
                scan.scopeConversions, scan.scopeRevenue, converted, rate, rate.rate(), WilsonInterval.of(rate));
    }

    private LeadFunnel funnel() {
        long[] counts = new long[LeadStage.values().length];
        for (LeadTally lead : scan.leads.values()) {
            counts[LeadStage.LEADS.ordinal()]++;
            if (lead.isContacted()) {
                counts[LeadStage.CONTACTED.ordinal()]++;
            }
            if (lead.isResponded()) {
                counts[LeadStage.RESPONDED.ordinal()]++;
            }
            if (lead.isConverted()) {
                counts[LeadStage.CONVERTED.ordinal()]++;
            }
        }
        List<FunnelStage> stages = new ArrayList<>(counts.length);
        for (LeadStage stage : LeadStage.values()) {
            long leads = counts[stage.ordinal()];
            long previous = stage.ordinal() == 0 ? leads : counts[stage.ordinal() - 1];
            stages.add(new FunnelStage(stage, leads, ReportFormat.share(leads, counts[0]),
                    ReportFormat.share(leads, previous)));
        }
        return new LeadFunnel(stages, scan.attributedRevenue);
    }

    private static List<LeaderboardEntry> leaderboard(List<SequenceReport> sequences) {
        List<SequenceReport> ranked = sequences.stream()
                .filter(s -> s.enrolled() > 0)
                .sorted(Comparator.comparingDouble((SequenceReport s) -> s.timeToConversion().conversionLower())
                        .thenComparingDouble(s -> s.timeToConversion().conversionIncidence())
                        .reversed()
                        .thenComparing(SequenceReport::name))
                .toList();
        int[] ranks = new int[ranked.size()];
        TimeToConversionReport leader = null;
        for (int i = 0; i < ranked.size(); i++) {
            TimeToConversionReport t = ranked.get(i).timeToConversion();
            if (leader != null && t.conversionUpper() >= leader.conversionLower()) {
                ranks[i] = ranks[i - 1];
            } else {
                ranks[i] = i + 1;
                leader = t;
            }
        }
        List<LeaderboardEntry> entries = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            SequenceReport s = ranked.get(i);
            TimeToConversionReport t = s.timeToConversion();
            boolean tied = i > 0 && ranks[i - 1] == ranks[i] || i + 1 < ranks.length && ranks[i + 1] == ranks[i];
            entries.add(new LeaderboardEntry(ranks[i], tied, s.sequenceId(), s.name(), s.campaignId(), s.enrolled(),
                    s.conversions().successes(), s.optedOut(), t.horizonHours(), t.conversionIncidence(),
                    t.conversionLower(), t.conversionUpper(), t.optOutIncidence(), s.revenuePerEnrolled()));
        }
        return entries;
    }

    private List<CampaignSummary> campaigns() {
        return scan.campaigns.values().stream()
                .filter(c -> c.isActive() || context.query.scope().campaignId().equals(Optional.of(c.campaignId)))
                .map(CampaignTally::summary)
                .toList();
    }

    private long activeEnrollments(String sequenceId) {
        return activeBySequence.computeIfAbsent(sequenceId,
                id -> store.countEnrollments(id, EnrollmentStatus.ACTIVE));
    }

    private ScanSummary summary(long startedNanos) {
        return new ScanSummary(scan.conversionsRead, scan.leadsRead, scan.enrollmentsRead, scan.executionsRead,
                scan.attemptsRead, scan.texts.tokenized(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
