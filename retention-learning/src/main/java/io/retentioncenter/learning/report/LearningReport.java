package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.heatmap.Heatmap;
import java.time.Instant;
import java.util.List;

/**
 * Everything the Learning page shows, computed from the store's facts in one streaming pass. Every
 * part is a plain record without nulls or NaN, ready to serialize.
 *
 * @param query what was asked
 * @param generatedAt when the report was computed
 * @param observedUntil the end of observation: the earlier of the range's end and {@code generatedAt};
 *     running enrollments are censored here
 * @param attribution the attribution rule applied
 * @param overview conversions, revenue, conversion rate, best channel
 * @param channels per-channel performance, in channel order; channels without activity are absent
 * @param words word and phrase performance per channel
 * @param insights statistically supported findings in words, each with its numbers
 * @param funnel leads → contacted → responded → converted → revenue
 * @param heatmap day × hour conversion of sent attempts in the lead's local time
 * @param abTests the A/B tests of the scope
 * @param sequences per-sequence metrics over the enrollments of the range
 * @param leaderboard the sequences ranked across campaigns
 * @param campaigns per-campaign aggregation
 * @param suggestions per channel: phrases to include and avoid, best send times, a drafted script
 * @param operations operational figures of the whole scope
 * @param scan what was read to compute the report
 */
public record LearningReport(
        ReportQuery query,
        Instant generatedAt,
        Instant observedUntil,
        Attribution attribution,
        Overview overview,
        List<ChannelStat> channels,
        List<ChannelPhrases> words,
        List<Insight> insights,
        LeadFunnel funnel,
        Heatmap heatmap,
        List<AbTestReport> abTests,
        List<SequenceReport> sequences,
        List<LeaderboardEntry> leaderboard,
        List<CampaignSummary> campaigns,
        List<ChannelSuggestions> suggestions,
        OperationalStats operations,
        ScanSummary scan) {

    /** Validates and copies. */
    public LearningReport {
        Require.present(query, "query");
        Require.present(generatedAt, "generatedAt");
        Require.present(observedUntil, "observedUntil");
        Require.present(attribution, "attribution");
        Require.present(overview, "overview");
        channels = List.copyOf(Require.present(channels, "channels"));
        words = List.copyOf(Require.present(words, "words"));
        insights = List.copyOf(Require.present(insights, "insights"));
        Require.present(funnel, "funnel");
        Require.present(heatmap, "heatmap");
        abTests = List.copyOf(Require.present(abTests, "abTests"));
        sequences = List.copyOf(Require.present(sequences, "sequences"));
        leaderboard = List.copyOf(Require.present(leaderboard, "leaderboard"));
        campaigns = List.copyOf(Require.present(campaigns, "campaigns"));
        suggestions = List.copyOf(Require.present(suggestions, "suggestions"));
        Require.present(operations, "operations");
        Require.present(scan, "scan");
    }

    /** The report as readable plain text, see {@link LearningReportPrinter}. */
    public String toText() {
        return LearningReportPrinter.print(this);
    }

    /** The report as a self-contained HTML page with pictures, see {@link LearningReportHtml}. */
    public String toHtml() {
        return LearningReportHtml.render(this);
    }

    /** The report as JSON, see {@link LearningReportJson}. */
    public String toJson() {
        return LearningReportJson.write(this);
    }
}
