package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.TestMethod;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.OptionalDouble;

/**
 * How messages with a phrase converted compared with messages without it.
 *
 * @param phrase the phrase, lower-case words joined by single spaces
 * @param words number of words (1 unigram, 2 bigram, 3 trigram)
 * @param position where in the message the phrase was looked for
 * @param with conversions out of messages containing the phrase
 * @param without conversions out of messages not containing it
 * @param rateWith conversion rate of messages with the phrase
 * @param rateWithout conversion rate of messages without it
 * @param lift rateWith / rateWithout; empty when no message without the phrase converted
 * @param method the test used for the 2×2 table
 * @param pValue two-sided p-value of that test
 * @param qValue Benjamini–Hochberg q-value over every phrase tested in the same analysis
 * @param withInterval Wilson interval of {@code rateWith}; phrases are ranked by its lower bound
 */
public record PhraseStat(
        String phrase,
        int words,
        PhrasePosition position,
        Proportion with,
        Proportion without,
        double rateWith,
        double rateWithout,
        OptionalDouble lift,
        TestMethod method,
        double pValue,
        double qValue,
        WilsonInterval withInterval) {

    /** Validates. */
    public PhraseStat {
        Require.text(phrase, "phrase");
        Require.positive(words, "words");
        Require.present(position, "position");
        Require.present(with, "with");
        Require.present(without, "without");
        Require.present(lift, "lift");
        Require.present(method, "method");
        Require.present(withInterval, "withInterval");
    }
}
