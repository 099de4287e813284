package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.phrase.PhraseStat;
import io.retentioncenter.learning.stats.MantelHaenszelTest;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SequentialEstimate;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

/**
 * Writes {@link Insight}s. Observational families (channel against channel, phrases, hours and days
 * of the lead's local time, sequence steps that lose more leads) are each corrected with
 * Benjamini–Hochberg; only comparisons with q at or below the query's significance become findings
 * (at most {@link #PER_FAMILY} per family, smallest q first), worded as associations that name what
 * they could not separate, never as instructions. Send times are compared within each campaign,
 * channel and step (Cochran–Mantel–Haenszel), so a day that only carries the first step of every
 * sequence is not credited with the first step's effect. Findings with the very same counts
 * (a script only ever sent on Mondays at 10:00) are one finding. Only A/B tests whose running
 * always-valid p reaches alpha end in an instruction; timing instructions ("use a 12 h delay for
 * step 2") come only from randomised timing tests. Groups below the minimum support are not tested.
 */
final class InsightWriter {
    /** Most insights written per family (per channel for phrases). */
    static final int PER_FAMILY = 3;
    private static final String ASSOCIATION = "Association, not a cause: could not separate ";
    /** Most phrases with the same counts named next to a phrase finding. */
    private static final int SAME_PHRASES_NAMED = 3;

    private final ReportQuery query;

    InsightWriter(ReportQuery query) {
        this.query = query;
    }

    /** A/B verdicts first, then the observational findings: channels, phrases, times, bottlenecks. */
    List<Insight> write(List<ChannelStat> channels, List<ChannelPhrases> words, Heatmap heatmap,
            Collection<Heatmap> strata, List<SequenceReport> sequences, List<AbTestReport> abTests) {
        List<Insight> observational = new ArrayList<>(channels(channels));
        words.forEach(w -> observational.addAll(phrases(w)));
        observational.addAll(times(heatmap, strata));
        observational.addAll(bottlenecks(sequences));
        List<Insight> insights = new ArrayList<>();
        abTests.forEach(t -> insights.addAll(abTest(t)));
        insights.addAll(mergeTravellingTogether(observational));
        return insights;
    }

    private static List<Insight> abTest(AbTestReport test) {
        List<Insight> insights = new ArrayList<>();
        for (VariantComparison c : test.comparisons()) {
            if (!c.significant() || c.estimate().isEmpty()) {
                continue;
            }
            SequentialEstimate e = c.estimate().get();
            VariantStat control = test.variants().get(0);
            VariantStat variant = test.variants().stream().filter(v -> v.name().equals(c.variant())).findFirst()
                    .orElseThrow();
            VariantStat better = e.difference() > 0 ? variant : control;
            String sentence = String.format(Locale.ROOT, "%s, randomised: %s converted %s vs %s %s, "
                    + "difference %+.2f pp, confidence sequence [%+.2f, %+.2f] pp, running always-valid p %s "
                    + "(at or below alpha %s over %d looks). %s.", capitalised(test.title()), armName(test, variant),
                    ReportFormat.rate(variant.leads()), armName(test, control), ReportFormat.rate(control.leads()),
                    e.difference() * 100, e.lower() * 100, e.upper() * 100, ReportFormat.number(c.runningMinimumP(), 4),
                    ReportFormat.number(c.alpha(), 4), c.looks(), instruction(test, better));
            insights.add(new Insight(InsightKind.AB_TEST, Evidence.RANDOMIZED, sentence, "variant " + c.variant(),
                    variant.leads(), "control " + c.control(), control.leads(), ReportFormat.lift(variant.leads(),
                    control.leads()), c.runningMinimumP(), c.runningMinimumP(), List.of()));
        }
        return insights;
    }

    /** A script arm by its name; a timing arm with what it does: "short (12 h delay)". */
    private static String armName(AbTestReport test, VariantStat arm) {
        return test.step().isEmpty() ? arm.name()
                : arm.name() + " (" + arm.arm() + (test.kind() == TestKind.DELAY ? " delay)" : " window)");
    }

