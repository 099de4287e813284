package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;

/**
 * A count of successes out of trials, e.g. conversions out of leads.
 *
 * @param successes number of successes, {@code 0 <= successes <= trials}
 * @param trials number of trials, not negative
 */
public record Proportion(long successes, long trials) {

    /** Validates {@code 0 <= successes <= trials}. */
    public Proportion {
        if (trials < 0) {
            throw new ValidationException("trials", "must not be negative, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new ValidationException("successes", "need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }

    /** Number of trials that did not succeed. */
    public long failures() {
        return trials - successes;
    }

    /** The observed rate {@code successes / trials}; 0 when there are no trials. */
    public double rate() {
        return trials == 0 ? 0.0 : (double) successes / trials;
    }

    /** Whether there is at least one success and at least one failure. */
    public boolean hasBothOutcomes() {
        return successes > 0 && successes < trials;
    }
}
