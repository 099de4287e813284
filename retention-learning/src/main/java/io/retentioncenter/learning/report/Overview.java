package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;

/**
 * The headline numbers of a report.
 *
 * @param leads leads in the scope (see {@link LeadFunnel})
 * @param contactedLeads leads with at least one sent attempt
 * @param sentAttempts attempts the providers accepted
 * @param conversions SALE conversions in the scope that occurred in the range
 * @param revenue their revenue, summed as reported (currencies are not converted)
 * @param convertedLeads contacted leads with a sale credited to one of their attempts
 * @param countedLeads of the contacted leads, those with an attempt whose window has closed (the
 *     trials), and those converted by such an attempt (the successes)
 * @param conversionRate {@code countedLeads.rate()}
 * @param conversionInterval Wilson interval of the conversion rate
 */
public record Overview(
        long leads,
        long contactedLeads,
        long sentAttempts,
        long conversions,
        BigDecimal revenue,
        long convertedLeads,
        Proportion countedLeads,
        double conversionRate,
        WilsonInterval conversionInterval) {

    /** Validates. */
    public Overview {
        Require.present(revenue, "revenue");
        Require.present(countedLeads, "countedLeads");
        Require.present(conversionInterval, "conversionInterval");
    }
}
