package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.phrase.PhraseStat;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes {@link Insight}s: channel against channel, phrases, hours and days of the lead's local
 * time, and sequence steps that lose more leads than the others. Every family of comparisons is
 * corrected with Benjamini–Hochberg, and only comparisons with q at or below the query's
 * significance become sentences (at most {@link #PER_FAMILY} per family, smallest q first; for
 * phrases, longer phrases first among equals and none overlapping another). Groups with fewer than
 * the query's minimum support are not tested.
 */
final class InsightWriter {
    /** Most insights written per family (per channel for phrases). */
    static final int PER_FAMILY = 3;

    private final ReportQuery query;

    InsightWriter(ReportQuery query) {
        this.query = query;
    }

    /** Every supported insight, channels first, then phrases, times, days and bottlenecks. */
    List<Insight> write(List<ChannelStat> channels, List<ChannelPhrases> words, Heatmap heatmap,
            List<SequenceReport> sequences) {
        List<Insight> insights = new ArrayList<>();
        insights.addAll(channels(channels));
        words.forEach(w -> insights.addAll(phrases(w)));
        insights.addAll(times(heatmap));
        insights.addAll(bottlenecks(sequences));
        return insights;
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
        return batch.supported(query.significance()).stream().limit(PER_FAMILY).map(t -> {
            Channel better = t.subject().better();
            Channel worse = t.subject().worse();
            String sentence = better + " converts " + versus(t, "of contacted leads vs", "on " + worse)
                    + " Favour " + better + " where leads have it.";
            return insight(InsightKind.CHANNEL, sentence, better + " contacted leads", worse + " contacted leads", t);
        }).toList();
    }

    private List<Insight> phrases(ChannelPhrases words) {
        List<PhraseStat> discoveries = words.phrases().discoveries(query.significance()).stream()
                .sorted(Comparator.comparingDouble(PhraseStat::qValue)
                        .thenComparing(Comparator.comparingInt(PhraseStat::words).reversed()))
                .toList();
        List<PhraseStat> chosen = new ArrayList<>();
        for (PhraseStat stat : discoveries) {
            boolean overlaps = chosen.stream().anyMatch(c -> PhraseText.overlaps(c.phrase(), stat.phrase()));
            if (chosen.size() < PER_FAMILY && !overlaps) {
                chosen.add(stat);
            }
        }
        return chosen.stream().map(stat -> phrase(words.channel(), stat)).toList();
    }

    private static Insight phrase(Channel channel, PhraseStat stat) {
        String where = switch (stat.position()) {
            case ANYWHERE -> "with";
            case OPENING -> "opening with";
            case CLOSING -> "closing with";
        };
        String group = channel + " messages " + where + " “" + stat.phrase() + "”";
        String sentence = group + " convert " + versus(stat.with(), stat.without(), "vs", "without it", stat.lift(),
                stat.qValue()) + (stat.rateWith() > stat.rateWithout() ? " Use it more." : " Avoid it.");
        return new Insight(InsightKind.PHRASE, sentence, group, stat.with(), channel + " messages without it",
                stat.without(), stat.lift(), stat.pValue(), stat.qValue());
    }

    /** Hours of the local day against the other hours, and days of the week against the other days. */
    private List<Insight> times(Heatmap heatmap) {
        long[][] byHour = new long[24][2];
        long[][] byDay = new long[7][2];
        for (HeatmapCell cell : heatmap.cells()) {
            int day = cell.day().getValue() - 1;
            byHour[cell.hour()][0] += cell.sends().trials();
            byHour[cell.hour()][1] += cell.sends().successes();
            byDay[day][0] += cell.sends().trials();
            byDay[day][1] += cell.sends().successes();
        }
        Proportion total = new Proportion(heatmap.conversions(), heatmap.sends());
        List<String> hours = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            hours.add(String.format(Locale.ROOT, "at %02d:00–%02d:59", hour, hour));
        }
        List<String> days = new ArrayList<>(7);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add("on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        List<Insight> insights = new ArrayList<>(timeFamily(InsightKind.TIME_OF_DAY, hours, byHour, total,
                "at other hours"));
        insights.addAll(timeFamily(InsightKind.DAY_OF_WEEK, days, byDay, total, "on other days"));
        return insights;
    }

    private List<Insight> timeFamily(InsightKind kind, List<String> labels, long[][] counts, Proportion total,
            String others) {
        ComparisonBatch<String> batch = new ComparisonBatch<>();
        for (int i = 0; i < labels.size(); i++) {
            Proportion group = new Proportion(counts[i][1], counts[i][0]);
            Proportion rest = new Proportion(total.successes() - group.successes(), total.trials() - group.trials());
            if (group.trials() >= query.minSupport() && rest.trials() >= query.minSupport()) {
                batch.add(labels.get(i), group, rest);
            }
        }
        return batch.supported(query.significance()).stream().limit(PER_FAMILY).map(t -> {
            String sentence = "Sends " + t.subject() + " (lead's local time) convert " + versus(t, "vs", others)
                    + (t.higher() ? " Schedule more sends then." : " Avoid sending then.");
            return insight(kind, sentence, "sends " + t.subject(), "sends " + others, t);
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
        return batch.supported(query.significance()).stream().filter(ComparisonBatch.Tested::higher)
                .limit(PER_FAMILY).map(t -> {
                    String sentence = t.subject().step() + " loses " + versus(t,
                            "of the leads whose window for it has closed vs", "at the sequence's other steps")
                            + " Review its timing, channel and script.";
                    return insight(InsightKind.FUNNEL_BOTTLENECK, sentence, t.subject().step() + " drop-offs",
                            "other steps of “" + t.subject().sequence() + "”", t);
                }).toList();
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

    private static Insight insight(InsightKind kind, String sentence, String group, String baseline,
            ComparisonBatch.Tested<?> tested) {
        return new Insight(kind, sentence, group, tested.group(), baseline, tested.baseline(),
                ReportFormat.lift(tested.group(), tested.baseline()), tested.pValue(), tested.qValue());
    }

    /** Two channels, the one with the higher rate first. */
    private record ChannelPair(Channel better, Channel worse) {
    }

    /** A step's label and its sequence's name. */
    private record StepLabel(String step, String sequence) {
    }
}
