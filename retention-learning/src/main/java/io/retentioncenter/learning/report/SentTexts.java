package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.phrase.PhraseAnalyzer;
import io.retentioncenter.learning.phrase.PhraseReport;
import io.retentioncenter.learning.phrase.PhraseTally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of counted attempts outside A/B tests per channel, counted per distinct (subject, body) so that each distinct
 * text is tokenized once however many attempts share it. When a channel holds more distinct texts
 * than {@link #FLUSH_THRESHOLD} (heavily personalised messages), the counts are folded into the
 * phrase tally and the texts forgotten, which keeps memory bounded.
 */
final class SentTexts {
    /** Distinct texts kept per channel before they are folded into the phrase counts. */
    static final int FLUSH_THRESHOLD = 20_000;

    private final PhraseAnalyzer analyzer;
    private final Map<Channel, Map<Text, long[]>> pending = new EnumMap<>(Channel.class);
    private final Map<Channel, PhraseTally> tallies = new EnumMap<>(Channel.class);
    private final Map<Channel, long[]> inAbTests = new EnumMap<>(Channel.class);
    private long tokenized;

    SentTexts(PhraseAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Counts one sent message. */
    void add(Channel channel, Optional<String> subject, String body, boolean converted) {
        Map<Text, long[]> texts = pending.get(channel);
        if (texts == null) {
            texts = new HashMap<>();
            pending.put(channel, texts);
        }
        Text key = new Text(subject, body);
        long[] counts = texts.get(key);
        if (counts == null) {
            if (texts.size() >= FLUSH_THRESHOLD) {
                fold(channel, texts);
            }
            counts = new long[2];
            texts.put(key, counts);
        }
        counts[0]++;
        if (converted) {
            counts[1]++;
        }
    }

    /** Counts one message left out because it belongs to an A/B test. */
    void inAbTest(Channel channel) {
        inAbTests.computeIfAbsent(channel, c -> new long[1])[0]++;
    }

    /** The phrase report of every channel with counted messages, in channel order. */
    List<ChannelPhrases> reports() {
        pending.forEach(this::fold);
        inAbTests.keySet().forEach(channel -> tallies.computeIfAbsent(channel, c -> analyzer.newTally()));
        List<ChannelPhrases> reports = new ArrayList<>();
        tallies.forEach((channel, tally) -> {
            PhraseReport report = tally.report();
            reports.add(new ChannelPhrases(channel, report, inAbTests.getOrDefault(channel, new long[1])[0],
                    PhraseFinding.collapse(report.phrases())));
        });
        return reports;
    }

    /** Number of texts tokenized so far. */
    long tokenized() {
        return tokenized;
    }

    private void fold(Channel channel, Map<Text, long[]> texts) {
        PhraseTally tally = tallies.computeIfAbsent(channel, c -> analyzer.newTally());
        texts.forEach((text, counts) -> tally.add(text.joined(), counts[0], counts[1]));
        tokenized += texts.size();
        texts.clear();
    }

    /** A message's subject and body; the subject reads as a sentence of its own. */
    private record Text(Optional<String> subject, String body) {
        String joined() {
            return subject.map(s -> s + "\n" + body).orElse(body);
        }
    }
}