    /** "Send B", or for the randomised timing of a step: "Use a 12 h delay for step 2 of seq_1". */
    private static String instruction(AbTestReport test, VariantStat better) {
        if (test.step().isEmpty()) {
            return "Send " + better.name();
        }
        StepTarget step = test.step().get();
        return test.kind() == TestKind.DELAY
                ? "Use a " + better.arm() + " delay for step " + step.stepOrder() + " of " + step.sequenceId()
                : "Send step " + step.stepOrder() + " of " + step.sequenceId() + " in the " + better.arm() + " window";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private List<Insight> channels(List<ChannelStat> channels) {
        ComparisonBatch<ChannelPair> batch = new ComparisonBatch<>();
        List<ChannelStat> tested = channels.stream().filter(c -> c.leads().trials() >= query.minSupport()).toList();
        for (int i = 0; i < tested.size(); i++) {
            for (int j = i + 1; j < tested.size(); j++) {
                ChannelStat a = tested.get(i);
                ChannelStat b = tested.get(j);
                ChannelStat better = a.leadConversionRate() >= b.leadConversionRate() ? a : b;
                ChannelStat worse = better == a ? b : a;
                batch.add(new ChannelPair(better.channel(), worse.channel()), better.leads(), worse.leads());
            }
        }
        List<String> confounders = List.of("which leads have which channel", "sequence step", "script", "send time");
        return batch.supported(query.significance()).stream().limit(PER_FAMILY).map(t -> {
            Channel better = t.subject().better();
            Channel worse = t.subject().worse();
            String sentence = better + " converted " + versus(t, "of counted leads vs", "on " + worse) + " "
                    + caveat(confounders);
            return observed(InsightKind.CHANNEL, sentence, better + " leads", worse + " leads", t, confounders);
        }).toList();
    }

    private List<Insight> phrases(ChannelPhrases words) {
        List<String> confounders = List.of("campaign", "sequence step", "send time", "lead mix");
        return words.discoveries(query.significance()).stream().limit(PER_FAMILY).map(finding -> {
            PhraseStat stat = finding.phrase();
            List<String> same = finding.samePhrases();
            String also = same.isEmpty() ? "" : " (the same messages carry " + String.join(", ", same.stream()
                    .limit(SAME_PHRASES_NAMED).map(p -> "“" + p + "”").toList())
                    + (same.size() > SAME_PHRASES_NAMED ? " and " + (same.size() - SAME_PHRASES_NAMED) + " more" : "")
                    + ")";
            String group = words.channel() + " messages with “" + PhraseFinding.label(stat) + "”" + also;
            String sentence = group + " converted " + versus(stat.with(), stat.without(), "vs", "without it",
                    stat.lift(), stat.qValue()) + " " + caveat(confounders);
            return new Insight(InsightKind.PHRASE, Evidence.OBSERVATIONAL, sentence, group, stat.with(),
                    words.channel() + " messages without it", stat.without(), stat.lift(), stat.pValue(),
                    stat.qValue(), confounders);
        }).toList();
    }

    /** Hours of the local day against the other hours, and days against the other days, within strata. */
    private List<Insight> times(Heatmap heatmap, Collection<Heatmap> strata) {
        List<Insight> insights = new ArrayList<>();
        List<String> confounders = List.of("script", "arrival day and time since enrolling", "lead mix");
        ComparisonBatch<String> hours = new ComparisonBatch<>();
        for (int hour = 0; hour < 24; hour++) {
            int h = hour;
            addTime(hours, String.format(Locale.ROOT, "at %02d:00–%02d:59", hour, hour),
                    slot -> slot % 24 == h, heatmap, strata);
        }
        ComparisonBatch<String> days = new ComparisonBatch<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int d = day.getValue() - 1;
            addTime(days, "on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), slot -> slot / 24 == d,
                    heatmap, strata);
        }
        insights.addAll(timeFindings(InsightKind.TIME_OF_DAY, hours, "at other hours", confounders));
        insights.addAll(timeFindings(InsightKind.DAY_OF_WEEK, days, "on other days", confounders));
        return insights;
    }

