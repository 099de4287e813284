package io.retentioncenter.core.campaign;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;

/**
 * One channel's share of a campaign's results.
 *
 * @param attempts attempts of the campaign on the channel that reached the provider
 *     ({@link CampaignStats#CONTACTED})
 * @param contactedLeads distinct leads those attempts went to
 * @param conversions SALE conversions credited to the channel
 * @param revenue revenue of those conversions
 */
public record ChannelStats(long attempts, long contactedLeads, long conversions, BigDecimal revenue) {
    /** Validates. */
    public ChannelStats {
        Require.present(revenue, "revenue");
    }
}
