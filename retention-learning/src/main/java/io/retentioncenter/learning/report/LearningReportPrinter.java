package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.phrase.PhrasePosition;
import io.retentioncenter.learning.phrase.PhraseStat;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SequentialEstimate;
import io.retentioncenter.learning.stats.TimeToConversion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a {@link LearningReport} as readable plain text, section by section, for demos, logs and
 * e-mails. Phrase tables show the best {@link #TOP_PHRASES} phrases per channel.
 */
public final class LearningReportPrinter {
    /** Phrases printed per channel. */
    public static final int TOP_PHRASES = 8;

    private final StringBuilder out = new StringBuilder(8192);

    private LearningReportPrinter() {
    }

    /** The whole report as text. */
    public static String print(LearningReport report) {
        Require.present(report, "report");
        LearningReportPrinter printer = new LearningReportPrinter();
        printer.header(report);
        printer.overview(report.overview());
        printer.channels(report.channels());
        printer.insights(report.insights());
        printer.funnel(report.funnel());
        printer.words(report.words());
        printer.heatmap(report.heatmap());
        printer.abTests(report.abTests());
        printer.sequences(report.sequences());
        printer.leaderboard(report.leaderboard());
        printer.campaigns(report.campaigns());
        printer.suggestions(report.suggestions());
        printer.operations(report.operations());
        printer.scan(report.scan());
        return printer.out.toString();
    }

    private void header(LearningReport report) {
        ReportQuery query = report.query();
        line("LEARNING REPORT: %s, [%s, %s), observed until %s", query.scope().label(), query.from(), query.to(),
                report.observedUntil());
        line("Attribution: %s", report.attribution().rule());
    }

    private void overview(Overview o) {
        section("OVERVIEW");
        line("  leads %d, contacted %d, sent attempts %d", o.leads(), o.contactedLeads(), o.sentAttempts());
        line("  conversions %d, revenue %s", o.conversions(), ReportFormat.money(o.revenue()));
        line("  conversion rate %s of contacted leads (%d/%d), 95%% CI %s", ReportFormat.percent(o.conversionRate()),
                o.convertedLeads(), o.contactedLeads(), interval(o.conversionInterval()));
        line("  best channel: %s", o.bestChannel().map(Enum::name).orElse("none yet (no channel converted anyone)"));
    }

    private void channels(List<ChannelStat> channels) {
        section("CHANNELS");
        if (channels.isEmpty()) {
            line("  no attempts in the range");
            return;
        }
        line("  %-6s %9s %14s %7s %14s %7s %17s %9s %10s", "", "sent", "conv. attempts", "failed", "leads conv.",
                "rate", "95% CI", "credited", "revenue");
        for (ChannelStat c : channels) {
            line("  %-6s %9d %14d %7d %14s %7s %17s %9d %10s", c.channel(), c.attempts().trials(),
                    c.attempts().successes(), c.failedAttempts(), ReportFormat.counts(c.leads()),
                    ReportFormat.percent(c.leadConversionRate()), interval(c.leadInterval()), c.creditedConversions(),
                    ReportFormat.money(c.creditedRevenue()));
        }
    }

    private void insights(List<Insight> insights) {
        section("INSIGHTS");
        if (insights.isEmpty()) {
            line("  no statistically supported finding yet");
        }
        insights.forEach(i -> line("  - %s", i.sentence()));
    }

    private void funnel(LeadFunnel funnel) {
        section("FUNNEL");
        for (FunnelStage stage : funnel.stages()) {
            line("  %-10s %8d %7s of leads %7s of previous", stage.stage(), stage.leads(),
                    ReportFormat.percent(stage.shareOfFirst()), ReportFormat.percent(stage.shareOfPrevious()));
        }
        line("  %-10s %8s", "REVENUE", ReportFormat.money(funnel.revenue()));
    }

    private void words(List<ChannelPhrases> words) {
        section("WORDS AND PHRASES (best " + TOP_PHRASES + " per channel by Wilson lower bound)");
        if (words.isEmpty()) {
            line("  no messages sent");
        }
        for (ChannelPhrases w : words) {
            Proportion messages = w.phrases().messages();
            line("  %s: %d messages, %s converted, %d phrases tested", w.channel(), messages.trials(),
                    ReportFormat.percent(messages.rate()), w.phrases().phrases().size());
            List<PhraseStat> top = w.phrases().phrases().stream().limit(TOP_PHRASES).toList();
            if (!top.isEmpty()) {
                line("    %-28s %-8s %16s %16s %7s %8s %8s", "phrase", "where", "with", "without", "lift", "p", "q");
            }
            for (PhraseStat p : top) {
                line("    %-28s %-8s %16s %16s %7s %8s %8s", p.phrase(), p.position().name().toLowerCase(Locale.ROOT),
                        ReportFormat.rate(p.with()), ReportFormat.rate(p.without()), ReportFormat.times(p.lift()),
                        ReportFormat.number(p.pValue(), 4), ReportFormat.number(p.qValue(), 4));
            }
        }
    }

    private void heatmap(Heatmap heatmap) {
        section(String.format(Locale.ROOT,
                "HEATMAP (shrunk conversion %%, lead's local time; %d sends, overall %s, m = %s)", heatmap.sends(),
                ReportFormat.percent(heatmap.overallRate()), ReportFormat.number(heatmap.priorWeight(), 0)));
        StringBuilder hours = new StringBuilder("      ");
        for (int hour = 0; hour < 24; hour++) {
            hours.append(String.format(Locale.ROOT, "%5d", hour));
        }
        line("%s", hours);
        for (DayOfWeek day : DayOfWeek.values()) {
            StringBuilder row = new StringBuilder("  " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ");
            for (int hour = 0; hour < 24; hour++) {
                row.append(String.format(Locale.ROOT, "%5.1f", heatmap.cell(day, hour).shrunkRate() * 100));
            }
            line("%s", row);
        }
    }

    private void abTests(List<AbTestReport> tests) {
        section("A/B TESTS (always-valid sequential test)");
        if (tests.isEmpty()) {
            line("  none");
        }
        for (AbTestReport t : tests) {
            line("  %s: campaign %s, %s, %s%s", t.testId(), t.campaignId(), t.channel(), t.status(),
                    t.winner().map(w -> ", winner " + w).orElse(""));
            for (VariantStat v : t.variants()) {
                line("    %-10s %12s %s", v.name(), ReportFormat.rate(v.leads()), interval(v.interval()));
            }
            for (VariantComparison c : t.comparisons()) {
                line("    %s vs %s: %s", c.variant(), c.control(), c.estimate().map(e -> comparison(e, c))
                        .orElse("not evaluated until each arm has a conversion and a non-conversion"));
            }
            line("    sample ratio: chi-square %s, p %s%s", ReportFormat.number(t.sampleRatio().chiSquare(), 2),
                    ReportFormat.number(t.sampleRatio().pValue(), 4),
                    t.sampleRatio().mismatch() ? " MISMATCH: check variant assignment" : " ok");
        }
    }

    private static String comparison(SequentialEstimate e, VariantComparison c) {
        return String.format(Locale.ROOT, "difference %+.2f pp, always-valid p %.4f, confidence sequence [%+.2f, %+.2f] pp,"
                + " %s at alpha %.4f", e.difference() * 100, e.pValue(), e.lower() * 100, e.upper() * 100,
                c.significant() ? "significant" : "not significant", c.alpha());
    }

    private void sequences(List<SequenceReport> sequences) {
        section("SEQUENCES (leads enrolled in the range)");
        if (sequences.isEmpty()) {
            line("  none");
        }
        for (SequenceReport s : sequences) {
            line("  “%s” (%s%s): enrolled %d, converted %d, running %d, completed %d, exited %d (opted out %d)",
                    s.name(), s.sequenceId(), s.campaignId().map(c -> ", campaign " + c).orElse(""), s.enrolled(),
                    s.conversions().successes(), s.running(), s.completed(), s.exited(), s.optedOut());
            line("    enrollment rate %s, completion %s, conversion %s %s, revenue %s (%s per enrolled)",
                    ReportFormat.percent(s.enrollmentRate()), ReportFormat.percent(s.completionRate()),
                    ReportFormat.rate(s.conversions()), interval(s.conversionInterval()), ReportFormat.money(s.revenue()),
                    ReportFormat.money(s.revenuePerEnrolled()));
            TimeToConversionReport t = s.timeToConversion();
            TimeToConversion summary = t.summary();
            line("    time to conversion (Kaplan-Meier): converted by %sh %s (95%% lower %s), median %s, "
                    + "restricted mean %sh; opt-outs competing: conversion %s, opt-out %s",
                    ReportFormat.number(summary.horizon(), 0), ReportFormat.percent(summary.convertedByHorizon()),
                    ReportFormat.percent(t.convertedLowerBound()),
                    summary.median().isPresent() ? ReportFormat.number(summary.median().getAsDouble(), 1) + "h"
                            : "not reached",
                    ReportFormat.number(summary.restrictedMean(), 1), ReportFormat.percent(t.conversionIncidence()),
                    ReportFormat.percent(t.optOutIncidence()));
            line("    %4s %-5s %6s %7s %8s %8s %9s %8s %7s %10s %8s %9s %14s %9s %10s", "step", "chan.", "delay",
                    "closed", "waiting", "reached", "executed", "skipped", "failed", "conv.bef.", "dropped",
                    "drop-off", "attempt conv.", "credited", "mean delay");
            for (StepReport step : s.steps()) {
                line("    %4d %-5s %6s %7d %8d %8d %9d %8d %7d %10d %8d %9s %14s %9d %10s", step.order(),
                        step.channel(), ReportFormat.duration(step.delay().configured()), step.windowClosed(),
                        step.waiting(), step.reached(), step.executed(), step.skipped(), step.failed(),
                        step.convertedBefore(), step.droppedOff(), ReportFormat.percent(step.dropOffRate()),
                        ReportFormat.rate(step.attempts()), step.creditedConversions(),
                        step.delay().meanObservedHours().isPresent()
                                ? ReportFormat.number(step.delay().meanObservedHours().getAsDouble(), 1) + "h" : "-");
            }
            if (!s.steps().isEmpty()) {
                line("    delays: %s", s.steps().get(0).delay().caveat());
            }
            operationsLine("    operations: ", s.operations());
        }
    }

    private void leaderboard(List<LeaderboardEntry> entries) {
        section("LEADERBOARD (by the 95% lower bound of Kaplan-Meier conversion)");
        if (entries.isEmpty()) {
            line("  no enrollments in the range");
        }
        for (LeaderboardEntry e : entries) {
            line("  %2d. %-30s %-12s enrolled %6d, converted %5d, by horizon %s (lower %s), %s per enrolled", e.rank(),
                    e.name(), e.campaignId().orElse("-"), e.enrolled(), e.converted(),
                    ReportFormat.percent(e.convertedByHorizon()), ReportFormat.percent(e.lowerBound()),
                    ReportFormat.money(e.revenuePerEnrolled()));
        }
    }

    private void campaigns(List<CampaignSummary> campaigns) {
        section("CAMPAIGNS");
        if (campaigns.isEmpty()) {
            line("  none active in the range");
        }
        for (CampaignSummary c : campaigns) {
            line("  %-30s leads converted %s %s, sent %d, conversions %d, revenue %s", c.name(),
                    ReportFormat.rate(c.leads()), interval(c.interval()), c.sentAttempts(), c.conversions(),
                    ReportFormat.money(c.revenue()));
        }
    }

    private void suggestions(List<ChannelSuggestions> suggestions) {
        section("SCRIPT SUGGESTIONS (significant phrases only)");
        if (suggestions.isEmpty()) {
            line("  no messages sent");
        }
        for (ChannelSuggestions s : suggestions) {
            line("  %s", s.channel());
            line("    include: %s", phrases(s.include()));
            line("    avoid: %s", phrases(s.avoid()));
            line("    best send times: %s", s.bestSendTimes().isEmpty() ? "no slot beats the overall rate yet"
                    : s.bestSendTimes().stream().map(LearningReportPrinter::slot).collect(Collectors.joining(", ")));
            s.draft().ifPresentOrElse(d -> {
                line("    %s", d.notice());
                d.subject().ifPresent(subject -> line("      Subject: %s", subject));
                d.body().lines().forEach(l -> line("      %s", l));
            }, () -> line("    no draft: no phrase to include yet"));
        }
    }

    private void operations(OperationalStats o) {
        section("OPERATIONS");
        operationsLine("  ", o);
    }

    private void operationsLine(String prefix, OperationalStats o) {
        line("%sactive enrollments %d, steps processed %d (%s/h), dispatched %d, failed %d (%s), scheduled backlog %d",
                prefix, o.activeEnrollments(), o.stepsProcessed(), ReportFormat.number(o.stepsProcessedPerHour(), 1),
                o.dispatchedAttempts(), o.failedAttempts(), ReportFormat.percent(o.failedAttemptRate()),
                o.scheduledAttempts());
    }

    private void scan(ScanSummary s) {
        section("SCAN");
        line("  read %d conversions, %d leads, %d enrollments, %d executions, %d attempts; %d texts tokenized; %d ms",
                s.conversions(), s.leads(), s.enrollments(), s.executions(), s.attempts(), s.textsTokenized(),
                s.elapsed().toMillis());
    }

    private static String phrases(List<PhraseStat> phrases) {
        return phrases.isEmpty() ? "none significant" : phrases.stream()
                .map(p -> "“" + p.phrase() + "”" + (p.position() == PhrasePosition.ANYWHERE
                        ? "" : " (" + p.position().name().toLowerCase(Locale.ROOT) + ")") + " "
                        + ReportFormat.percent(p.rateWith()) + " vs " + ReportFormat.percent(p.rateWithout()) + ", "
                        + ReportFormat.probability("q", p.qValue()))
                .collect(Collectors.joining("; "));
    }

    private static String slot(HeatmapCell cell) {
        return String.format(Locale.ROOT, "%s %02d:00 (%s)", cell.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                cell.hour(), ReportFormat.percent(cell.shrunkRate()));
    }

    private static String interval(WilsonInterval interval) {
        return "[" + ReportFormat.percent(interval.lower()) + ", " + ReportFormat.percent(interval.upper()) + "]";
    }

    private void section(String title) {
        out.append('\n').append(title).append('\n');
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