    private void addTime(ComparisonBatch<String> batch, String label, IntPredicate inGroup, Heatmap heatmap,
            Collection<Heatmap> strata) {
        Proportion[] overall = split(heatmap, inGroup);
        if (overall[0].trials() < query.minSupport() || overall[1].trials() < query.minSupport()) {
            return;
        }
        List<MantelHaenszelTest.Stratum> tables = new ArrayList<>(strata.size());
        for (Heatmap stratum : strata) {
            Proportion[] split = split(stratum, inGroup);
            tables.add(new MantelHaenszelTest.Stratum(split[0], split[1]));
        }
        batch.add(label, overall[0], overall[1], MantelHaenszelTest.compute(tables).pValue());
    }

    /** The sends of the slots in the group, and of the others. */
    private static Proportion[] split(Heatmap heatmap, IntPredicate inGroup) {
        long[] counts = new long[4];
        List<HeatmapCell> cells = heatmap.cells();
        for (int slot = 0; slot < cells.size(); slot++) {
            int side = inGroup.test(slot) ? 0 : 2;
            counts[side] += cells.get(slot).sends().successes();
            counts[side + 1] += cells.get(slot).sends().trials();
        }
        return new Proportion[] {new Proportion(counts[0], counts[1]), new Proportion(counts[2], counts[3])};
    }

    private List<Insight> timeFindings(InsightKind kind, ComparisonBatch<String> batch, String others,
            List<String> confounders) {
        return batch.supported(query.significance()).stream().limit(PER_FAMILY).map(t -> {
            String sentence = "Sends " + t.subject() + " (lead's local time) converted " + versus(t, "vs", others)
                    + " Compared within each campaign, channel and step. " + caveat(confounders);
            return observed(kind, sentence, "sends " + t.subject(), "sends " + others, t, confounders);
        }).toList();
    }

    private List<Insight> bottlenecks(List<SequenceReport> sequences) {
        ComparisonBatch<StepLabel> batch = new ComparisonBatch<>();
        for (SequenceReport sequence : sequences) {
            long allDropped = sequence.steps().stream().mapToLong(StepReport::droppedOff).sum();
            long allClosed = sequence.steps().stream().mapToLong(StepReport::windowClosed).sum();
            for (StepReport step : sequence.steps()) {
                Proportion group = new Proportion(step.droppedOff(), step.windowClosed());
                Proportion others = new Proportion(allDropped - step.droppedOff(), allClosed - step.windowClosed());
                if (group.trials() >= query.minSupport() && others.trials() > 0) {
                    batch.add(new StepLabel("Step " + step.order() + " (" + step.channel() + ") of “" + sequence.name()
                            + "”", sequence.name()), group, others);
                }
            }
        }
        List<String> confounders = List.of("the step's timing", "its channel", "its script", "time since enrolling");
        return batch.supported(query.significance()).stream().filter(ComparisonBatch.Tested::higher)
                .limit(PER_FAMILY).map(t -> {
                    String sentence = t.subject().step() + " lost " + versus(t,
                            "of the leads whose window for it has closed vs", "at the sequence's other steps")
                            + " " + caveat(confounders);
                    return observed(InsightKind.FUNNEL_BOTTLENECK, sentence, t.subject().step() + " drop-offs",
                            "other steps of “" + t.subject().sequence() + "”", t, confounders);
                }).toList();
    }

