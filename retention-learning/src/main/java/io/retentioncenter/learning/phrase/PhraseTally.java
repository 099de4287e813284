package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates messages for one {@link PhraseAnalyzer} report without keeping the messages: only
 * the counts per phrase and per length bucket grow, so memory is bounded by the vocabulary. A
 * batch of identical messages (attempts of one script share their text) is tokenized once. Not
 * thread-safe: feed it from one thread, then call {@link #report()}.
 */
public final class PhraseTally {
    private final PhraseAnalyzer analyzer;
    private final int maxWords;
    private final int window;
    private final int[] lengthBucketStarts;
    private final Map<PhraseFeature, long[]> phraseCounts = new HashMap<>();
    private final long[][] bucketCounts;
    private long messages;
    private long conversions;

    PhraseTally(PhraseAnalyzer analyzer, int maxWords, int window, int[] lengthBucketStarts) {
        this.analyzer = analyzer;
        this.maxWords = maxWords;
        this.window = window;
        this.lengthBucketStarts = lengthBucketStarts;
        this.bucketCounts = new long[lengthBucketStarts.length][2];
    }

    /** Adds one message and whether its lead converted. */
    public void add(String text, boolean converted) {
        add(text, 1, converted ? 1 : 0);
    }

    /**
     * Adds {@code count} messages that all have {@code text}, {@code converted} of which converted.
     *
     * @throws ValidationException when the counts are negative or {@code converted > count}
     */
    public void add(String text, long count, long converted) {
        Require.present(text, "text");
        if (count < 0 || converted < 0 || converted > count) {
            throw new ValidationException("converted", "need 0 <= converted <= count, got " + converted + "/" + count);
        }
        if (count == 0) {
            return;
        }
        messages += count;
        conversions += converted;
        List<List<String>> sentences = MessageTokenizer.sentences(text);
        for (PhraseFeature feature : PhraseFeature.of(sentences, maxWords, window)) {
            long[] counts = phraseCounts.computeIfAbsent(feature, f -> new long[2]);
            counts[0] += count;
            counts[1] += converted;
        }
        long[] bucket = bucketCounts[bucketOf(sentences.stream().mapToInt(List::size).sum())];
        bucket[0] += count;
        bucket[1] += converted;
    }

    /** The report over every message added so far. */
    public PhraseReport report() {
        Proportion all = new Proportion(conversions, messages);
        return new PhraseReport(all, analyzer.phrases(phraseCounts, all), analyzer.lengthBuckets(bucketCounts));
    }

    private int bucketOf(int tokens) {
        int bucket = 0;
        while (bucket + 1 < lengthBucketStarts.length && tokens >= lengthBucketStarts[bucket + 1]) {
            bucket++;
        }
        return bucket;
    }
}
