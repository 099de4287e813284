package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.BenjaminiHochberg;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.ProportionTest;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Word and phrase performance over many messages at once. Each message counts a
 * phrase once, however often it repeats it. For every unigram, bigram and trigram, anywhere and in
 * the opening and closing windows, that occurs in at least {@code minSupport} messages and is missing
 * from at least one: the 2×2 table with / without × converted / not, tested by
 * {@link ProportionTest#compare} (Fisher's exact test for small expected cells, else the pooled
 * z-test), lift, Benjamini–Hochberg q-values over all phrases tested, and the Wilson interval of the
 * rate with the phrase, by whose lower bound the phrases are ranked. Also reports conversion by
 * message length. Pure: works on the facts it is given, in one pass plus the tests.
 */
public final class PhraseAnalyzer {
    private final int minSupport;
    private final int maxWords;
    private final int window;
    private final double confidence;
    private final int[] lengthBucketStarts;

    private PhraseAnalyzer(Builder builder) {
        this.minSupport = builder.minSupport;
        this.maxWords = builder.maxWords;
        this.window = builder.window;
        this.confidence = builder.confidence;
        this.lengthBucketStarts = builder.lengthBucketStarts.clone();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An empty accumulator for one report, to feed messages one at a time (or batches of identical
     * messages) instead of holding them all in a list.
     */
    public PhraseTally newTally() {
        return new PhraseTally(this, maxWords, window, lengthBucketStarts);
    }

    /** Analyses all {@code facts} together. */
    public PhraseReport analyze(List<MessageFact> facts) {
        requireFacts(facts);
        PhraseTally tally = newTally();
        for (MessageFact fact : facts) {
            tally.add(fact.text(), fact.converted());
        }
        return tally.report();
    }

    /** Analyses the facts of each channel separately; channels without facts are absent. */
    public Map<Channel, PhraseReport> analyzeByChannel(List<MessageFact> facts) {
        requireFacts(facts);
        Map<Channel, PhraseTally> byChannel = new EnumMap<>(Channel.class);
        for (MessageFact fact : facts) {
            byChannel.computeIfAbsent(fact.channel(), c -> newTally()).add(fact.text(), fact.converted());
        }
        Map<Channel, PhraseReport> reports = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, tally) -> reports.put(channel, tally.report()));
        return reports;
    }

    private static void requireFacts(List<MessageFact> facts) {
        Require.present(facts, "facts");
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == null) {
                throw new ValidationException("facts[" + i + "]", "is required");
            }
        }
    }

    /** The tested phrases of one report, ranked; {@code phraseCounts} maps a feature to {messages, conversions}. */
    List<PhraseStat> phrases(Map<PhraseFeature, long[]> phraseCounts, Proportion all) {
        List<PhraseFeature> tested = new ArrayList<>();
        List<ProportionTest> tests = new ArrayList<>();
        for (Map.Entry<PhraseFeature, long[]> entry : phraseCounts.entrySet()) {
            long[] counts = entry.getValue();
            if (counts[0] >= minSupport && counts[0] < all.trials()) {
                tested.add(entry.getKey());
                tests.add(ProportionTest.compare(without(counts, all), new Proportion(counts[1], counts[0])));
            }
        }
        double[] qValues = BenjaminiHochberg.qValues(tests.stream().mapToDouble(ProportionTest::pValue).toArray());
        List<PhraseStat> stats = new ArrayList<>(tested.size());
        for (int i = 0; i < tested.size(); i++) {
            PhraseFeature feature = tested.get(i);
            long[] counts = phraseCounts.get(feature);
            Proportion with = new Proportion(counts[1], counts[0]);
            Proportion without = without(counts, all);
            OptionalDouble lift = without.successes() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(with.rate() / without.rate());
            stats.add(new PhraseStat(feature.phrase(), feature.words(), feature.position(), with, without,
                    with.rate(), without.rate(), lift, tests.get(i).method(), tests.get(i).pValue(), qValues[i],
                    WilsonInterval.of(with, confidence)));
        }
        stats.sort(Comparator.comparingDouble((PhraseStat s) -> s.withInterval().lower()).reversed()
                .thenComparing(PhraseStat::phrase)
                .thenComparing(PhraseStat::position));
        return stats;
    }

    private static Proportion without(long[] counts, Proportion all) {
        return new Proportion(all.successes() - counts[1], all.trials() - counts[0]);
    }

    /** The length buckets of one report from {messages, conversions} per bucket. */
    List<LengthBucketStat> lengthBuckets(long[][] bucketCounts) {
        List<LengthBucketStat> buckets = new ArrayList<>(bucketCounts.length);
        for (int b = 0; b < bucketCounts.length; b++) {
            Proportion messages = new Proportion(bucketCounts[b][1], bucketCounts[b][0]);
            OptionalInt maxTokens = b + 1 < lengthBucketStarts.length
                    ? OptionalInt.of(lengthBucketStarts[b + 1] - 1) : OptionalInt.empty();
            buckets.add(new LengthBucketStat(lengthBucketStarts[b], maxTokens, messages, messages.rate(),
                    WilsonInterval.of(messages, confidence)));
        }
        return buckets;
    }

    /** Configures a {@link PhraseAnalyzer}. */
    public static final class Builder {
        private int minSupport = 20;
        private int maxWords = 3;
        private int window = 8;
        private double confidence = WilsonInterval.DEFAULT_CONFIDENCE;
        private int[] lengthBucketStarts = {0, 20, 50, 100, 200};

        private Builder() {
        }

        /** Fewest messages that must contain a phrase before it is tested (default 20). */
        public Builder minSupport(int minSupport) {
            this.minSupport = minSupport;
            return this;
        }

        /** Longest phrase in words, 1 to 3 (default 3: unigrams, bigrams and trigrams). */
        public Builder maxWords(int maxWords) {
            this.maxWords = maxWords;
            return this;
        }

        /** Tokens in the opening and closing windows (default 8). */
        public Builder positionWindow(int window) {
            this.window = window;
            return this;
        }

        /** Confidence level of the Wilson intervals (default 0.95). */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /**
         * Smallest token count of each length bucket, starting at 0 and strictly increasing (default
         * 0, 20, 50, 100, 200: buckets 0–19, 20–49, 50–99, 100–199 and 200 or more).
         */
        public Builder lengthBucketStarts(int... starts) {
            this.lengthBucketStarts = starts == null ? new int[0] : starts.clone();
            return this;
        }

        /**
         * Builds the analyzer.
         *
         * @throws ConfigurationException when a setting is out of range
         */
        public PhraseAnalyzer build() {
            if (minSupport < 1) {
                throw new ConfigurationException("minSupport must be at least 1, was " + minSupport);
            }
            if (maxWords < 1 || maxWords > 3) {
                throw new ConfigurationException("maxWords must be 1, 2 or 3, was " + maxWords);
            }
            if (window < 1) {
                throw new ConfigurationException("positionWindow must be at least 1, was " + window);
            }
            if (!(confidence > 0.0 && confidence < 1.0)) {
                throw new ConfigurationException("confidence must be strictly between 0 and 1, was " + confidence);
            }
            if (lengthBucketStarts.length == 0 || lengthBucketStarts[0] != 0) {
                throw new ConfigurationException("lengthBucketStarts must start at 0, was "
                        + Arrays.toString(lengthBucketStarts));
            }
            for (int i = 1; i < lengthBucketStarts.length; i++) {
                if (lengthBucketStarts[i] <= lengthBucketStarts[i - 1]) {
                    throw new ConfigurationException("lengthBucketStarts must be strictly increasing, was "
                            + Arrays.toString(lengthBucketStarts));
                }
            }
            return new PhraseAnalyzer(this);
        }
    }
}
