package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;

/**
 * One campaign in the cross-campaign aggregation.
 *
 * @param campaignId the campaign
 * @param name its name (the id when the campaign no longer exists)
 * @param leads leads converted by an attempt of this campaign whose window has closed, out of leads with
 *     such an attempt
 * @param conversionRate {@code leads.rate()}
 * @param interval Wilson interval of the rate
 * @param sentAttempts sent attempts of the campaign
 * @param conversions SALE conversions of the campaign in the range
 * @param revenue their revenue
 */
public record CampaignSummary(String campaignId, String name, Proportion leads, double conversionRate,
        WilsonInterval interval, long sentAttempts, long conversions, BigDecimal revenue) {

    /** Validates. */
    public CampaignSummary {
        Require.text(campaignId, "campaignId");
        Require.text(name, "name");
        Require.present(leads, "leads");
        Require.present(interval, "interval");
        Require.present(revenue, "revenue");
    }
}
