package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.util.List;

/**
 * The result of a {@link PhraseAnalyzer} run.
 *
 * @param messages conversions out of all messages analysed
 * @param phrases every phrase tested, best first by the Wilson lower bound of its conversion rate
 * @param lengthBuckets conversion by message length, shortest bucket first
 */
public record PhraseReport(Proportion messages, List<PhraseStat> phrases, List<LengthBucketStat> lengthBuckets) {

    /** Validates and copies. */
    public PhraseReport {
        Require.present(messages, "messages");
        phrases = List.copyOf(Require.present(phrases, "phrases"));
        lengthBuckets = List.copyOf(Require.present(lengthBuckets, "lengthBuckets"));
    }

    /** The phrases whose q-value is at most {@code maxQValue}, e.g. 0.05, in ranking order. */
    public List<PhraseStat> discoveries(double maxQValue) {
        return phrases.stream().filter(p -> p.qValue() <= maxQValue).toList();
    }
}