    /**
     * Observational findings over the same sends always occurred together: the same group counts
     * (a script only ever sent on Mondays at 10:00), or the mirror of another finding (its group is
     * the other's baseline and the reverse: Monday better than the other days and Tuesday worse, when
     * only those two days carry sends). Each such cluster becomes one finding naming every factor, in
     * the orientation of its first member: of that member's kind when all share it, else
     * {@link InsightKind#TRAVELLED_TOGETHER}.
     */
    private static List<Insight> mergeTravellingTogether(List<Insight> insights) {
        List<List<Insight>> clusters = new ArrayList<>();
        for (Insight insight : insights) {
            List<Insight> home = clusters.stream().filter(c -> c.stream().anyMatch(other ->
                    other.groupCounts().equals(insight.groupCounts())
                            || other.groupCounts().equals(insight.baselineCounts())
                            && other.baselineCounts().equals(insight.groupCounts()))).findFirst().orElse(null);
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(insight);
        }
        return clusters.stream().map(c -> c.size() == 1 ? c.get(0) : merged(c)).toList();
    }

    private static Insight merged(List<Insight> same) {
        Insight first = same.get(0);
        List<String> groups = same.stream().filter(i -> i.groupCounts().equals(first.groupCounts()))
                .map(Insight::group).toList();
        List<String> mirrors = same.stream().filter(i -> !i.groupCounts().equals(first.groupCounts()))
                .map(Insight::group).toList();
        String otherSide = mirrors.isEmpty() ? "" : " The other side of the same comparison: "
                + String.join("; ", mirrors) + ".";
        List<String> confounders = same.stream().flatMap(i -> i.confounders().stream()).distinct().toList();
        double q = same.stream().mapToDouble(Insight::qValue).max().orElse(1.0);
        String sentence = String.join("; ", groups) + ": always together (the same " + first.groupCounts().trials()
                + " sends), converted " + versus(first.groupCounts(), first.baselineCounts(), "vs", first.baseline(),
                first.lift(), q) + otherSide + " One association, not " + same.size()
                + " findings: the data cannot tell which of them, if any, matters. " + caveat(confounders);
        boolean oneKind = same.stream().allMatch(i -> i.kind() == first.kind());
        return new Insight(oneKind ? first.kind() : InsightKind.TRAVELLED_TOGETHER, Evidence.OBSERVATIONAL, sentence,
                String.join("; ", groups), first.groupCounts(), first.baseline(), first.baselineCounts(), first.lift(),
                same.stream().mapToDouble(Insight::pValue).max().orElse(1.0), q, confounders);
    }

    private static String caveat(List<String> confounders) {
        return ASSOCIATION + String.join(", ", confounders) + ".";
    }

    /** E.g. {@code 40.0% (40/100) vs 5.0% (5/100) without it: 8.00× (q < 0.001).} */
    private static String versus(Proportion group, Proportion baseline, String joiner, String baselineWhere,
            OptionalDouble lift, double qValue) {
        return ReportFormat.rate(group) + " " + joiner + " " + ReportFormat.rate(baseline) + " " + baselineWhere + ": "
                + ReportFormat.times(lift) + " (" + ReportFormat.probability("q", qValue) + ").";
    }

    private static String versus(ComparisonBatch.Tested<?> tested, String joiner, String baselineWhere) {
        return versus(tested.group(), tested.baseline(), joiner, baselineWhere,
                ReportFormat.lift(tested.group(), tested.baseline()), tested.qValue());
    }

    private static Insight observed(InsightKind kind, String sentence, String group, String baseline,
            ComparisonBatch.Tested<?> tested, List<String> confounders) {
        return new Insight(kind, Evidence.OBSERVATIONAL, sentence, group, tested.group(), baseline, tested.baseline(),
                ReportFormat.lift(tested.group(), tested.baseline()), tested.pValue(), tested.qValue(), confounders);
    }

    /** Two channels, the one with the higher rate first. */
    private record ChannelPair(Channel better, Channel worse) {
    }

    /** A step's label and its sequence's name. */
    private record StepLabel(String step, String sequence) {
    }
}
