package io.retentioncenter.learning.report;

import java.util.Locale;

/** Small text operations on phrases, as the tokenizer produced them (lower case, single spaces). */
final class PhraseText {
    private PhraseText() {
    }

    /** Whether one phrase is the other or contains it as whole words. */
    static boolean overlaps(String a, String b) {
        String paddedA = " " + a + " ";
        String paddedB = " " + b + " ";
        return paddedA.contains(paddedB) || paddedB.contains(paddedA);
    }

    /** The phrase with its first letter in upper case. */
    static String capitalized(String phrase) {
        return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
    }

    /** The phrase as a sentence: capitalized, full stop at the end. */
    static String sentence(String phrase) {
        return capitalized(phrase) + ".";
    }
}
