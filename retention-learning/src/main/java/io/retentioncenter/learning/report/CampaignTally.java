package io.retentioncenter.learning.report;

import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.time.ZoneId;

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

    CampaignTally(String campaignId, String name, ZoneId zone) {
        this.campaignId = campaignId;
        this.name = name;
        this.zone = zone;
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
