package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.Optional;

/**
 * One arm of an A/B test.
 *
 * @param name the variant's name
 * @param arm what the arm does: its script id, delay ("12 h") or send window ("09:00–12:00")
 * @param scriptId the script it sends, for a script test
 * @param weight its planned share of traffic
 * @param leads converted leads out of exposed leads, as the store counts them
 * @param rate the conversion rate, 0 when nobody was exposed
 * @param interval Wilson interval of the rate
 */
public record VariantStat(String name, String arm, Optional<String> scriptId, int weight, Proportion leads, double rate,
        WilsonInterval interval) {

    /** Validates. */
    public VariantStat {
        Require.text(name, "name");
        Require.text(arm, "arm");
        Require.present(scriptId, "scriptId");
        Require.present(leads, "leads");
        Require.present(interval, "interval");
    }
}
