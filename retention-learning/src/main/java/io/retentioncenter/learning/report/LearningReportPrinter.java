package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.heatmap.HeatmapCell;
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
        line("  converted leads %d; conversion rate %s of contacted leads with a closed window, 95%% CI %s (%d "
                + "contacted leads with no closed window yet are not counted)", o.convertedLeads(),
                ReportFormat.rate(o.countedLeads()), interval(o.conversionInterval()),
                o.contactedLeads() - o.countedLeads().trials());
    }

    private void channels(List<ChannelStat> channels) {
        section("CHANNELS (observational; rates over attempts and leads whose window has closed)");
        if (channels.isEmpty()) {
            line("  no attempts in the range");
            return;
        }
        line("  %-6s %7s %16s %17s %9s %16s %17s %9s %10s", "", "sent", "credited/counted", "95% CI",
                "failed", "leads conv.", "95% CI", "tracker", "revenue");
        for (ChannelStat c : channels) {
            line("  %-6s %7d %16s %17s %9d %16s %17s %9d %10s", c.channel(), c.sentAttempts(),
                    ReportFormat.rate(c.attempts()), interval(WilsonInterval.of(c.attempts())), c.failedAttempts(),
                    ReportFormat.rate(c.leads()), interval(c.leadInterval()), c.creditedConversions(),
                    ReportFormat.money(c.creditedRevenue()));
        }
        line("  failed = attempts the provider refused or that kept failing; tracker = sales the tracker credited "
                + "to the channel");
    }

    private void insights(List<Insight> insights) {
        section("INSIGHTS (instructions only from randomised tests; everything else is an association)");
        if (insights.isEmpty()) {
            line("  no statistically supported finding yet");
        }
        insights.forEach(i -> line("  - [%s] %s", i.evidence() == Evidence.RANDOMIZED ? "randomised" : "association",
                i.sentence()));
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
        section("WORDS AND PHRASES (observational; messages outside A/B tests; identical findings collapsed; best "
                + TOP_PHRASES + " by Wilson lower bound)");
        if (words.isEmpty()) {
            line("  no messages sent");
        }
        for (ChannelPhrases w : words) {
            Proportion messages = w.phrases().messages();
            line("  %s: %s messages converted, %d phrases tested as %d distinct findings; %d messages of A/B tests "
                    + "left out (judged in the A/B section)", w.channel(), ReportFormat.rate(messages),
                    w.phrases().phrases().size(), w.findings().size(), w.abTestMessages());
            List<PhraseFinding> top = w.findings().stream().limit(TOP_PHRASES).toList();
            if (!top.isEmpty()) {
                line("    %-28s %16s %16s %17s %7s %8s %8s  %s", "phrase", "with", "without", "95% CI with", "lift",
                        "p", "q", "same messages");
            }
            for (PhraseFinding f : top) {
                PhraseStat p = f.phrase();
                line("    %-28s %16s %16s %17s %7s %8s %8s  %s", PhraseFinding.label(p), ReportFormat.rate(p.with()),
                        ReportFormat.rate(p.without()), interval(p.withInterval()), ReportFormat.times(p.lift()),
                        ReportFormat.number(p.pValue(), 4), ReportFormat.number(p.qValue(), 4),
                        String.join(", ", f.samePhrases()));
            }
        }
    }

    private void heatmap(Heatmap heatmap) {
        section(String.format(Locale.ROOT,
                "HEATMAP (observational; lead's local time; %d counted sends, overall %s, shrunk with m = %s)",
                heatmap.sends(), ReportFormat.rate(new Proportion(heatmap.conversions(), heatmap.sends())),
                ReportFormat.number(heatmap.priorWeight(), 0)));
        heatmapTable("  shrunk conversion %", heatmap, c -> String.format(Locale.ROOT, "%5.1f", c.shrunkRate() * 100));
        heatmapTable("  counted sends per cell", heatmap, c -> String.format(Locale.ROOT, "%5d", c.sends().trials()));
    }

    private void heatmapTable(String title, Heatmap heatmap, java.util.function.Function<HeatmapCell, String> cell) {
        line("%s", title);
        StringBuilder hours = new StringBuilder("      ");
        for (int hour = 0; hour < 24; hour++) {
            hours.append(String.format(Locale.ROOT, "%5d", hour));
        }
        line("%s", hours);
        for (DayOfWeek day : DayOfWeek.values()) {
            StringBuilder row = new StringBuilder("  " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ");
            for (int hour = 0; hour < 24; hour++) {
                row.append(cell.apply(heatmap.cell(day, hour)));
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
            line("  %s: campaign %s, %s, %s%s", t.title(), t.campaignId(), t.channel(), t.status(),
                    t.winner().map(w -> ", winner " + w).orElse(""));
            for (VariantStat v : t.variants()) {
                line("    %-10s %-14s %12s %s", v.name(), v.arm(), ReportFormat.rate(v.leads()), interval(v.interval()));
            }
            for (VariantComparison c : t.comparisons()) {
                line("    %s vs %s: %s", c.variant(), c.control(), c.estimate().map(e -> comparison(e, c))
                        .orElse("not evaluated until each arm has a conversion and a non-conversion"));
                line("      running minimum of the always-valid p over %d looks: %s, %s at alpha %s", c.looks(),
                        ReportFormat.number(c.runningMinimumP(), 4), c.significant() ? "significant" : "not significant",
                        ReportFormat.number(c.alpha(), 4));
            }
            line("    sample ratio: chi-square %s, p %s%s", ReportFormat.number(t.sampleRatio().chiSquare(), 2),
                    ReportFormat.number(t.sampleRatio().pValue(), 4),
                    t.sampleRatio().mismatch() ? " MISMATCH: check variant assignment" : " ok");
        }
    }

    private static String comparison(SequentialEstimate e, VariantComparison c) {
        return String.format(Locale.ROOT, "latest look: difference %+.2f pp, always-valid p %.4f, confidence sequence "
                + "[%+.2f, %+.2f] pp", e.difference() * 100, e.pValue(), e.lower() * 100, e.upper() * 100);
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
            line("    converted by %s (cumulative incidence, opt-outs competing): %s [%s, %s]; opted out by then %s; "
                    + "median time to conversion %s", hoursLabel(t.horizonHours()),
                    ReportFormat.percent(t.conversionIncidence()), ReportFormat.percent(t.conversionLower()),
                    ReportFormat.percent(t.conversionUpper()), ReportFormat.percent(t.optOutIncidence()), median(t));
            line("    for comparison, Kaplan-Meier with opt-outs censored (overstates conversion when leads opt out): "
                    + "%s by %s (95%% lower %s), restricted mean %sh", ReportFormat.percent(summary.convertedByHorizon()),
                    hoursLabel(summary.horizon()), ReportFormat.percent(t.convertedLowerBound()),
                    ReportFormat.number(summary.restrictedMean(), 1));
            line("    %4s %-5s %6s %7s %8s %8s %9s %8s %7s %10s %8s %9s %14s %17s %9s %10s", "step", "chan.", "delay",
                    "closed", "waiting", "reached", "executed", "skipped", "ex.fail", "conv.bef.", "dropped",
                    "drop-off", "attempt conv.", "95% CI", "credited", "mean delay");
            for (StepReport step : s.steps()) {
                line("    %4d %-5s %6s %7d %8d %8d %9d %8d %7d %10d %8d %9s %14s %17s %9d %10s", step.order(),
                        step.channel(), ReportFormat.duration(step.delay().configured()), step.windowClosed(),
                        step.waiting(), step.reached(), step.executed(), step.skipped(), step.failed(),
                        step.convertedBefore(), step.droppedOff(), ReportFormat.percent(step.dropOffRate()),
                        ReportFormat.rate(step.attempts()), interval(WilsonInterval.of(step.attempts())),
                        step.creditedConversions(),
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
        section("LEADERBOARD (observational; by the 95% lower bound of the cumulative incidence of conversion, "
                + "opt-outs competing; overlapping intervals share a rank)");
        if (entries.isEmpty()) {
            line("  no enrollments in the range");
        }
        for (LeaderboardEntry e : entries) {
            line("  %3s %-30s %-12s enrolled %6d, converted %5d, opted out %4d; by %s %s [%s, %s], opt-out %s, %s per "
                    + "enrolled", e.rank() + (e.tied() ? "=" : "."), e.name(), e.campaignId().orElse("-"), e.enrolled(),
                    e.converted(), e.optedOut(), hoursLabel(e.horizonHours()), ReportFormat.percent(e.conversionIncidence()),
                    ReportFormat.percent(e.lowerBound()), ReportFormat.percent(e.upperBound()),
                    ReportFormat.percent(e.optOutIncidence()), ReportFormat.money(e.revenuePerEnrolled()));
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
        section("CANDIDATES FOR A/B TESTS (associations only; no script is drafted from them)");
        if (suggestions.isEmpty()) {
            line("  no messages sent");
        }
        for (ChannelSuggestions s : suggestions) {
            line("  %s", s.channel());
            line("    phrases whose messages converted better: %s", phrases(s.higher()));
            line("    phrases whose messages converted worse: %s", phrases(s.lower()));
            line("    slots with the highest shrunk rate: %s", s.highestSlots().isEmpty() ? "none above the overall rate"
                    : s.highestSlots().stream().map(LearningReportPrinter::slot).collect(Collectors.joining(", ")));
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

    private static String phrases(List<PhraseFinding> findings) {
        return findings.isEmpty() ? "none significant" : findings.stream()
                .map(f -> "“" + PhraseFinding.label(f.phrase()) + "” " + ReportFormat.rate(f.phrase().with()) + " vs "
                        + ReportFormat.rate(f.phrase().without()) + ", "
                        + ReportFormat.probability("q", f.phrase().qValue()))
                .collect(Collectors.joining("; "));
    }

    private static String slot(HeatmapCell cell) {
        return String.format(Locale.ROOT, "%s %02d:00 (shrunk %s; %s, 95%% CI %s)",
                cell.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), cell.hour(),
                ReportFormat.percent(cell.shrunkRate()), ReportFormat.rate(cell.sends()),
                interval(WilsonInterval.of(cell.sends())));
    }

    private static String hoursLabel(double hours) {
        return ReportFormat.number(hours, 0) + "h";
    }

    private static String median(TimeToConversionReport t) {
        if (t.median().isEmpty()) {
            return "not reached by " + hoursLabel(t.horizonHours()) + (t.medianLower().isPresent()
                    ? " (95% CI from " + ReportFormat.number(t.medianLower().getAsDouble(), 1) + "h)" : "");
        }
        return ReportFormat.number(t.median().getAsDouble(), 1) + "h, 95% CI [" + t.medianLower().stream()
                .mapToObj(h -> ReportFormat.number(h, 1) + "h").findFirst().orElse("?") + ", " + t.medianUpper().stream()
                .mapToObj(h -> ReportFormat.number(h, 1) + "h").findFirst().orElse("beyond the horizon") + "]";
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
