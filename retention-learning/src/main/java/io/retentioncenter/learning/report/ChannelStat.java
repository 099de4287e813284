package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;

/**
 * How one channel performed.
 *
 * @param channel the channel
 * @param sentAttempts attempts on the channel the providers accepted
 * @param attempts attempts credited with a sale, out of sent attempts whose window has closed or
 *     that were credited
 * @param failedAttempts attempts on the channel that failed
 * @param contactedLeads leads with a sent attempt on the channel
 * @param leads leads with a credited attempt on the channel, out of those of {@code contactedLeads}
 *     with an attempt on the channel whose window has closed or that was credited
 * @param leadConversionRate {@code leads.rate()}
 * @param leadInterval Wilson interval of the lead conversion rate
 * @param creditedConversions SALE conversions the tracker credited to an attempt on this channel
 * @param creditedRevenue their revenue
 */
public record ChannelStat(
        Channel channel,
        long sentAttempts,
        Proportion attempts,
        long failedAttempts,
        long contactedLeads,
        Proportion leads,
        double leadConversionRate,
        WilsonInterval leadInterval,
        long creditedConversions,
        BigDecimal creditedRevenue) {

    /** Validates. */
    public ChannelStat {
        Require.present(channel, "channel");
        Require.present(attempts, "attempts");
        Require.present(leads, "leads");
        Require.present(leadInterval, "leadInterval");
        Require.present(creditedRevenue, "creditedRevenue");
    }
}
