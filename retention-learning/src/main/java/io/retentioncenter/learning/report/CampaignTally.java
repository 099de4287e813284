package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.heatmap.HeatmapTally;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;

/** Counts of one campaign: sends, contacted and converted leads, conversions and revenue. */
final class CampaignTally {
    final String campaignId;
    final String name;
    /** The zone of the campaign's schedule, the local time of leads without a time zone. */
    final ZoneId zone;
    long sentAttempts;
    long countedLeads;
    long convertedLeads;
    long conversions;
    BigDecimal revenue = BigDecimal.ZERO;
    /** Per channel and step (0 for attempts outside a sequence): the heatmap time comparisons are stratified by. */
    private final HeatmapTally[][] strata = new HeatmapTally[Channel.values().length][];

    CampaignTally(String campaignId, String name, ZoneId zone) {
        this.campaignId = campaignId;
        this.name = name;
        this.zone = zone;
    }

    /** The stratum of {@code channel} and {@code step}; {@code created} learns of each new one. */
    HeatmapTally stratum(Channel channel, int step, Consumer<HeatmapTally> created) {
        HeatmapTally[] steps = strata[channel.ordinal()];
        if (steps == null || steps.length <= step) {
            steps = steps == null ? new HeatmapTally[step + 1] : Arrays.copyOf(steps, step + 1);
            strata[channel.ordinal()] = steps;
        }
        if (steps[step] == null) {
            steps[step] = new HeatmapTally();
            created.accept(steps[step]);
        }
        return steps[step];
    }

    /** Whether anything happened in the campaign during the range. */
    boolean isActive() {
        return sentAttempts > 0 || countedLeads > 0 || conversions > 0;
    }

    /** The campaign's summary. */
    CampaignSummary summary() {
        Proportion leads = new Proportion(convertedLeads, countedLeads);
        return new CampaignSummary(campaignId, name, leads, leads.rate(), WilsonInterval.of(leads), sentAttempts,
                conversions, revenue);
    }
}
