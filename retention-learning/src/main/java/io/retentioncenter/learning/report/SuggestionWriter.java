package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.heatmap.Heatmap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per channel, the phrase findings that pass the query's significance, split by direction, and the
 * send slots with the highest shrunk rate: candidates for an A/B test, stated as associations.
 */
final class SuggestionWriter {
    /** Most findings listed per direction. */
    static final int MAX_PHRASES = 10;
    /** Most send slots listed. */
    static final int BEST_SLOTS = 3;

    private final double significance;

    SuggestionWriter(double significance) {
        this.significance = significance;
    }

    /** The suggestions of every channel with a phrase analysis, in channel order. */
    List<ChannelSuggestions> write(List<ChannelPhrases> words, Map<Channel, Heatmap> heatmaps) {
        List<ChannelSuggestions> suggestions = new ArrayList<>(words.size());
        for (ChannelPhrases channelWords : words) {
            List<PhraseFinding> discoveries = channelWords.discoveries(significance);
            List<PhraseFinding> higher = discoveries.stream()
                    .filter(f -> f.phrase().rateWith() > f.phrase().rateWithout())
                    .sorted(Comparator.comparingDouble((PhraseFinding f) -> f.phrase().withInterval().lower())
                            .reversed())
                    .limit(MAX_PHRASES)
                    .toList();
            List<PhraseFinding> lower = discoveries.stream()
                    .filter(f -> f.phrase().rateWith() < f.phrase().rateWithout())
                    .limit(MAX_PHRASES)
                    .toList();
            suggestions.add(new ChannelSuggestions(channelWords.channel(), higher, lower,
                    heatmaps.get(channelWords.channel()).bestCells(BEST_SLOTS)));
        }
        return suggestions;
    }
}
