package io.retentioncenter.learning.report;

import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.phrase.PhraseStat;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG pictures, no script, no
 * external font, style sheet or image, so it can be mailed, archived or opened offline. It shows
 * the attribution rule, the findings (randomised ones apart from associations), the time-to-conversion
 * curves with their bands, the step funnels, the send-time heatmap with counts, every A/B comparison's
 * confidence sequence over time, the leaderboard with intervals, channels and phrase findings.
 */
public final class LearningReportHtml {
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "margin:24px auto;max-width:1000px;color:#1d2329;background:#fafbfc;line-height:1.4}"
            + "h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #d8dde3}"
            + "h3{font-size:15px;margin-bottom:4px}.meta,.note{color:#5b6570;font-size:13px}"
            + ".rule{background:#eef4fa;border-left:4px solid #1f6fb2;padding:8px 12px;font-size:13px}"
            + "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{padding:4px 8px;"
            + "border-bottom:1px solid #e3e6ea;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + ".tag{display:inline-block;font-size:11px;padding:1px 6px;border-radius:8px;margin-right:6px}"
            + ".randomised{background:#d8f0dc;color:#1d6b2c}.association{background:#eceff3;color:#4a5560}"
            + "svg{display:block;margin:8px 0;max-width:100%;height:auto}li{margin:6px 0;font-size:14px}";

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private LearningReportHtml() {
    }

    /** The whole report as an HTML document. */
    public static String render(LearningReport report) {
        Require.present(report, "report");
        LearningReportHtml page = new LearningReportHtml();
        page.write(report);
        return page.out.toString();
    }

