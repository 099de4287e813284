package io.retentioncenter.learning.phrase;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A phrase of one or more words at a position, the unit whose presence in a message is tested.
 *
 * @param phrase the words joined by single spaces
 * @param words number of words
 * @param position where it was found
 */
record PhraseFeature(String phrase, int words, PhrasePosition position) {

    /**
     * The distinct features of a message: every n-gram of 1 to {@code maxWords} words inside each
     * sentence (n-grams never span a sentence break), plus those of the opening and closing windows
     * of {@code window} tokens.
     */
    static Set<PhraseFeature> of(List<List<String>> sentences, int maxWords, int window) {
        Set<PhraseFeature> features = new HashSet<>();
        if (sentences.isEmpty()) {
            return features;
        }
        for (List<String> sentence : sentences) {
            addNgrams(sentence, maxWords, PhrasePosition.ANYWHERE, features);
        }
        List<String> first = sentences.get(0);
        addNgrams(first.subList(0, Math.min(window, first.size())), maxWords, PhrasePosition.OPENING, features);
        List<String> last = sentences.get(sentences.size() - 1);
        addNgrams(last.subList(Math.max(0, last.size() - window), last.size()), maxWords, PhrasePosition.CLOSING, features);
        return features;
    }

    private static void addNgrams(List<String> tokens, int maxWords, PhrasePosition position, Set<PhraseFeature> into) {
        for (int n = 1; n <= maxWords; n++) {
            for (int start = 0; start + n <= tokens.size(); start++) {
                into.add(new PhraseFeature(String.join(" ", tokens.subList(start, start + n)), n, position));
            }
        }
    }
}
