package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;

/**
 * One arm of an A/B test.
 *
 * @param name the variant's name
 * @param scriptId the script it sends
 * @param weight its planned share of traffic
 * @param leads converted leads out of exposed leads, as the store counts them
 * @param rate the conversion rate, 0 when nobody was exposed
 * @param interval Wilson interval of the rate
 */
public record VariantStat(String name, String scriptId, int weight, Proportion leads, double rate,
        WilsonInterval interval) {

    /** Validates. */
    public VariantStat {
        Require.text(name, "name");
        Require.text(scriptId, "scriptId");
        Require.present(leads, "leads");
        Require.present(interval, "interval");
    }
}