    private void write(LearningReport report) {
        ReportQuery query = report.query();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Learning report: ")
                .append(Html.escape(query.scope().label())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        out.append("<h1>Learning report: ").append(Html.escape(query.scope().label())).append("</h1>");
        p("meta", "Range [" + query.from() + ", " + query.to() + "), observed until " + report.observedUntil()
                + ". Horizon of every “converted by”: " + ReportFormat.duration(report.attribution().window()) + ".");
        p("rule", "Attribution. " + report.attribution().rule());
        overview(report.overview());
        findings(report.insights());
        sequences(report.sequences());
        h2("Send-time heatmap (observational, lead's local time)");
        p("note", report.heatmap().sends() + " counted sends, overall " + ReportFormat.rate(new
                io.retentioncenter.learning.stats.Proportion(report.heatmap().conversions(), report.heatmap().sends()))
                + ", each cell shrunk toward it with m = " + ReportFormat.number(report.heatmap().priorWeight(), 0)
                + ". Hover a cell for its counts and interval.");
        out.append(ReportCharts.heatmap(report.heatmap()));
        abTests(report.abTests());
        leaderboard(report.leaderboard());
        channels(report.channels());
        campaigns(report.campaigns());
        words(report.words());
        ScanSummary scan = report.scan();
        p("meta", String.format(Locale.ROOT, "Read %d conversions, %d leads, %d enrolments, %d executions and %d "
                + "attempts in %d ms.", scan.conversions(), scan.leads(), scan.enrollments(), scan.executions(),
                scan.attempts(), scan.elapsed().toMillis()));
        out.append("</body></html>\n");
    }

    private void overview(Overview o) {
        h2("Overview");
        out.append("<table>");
        row("Leads", Long.toString(o.leads()));
        row("Contacted leads", Long.toString(o.contactedLeads()));
        row("Sent attempts", Long.toString(o.sentAttempts()));
        row("SALE conversions / revenue", o.conversions() + " / " + ReportFormat.money(o.revenue()));
        row("Converted leads (any window)", Long.toString(o.convertedLeads()));
        row("Conversion of leads with a closed window", ReportFormat.rate(o.countedLeads()) + " "
                + interval(o.conversionInterval()));
        out.append("</table>");
    }

    private void findings(List<Insight> insights) {
        h2("Findings");
        p("note", "Only randomised comparisons judged by the always-valid sequential test may instruct; everything "
                + "else is an association and names what it could not separate.");
        if (insights.isEmpty()) {
            p("note", "No statistically supported finding yet.");
            return;
        }
        out.append("<ul>");
        for (Insight i : insights) {
            String tag = i.evidence() == Evidence.RANDOMIZED ? "randomised" : "association";
            out.append("<li><span class=\"tag ").append(tag).append("\">").append(tag).append("</span>")
                    .append(Html.escape(i.sentence())).append("</li>");
        }
        out.append("</ul>");
    }

    private void sequences(List<SequenceReport> sequences) {
        h2("Sequences");
        if (sequences.isEmpty()) {
            p("note", "No sequence was active in the range.");
        }
        for (SequenceReport s : sequences) {
            TimeToConversionReport t = s.timeToConversion();
            out.append("<h3>").append(Html.escape(s.name())).append("</h3>");
            p("note", String.format(Locale.ROOT, "Enrolled %d; converted by %s (opt-outs competing) %s %s; opted out "
                    + "by then %s; median time to conversion %s.", s.enrolled(), ReportCharts.hours(t.horizonHours()),
                    ReportFormat.percent(t.conversionIncidence()), bracket(t.conversionLower(), t.conversionUpper()),
                    ReportFormat.percent(t.optOutIncidence()), median(t)));
            out.append(ReportCharts.timeToConversion(s));
            out.append(ReportCharts.funnel(s));
        }
    }

    private void abTests(List<AbTestReport> tests) {
        h2("A/B tests (randomised; always-valid sequential test)");
        if (tests.isEmpty()) {
            p("note", "No A/B test in scope.");
        }
        for (AbTestReport t : tests) {
            out.append("<h3>").append(Html.escape(t.title() + " · " + t.channel() + " · " + t.status())).append("</h3>");
            tableHead("variant", t.kind() == TestKind.SCRIPT ? "script" : t.kind() == TestKind.DELAY ? "delay" : "window",
                    "converted leads", "95% CI");
            t.variants().forEach(v -> tr(v.name(), v.arm(), ReportFormat.rate(v.leads()), interval(v.interval())));
            out.append("</table>");
            for (VariantComparison c : t.comparisons()) {
                p("note", String.format(Locale.ROOT, "%s against %s: running minimum of the always-valid p %s over %d "
                        + "looks, %s at alpha %s.", c.variant(), c.control(), ReportFormat.number(c.runningMinimumP(), 4),
                        c.looks(), c.significant() ? "significant" : "not significant",
                        ReportFormat.number(c.alpha(), 4)));
                out.append(ReportCharts.confidenceSequence(t, c));
            }
            p("note", "Sample ratio: χ² " + ReportFormat.number(t.sampleRatio().chiSquare(), 2) + ", p "
                    + ReportFormat.number(t.sampleRatio().pValue(), 4)
                    + (t.sampleRatio().mismatch() ? ": MISMATCH, check the variant assignment." : ": ok."));
        }
    }

    private void leaderboard(List<LeaderboardEntry> entries) {
        h2("Leaderboard (observational)");
        p("note", "By the lower end of the 95 % interval of the cumulative incidence of conversion, opt-outs "
                + "competing; sequences whose intervals overlap share a rank.");
        if (entries.isEmpty()) {
            p("note", "No enrolments in the range.");
            return;
        }
        double max = entries.stream().mapToDouble(LeaderboardEntry::upperBound).max().orElse(0);
        tableHead("rank", "sequence", "enrolled", "converted by horizon", "95% interval", "", "opted out");
        for (LeaderboardEntry e : entries) {
            out.append("<tr><td>").append(e.rank()).append(e.tied() ? "=" : "").append("</td><td>")
                    .append(Html.escape(e.name())).append("</td><td class=\"n\">").append(e.enrolled())
                    .append("</td><td class=\"n\">").append(ReportFormat.percent(e.conversionIncidence()))
                    .append(" by ").append(ReportCharts.hours(e.horizonHours())).append("</td><td class=\"n\">")
                    .append(bracket(e.lowerBound(), e.upperBound())).append("</td><td>")
                    .append(ReportCharts.interval(e, max)).append("</td><td class=\"n\">")
                    .append(ReportFormat.percent(e.optOutIncidence())).append("</td></tr>");
        }
        out.append("</table>");
    }

    private void channels(List<ChannelStat> channels) {
        h2("Channels (observational)");
        tableHead("channel", "sent", "credited / counted attempts", "95% CI", "failed", "leads converted", "95% CI");
        for (ChannelStat c : channels) {
            tr(c.channel().name(), Long.toString(c.sentAttempts()), ReportFormat.rate(c.attempts()),
                    interval(WilsonInterval.of(c.attempts())), Long.toString(c.failedAttempts()),
                    ReportFormat.rate(c.leads()), interval(c.leadInterval()));
        }
        out.append("</table>");
    }

    private void campaigns(List<CampaignSummary> campaigns) {
        h2("Campaigns");
        tableHead("campaign", "leads converted", "95% CI", "sent", "SALE conversions", "revenue");
        for (CampaignSummary c : campaigns) {
            tr(c.name(), ReportFormat.rate(c.leads()), interval(c.interval()), Long.toString(c.sentAttempts()),
                    Long.toString(c.conversions()), ReportFormat.money(c.revenue()));
        }
        out.append("</table>");
    }

    private void words(List<ChannelPhrases> words) {
        h2("Words and phrases (observational, outside A/B tests)");
        for (ChannelPhrases w : words) {
            p("note", w.channel() + ": " + ReportFormat.rate(w.phrases().messages()) + " messages converted; "
                    + w.findings().size() + " distinct findings; " + w.abTestMessages()
                    + " messages of A/B tests left to the A/B section.");
            List<PhraseFinding> top = w.findings().stream().limit(LearningReportPrinter.TOP_PHRASES).toList();
            if (top.isEmpty()) {
                continue;
            }
            tableHead("phrase", "with", "without", "q", "same messages");
            for (PhraseFinding f : top) {
                PhraseStat p = f.phrase();
                tr(PhraseFinding.label(p), ReportFormat.rate(p.with()), ReportFormat.rate(p.without()),
                        ReportFormat.number(p.qValue(), 4), String.join(", ", f.samePhrases()));
            }
            out.append("</table>");
        }
    }

    private static String median(TimeToConversionReport t) {
        if (t.median().isEmpty()) {
            return "not reached by " + ReportCharts.hours(t.horizonHours());
        }
        return ReportFormat.number(t.median().getAsDouble(), 1) + "h (95% CI "
                + t.medianLower().stream().mapToObj(h -> ReportFormat.number(h, 1) + "h").findFirst().orElse("?")
                + " to " + t.medianUpper().stream().mapToObj(h -> ReportFormat.number(h, 1) + "h").findFirst()
                .orElse("beyond the horizon") + ")";
    }

    private static String interval(WilsonInterval interval) {
        return bracket(interval.lower(), interval.upper());
    }

    private static String bracket(double lower, double upper) {
        return "[" + ReportFormat.percent(lower) + ", " + ReportFormat.percent(upper) + "]";
    }

    private void h2(String title) {
        out.append("<h2>").append(Html.escape(title)).append("</h2>");
    }

    private void p(String cssClass, String text) {
        out.append("<p class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</p>");
    }

    /** Opens a table with a header row of {@code names}. */
    private void tableHead(String... names) {
        out.append("<table><tr>");
        for (String name : names) {
            out.append("<th>").append(Html.escape(name)).append("</th>");
        }
        out.append("</tr>");
    }

    /** A table row: a label, then values aligned as numbers; all escaped. */
    private void tr(String label, String... values) {
        out.append("<tr><td>").append(Html.escape(label)).append("</td>");
        for (String value : values) {
            out.append("<td class=\"n\">").append(Html.escape(value)).append("</td>");
        }
        out.append("</tr>");
    }

    private void row(String label, String value) {
        out.append("<tr><th>").append(Html.escape(label)).append("</th><td class=\"n\">").append(Html.escape(value))
                .append("</td></tr>");
    }
}
