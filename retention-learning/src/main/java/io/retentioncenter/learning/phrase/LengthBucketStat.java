package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.OptionalInt;

/**
 * Conversion of messages whose length in tokens falls in one bucket.
 *
 * @param minTokens smallest length in the bucket
 * @param maxTokens largest length in the bucket; empty for the open-ended last bucket
 * @param messages conversions out of messages in the bucket
 * @param rate conversion rate, 0 for an empty bucket
 * @param interval Wilson interval of the rate ([0, 1] for an empty bucket)
 */
public record LengthBucketStat(int minTokens, OptionalInt maxTokens, Proportion messages, double rate, WilsonInterval interval) {

    /** Validates. */
    public LengthBucketStat {
        Require.nonNegative(minTokens, "minTokens");
        Require.present(maxTokens, "maxTokens");
        Require.present(messages, "messages");
        Require.present(interval, "interval");
    }
}
