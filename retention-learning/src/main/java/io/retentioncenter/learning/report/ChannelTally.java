package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;

/** Counts of one channel. */
final class ChannelTally {
    final Channel channel;
    long sentAttempts;
    long countedAttempts;
    long convertedAttempts;
    long failedAttempts;
    long contactedLeads;
    long countedLeads;
    long convertedLeads;
    long creditedConversions;
    BigDecimal creditedRevenue = BigDecimal.ZERO;

    ChannelTally(Channel channel) {
        this.channel = channel;
    }

    /** Whether the channel did anything during the range. */
    boolean isActive() {
        return sentAttempts > 0 || failedAttempts > 0 || creditedConversions > 0;
    }

    /** The channel's statistics. */
    ChannelStat stat() {
        Proportion leads = new Proportion(convertedLeads, countedLeads);
        return new ChannelStat(channel, sentAttempts, new Proportion(convertedAttempts, countedAttempts), failedAttempts,
                contactedLeads, leads,
                leads.rate(), WilsonInterval.of(leads), creditedConversions, creditedRevenue);
    }
}
