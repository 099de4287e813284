package io.retentioncenter.core.experiment;

import io.retentioncenter.core.internal.Require;

/**
 * One arm of an A/B test.
 *
 * @param name short label, e.g. "A"
 * @param scriptId the script this arm sends
 * @param weight relative share of traffic, positive
 */
public record Variant(String name, String scriptId, int weight) {
    /** Validates. */
    public Variant {
        name = Require.text(name, "variant.name");
        scriptId = Require.text(scriptId, "variant.scriptId");
        Require.positive(weight, "variant.weight");
    }
}
