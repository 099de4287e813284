package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.phrase.PhrasePosition;
import io.retentioncenter.learning.phrase.PhraseStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One difference between messages, however many phrases express it. Phrases whose 2×2 tables are
 * identical (the same number of messages with them, converted the same number of times: in
 * practice sub-phrases of one another, or one phrase found anywhere and in the opening) cannot be
 * told apart by the data, so they are one finding, named by its longest phrase.
 *
 * @param phrase the representative: the longest phrase, found anywhere rather than at a position
 * @param samePhrases the other phrases with exactly the same counts, e.g. {@code "save 20 (closing)"}
 */
public record PhraseFinding(PhraseStat phrase, List<String> samePhrases) {
    private static final Comparator<PhraseStat> REPRESENTATIVE = Comparator
            .comparingInt(PhraseStat::words).reversed()
            .thenComparing(p -> p.position() != PhrasePosition.ANYWHERE)
            .thenComparing(PhraseStat::phrase);

    /** Validates and copies. */
    public PhraseFinding {
        Require.present(phrase, "phrase");
        samePhrases = List.copyOf(Require.present(samePhrases, "samePhrases"));
    }

    /** The phrase and where it was looked for, e.g. {@code "save 20 (closing)"}. */
    static String label(PhraseStat stat) {
        return stat.position() == PhrasePosition.ANYWHERE ? stat.phrase()
                : stat.phrase() + " (" + stat.position().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** {@code phrases} collapsed into findings, in the order of each finding's first phrase. */
    static List<PhraseFinding> collapse(List<PhraseStat> phrases) {
        Map<List<Long>, List<PhraseStat>> groups = new LinkedHashMap<>();
        for (PhraseStat stat : phrases) {
            groups.computeIfAbsent(List.of(stat.with().successes(), stat.with().trials()), k -> new ArrayList<>())
                    .add(stat);
        }
        List<PhraseFinding> findings = new ArrayList<>(groups.size());
        for (List<PhraseStat> group : groups.values()) {
            PhraseStat representative = group.stream().min(REPRESENTATIVE).orElseThrow();
            findings.add(new PhraseFinding(representative, group.stream().filter(p -> p != representative)
                    .sorted(REPRESENTATIVE).map(PhraseFinding::label).toList()));
        }
        return findings;
    }
}
