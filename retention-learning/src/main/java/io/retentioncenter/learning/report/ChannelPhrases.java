package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.phrase.PhraseReport;

/**
 * Word and phrase performance of the messages sent on one channel (subject and body of each sent
 * attempt, converted by the attribution rule).
 *
 * @param channel the channel
 * @param phrases the phrase analysis: unigrams, bigrams and trigrams anywhere, in the opening and
 *     in the closing, and conversion by message length
 */
public record ChannelPhrases(Channel channel, PhraseReport phrases) {

    /** Validates. */
    public ChannelPhrases {
        Require.present(channel, "channel");
        Require.present(phrases, "phrases");
    }
}
