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
 * @param attempts attributed conversions out of sent attempts on the channel
 * @param failedAttempts attempts on the channel that failed
 * @param leads contacted leads on the channel that then converted (an attributed sale after one of
 *     its attempts on this channel), out of leads contacted on the channel
 * @param leadConversionRate {@code leads.rate()}
 * @param leadInterval Wilson interval of the lead conversion rate
 * @param creditedConversions SALE conversions the tracker credited to an attempt on this channel
 * @param creditedRevenue their revenue
 */
public record ChannelStat(
        Channel channel,
        Proportion attempts,
        long failedAttempts,
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
