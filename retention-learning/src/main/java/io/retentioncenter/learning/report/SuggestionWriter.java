package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.phrase.PhrasePosition;
import io.retentioncenter.learning.phrase.PhraseStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Script suggestions per channel: significant phrases to include and to avoid, the best send slots
 * of the channel's heatmap, and a draft assembled from every significant phrase that lifts
 * conversion, best Wilson lower bound first and longer phrases first among equals: the best opening
 * phrase, up to three phrases from anywhere that do not overlap the others, and the best closing
 * phrase.
 */
final class SuggestionWriter {
    /** Most phrases listed to include, and to avoid. */
    static final int MAX_PHRASES = 10;
    /** Most send slots suggested. */
    static final int BEST_SLOTS = 3;
    /** Most phrases from anywhere in a draft's body. */
    static final int DRAFT_PHRASES = 3;

    private final double significance;

    SuggestionWriter(double significance) {
        this.significance = significance;
    }

    /** The suggestions of every channel with a phrase analysis, in channel order. */
    List<ChannelSuggestions> write(List<ChannelPhrases> words, Map<Channel, Heatmap> heatmaps) {
        List<ChannelSuggestions> suggestions = new ArrayList<>(words.size());
        for (ChannelPhrases channelWords : words) {
            List<PhraseStat> discoveries = channelWords.phrases().discoveries(significance);
            List<PhraseStat> include = discoveries.stream()
                    .filter(p -> p.rateWith() > p.rateWithout())
                    .limit(MAX_PHRASES)
                    .toList();
            List<PhraseStat> avoid = discoveries.stream()
                    .filter(p -> p.rateWith() < p.rateWithout())
                    .sorted(Comparator.comparingDouble(PhraseStat::qValue))
                    .limit(MAX_PHRASES)
                    .toList();
            Channel channel = channelWords.channel();
            List<PhraseStat> draftable = discoveries.stream()
                    .filter(p -> p.rateWith() > p.rateWithout())
                    .sorted(Comparator.comparingDouble((PhraseStat p) -> p.withInterval().lower()).reversed()
                            .thenComparing(Comparator.comparingInt(PhraseStat::words).reversed()))
                    .toList();
            suggestions.add(new ChannelSuggestions(channel, include, avoid,
                    heatmaps.get(channel).bestCells(BEST_SLOTS), draft(channel, draftable)));
        }
        return suggestions;
    }

    /** The draft from {@code include}, best phrases first (longer phrases first among equals). */
    private static Optional<ScriptDraft> draft(Channel channel, List<PhraseStat> include) {
        Optional<String> opening = first(include, PhrasePosition.OPENING);
        Optional<String> closing = first(include, PhrasePosition.CLOSING);
        List<String> used = new ArrayList<>();
        opening.ifPresent(used::add);
        List<String> middle = new ArrayList<>();
        for (PhraseStat stat : include) {
            if (stat.position() == PhrasePosition.ANYWHERE && middle.size() < DRAFT_PHRASES
                    && used.stream().noneMatch(u -> PhraseText.overlaps(u, stat.phrase()))
                    && closing.map(c -> !PhraseText.overlaps(c, stat.phrase())).orElse(true)) {
                middle.add(stat.phrase());
                used.add(stat.phrase());
            }
        }
        closing.ifPresent(used::add);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Hi {{firstName|there}},");
        opening.map(PhraseText::sentence).ifPresent(lines::add);
        if (!middle.isEmpty()) {
            lines.add(String.join(" ", middle.stream().map(PhraseText::sentence).toList()));
        }
        closing.map(PhraseText::sentence).ifPresent(lines::add);
        Optional<String> subject = channel == Channel.EMAIL
                ? Optional.of(PhraseText.capitalized(middle.isEmpty() ? used.get(0) : middle.get(0)))
                : Optional.empty();
        return Optional.of(new ScriptDraft(channel, subject, String.join("\n", lines), used,
                ScriptDraft.DRAFT_NOTICE));
    }

    private static Optional<String> first(List<PhraseStat> include, PhrasePosition position) {
        return include.stream().filter(p -> p.position() == position).map(PhraseStat::phrase).findFirst();
    }
}
