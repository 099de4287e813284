package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ValidationException;

/**
 * Exposure and conversions of one A/B arm: distinct leads that received the variant and how many of
 * them converted.
 *
 * @param exposed distinct leads that received the variant
 * @param converted of those, leads with a sale
 */
public record ArmCounts(long exposed, long converted) {
    /** Validates {@code 0 <= converted <= exposed}. */
    public ArmCounts {
        if (exposed < 0 || converted < 0 || converted > exposed) {
            throw new ValidationException("armCounts", "need 0 <= converted <= exposed, got " + converted + "/" + exposed);
        }
    }
}
