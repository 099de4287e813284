package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into sentences of lower-case word tokens. Template placeholders
 * ({@code {{firstName}}}, {@code {{firstName|there}}}) are removed first, so that the personalised
 * parts do not become phrases, and so is HTML markup of email bodies: block tags ({@code <br>},
 * {@code <p>}, {@code <div>}, {@code <li>}, headings) end a sentence like a line break, other tags
 * and character entities ({@code &nbsp;}) separate tokens. A token is a run of Unicode letters, digits and combining marks,
 * with inner apostrophes kept ({@code don't}); everything else separates tokens. Sentences end at
 * {@code . ! ? …} followed by white space, and at line breaks.
 */
public final class MessageTokenizer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)</?(?:br|p|div|li|ul|ol|tr|h[1-6])\\b[^<>]*>");
    private static final Pattern OTHER_MARKUP = Pattern.compile("<[^<>]*>|&#?\\w+;");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])\\s+|[\\r\\n]+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:'[\\p{L}\\p{N}\\p{M}]+)*");

    private MessageTokenizer() {
    }

    /** The message's sentences, each a non-empty list of tokens, in order. */
    public static List<List<String>> sentences(String text) {
        Require.present(text, "text");
        String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll(" ");
        String withoutMarkup = withoutPlaceholders.indexOf('<') < 0 && withoutPlaceholders.indexOf('&') < 0
                ? withoutPlaceholders
                : OTHER_MARKUP.matcher(BLOCK_TAG.matcher(withoutPlaceholders).replaceAll("\n")).replaceAll(" ");
        String cleaned = withoutMarkup.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<List<String>> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(cleaned)) {
            List<String> tokens = new ArrayList<>();
            Matcher token = TOKEN.matcher(sentence);
            while (token.find()) {
                tokens.add(token.group());
            }
            if (!tokens.isEmpty()) {
                sentences.add(List.copyOf(tokens));
            }
        }
        return List.copyOf(sentences);
    }

    /** All of the message's tokens, in order. */
    public static List<String> tokens(String text) {
        return sentences(text).stream().flatMap(List::stream).toList();
    }
}
