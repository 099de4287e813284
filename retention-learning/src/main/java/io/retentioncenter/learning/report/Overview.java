package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The headline numbers of a report.
 *
 * @param leads leads in the scope (see {@link LeadFunnel})
 * @param contactedLeads leads with at least one sent attempt
 * @param sentAttempts attempts the providers accepted
 * @param conversions SALE conversions in the scope that occurred in the range
 * @param revenue their revenue, summed as reported (currencies are not converted)
 * @param convertedLeads contacted leads with an attributed sale
 * @param conversionRate {@code convertedLeads / contactedLeads}, 0 without contacted leads
 * @param conversionInterval Wilson interval of the conversion rate
 * @param bestChannel the channel with the highest Wilson lower bound of its lead conversion rate;
 *     empty when no channel converted anyone
 */
public record Overview(
        long leads,
        long contactedLeads,
        long sentAttempts,
        long conversions,
        BigDecimal revenue,
        long convertedLeads,
        double conversionRate,
        WilsonInterval conversionInterval,
        Optional<Channel> bestChannel) {

    /** Validates. */
    public Overview {
        Require.present(revenue, "revenue");
        Require.present(conversionInterval, "conversionInterval");
        Require.present(bestChannel, "bestChannel");
    }
}
