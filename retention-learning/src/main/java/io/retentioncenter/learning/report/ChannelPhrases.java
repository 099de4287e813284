package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.phrase.PhraseReport;
import java.util.List;

/**
 * Word and phrase performance of the messages sent on one channel outside A/B tests (subject and
 * body of each counted attempt, converted by the attribution rule). Messages of an A/B test are left
 * out: a phrase that differs between its arms is that test, judged in the A/B section by the
 * sequential test.
 *
 * @param channel the channel
 * @param phrases the phrase analysis: unigrams, bigrams and trigrams anywhere, in the opening and
 *     in the closing, and conversion by message length
 * @param abTestMessages counted messages of the channel left out because they belong to an A/B test
 * @param findings the tested phrases collapsed into distinct differences, best Wilson lower bound first
 */
public record ChannelPhrases(Channel channel, PhraseReport phrases, long abTestMessages, List<PhraseFinding> findings) {

    /** Validates and copies. */
    public ChannelPhrases {
        Require.present(channel, "channel");
        Require.present(phrases, "phrases");
        findings = List.copyOf(Require.present(findings, "findings"));
    }

    /** The findings with a q-value at or below {@code significance}, smallest q first. */
    public List<PhraseFinding> discoveries(double significance) {
        return findings.stream().filter(f -> f.phrase().qValue() <= significance)
                .sorted(java.util.Comparator.comparingDouble(f -> f.phrase().qValue())).toList();
    }
}
