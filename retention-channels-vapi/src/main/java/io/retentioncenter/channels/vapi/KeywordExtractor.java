package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.inbound.ProviderEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keywords of a call: from the assistant's {@code analysis.structuredData} (short word-like string
 * values, and the short names of fields that are {@code true}) and from the vocabulary phrases the
 * customer said. Longer phrases win over the phrases inside them, so "not interested" does not also yield
 * "interested". Keywords are lower case, in order of discovery, without duplicates, at most
 * {@link ProviderEvent#MAX_KEYWORDS}.
 */
final class KeywordExtractor {
    private static final int MAX_VALUE_LENGTH = 40;
    private static final Pattern WORD_LIKE = Pattern.compile("[\\p{L} _'-]*\\p{L}[\\p{L} _'-]*");

    private final List<Phrase> phrases;

    /** An extractor for {@code vocabulary} (phrases matched on word boundaries, case-insensitively). */
    KeywordExtractor(List<String> vocabulary) {
        this.phrases = vocabulary.stream()
                .map(v -> v.toLowerCase(Locale.ROOT).trim())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Phrase::of)
                .toList();
    }

    /** The keywords of {@code structuredData} (when present) followed by those in {@code userLines}. */
    List<String> keywords(Optional<JsonNode> structuredData, List<String> userLines) {
        Set<String> keywords = new LinkedHashSet<>();
        structuredData.ifPresent(data -> structuredKeywords(data, keywords));
        for (String line : userLines) {
            if (keywords.size() >= ProviderEvent.MAX_KEYWORDS) {
                break;
            }
            String remaining = line;
            for (Phrase phrase : phrases) {
                Matcher m = phrase.pattern().matcher(remaining);
                if (m.find()) {
                    keywords.add(phrase.text());
                    remaining = m.replaceAll(" | ");
                }
            }
        }
        return new ArrayList<>(keywords).subList(0, Math.min(keywords.size(), ProviderEvent.MAX_KEYWORDS));
    }

    private static void structuredKeywords(JsonNode data, Set<String> keywords) {
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            if (keywords.size() >= ProviderEvent.MAX_KEYWORDS) {
                return;
            }
            JsonNode value = field.getValue();
            String name = field.getKey().trim();
            if (value.isBoolean() && value.booleanValue() && !name.isEmpty() && name.length() <= MAX_VALUE_LENGTH) {
                keywords.add(name.toLowerCase(Locale.ROOT));
            } else if (value.isTextual()) {
                String text = value.textValue().trim();
                if (text.length() <= MAX_VALUE_LENGTH && WORD_LIKE.matcher(text).matches()) {
                    keywords.add(text.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** A vocabulary phrase and its whole-word pattern. */
    private record Phrase(String text, Pattern pattern) {
        static Phrase of(String text) {
            return new Phrase(text, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])"));
        }
    }
}
