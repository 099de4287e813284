package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.JsonPayload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was said on a call: the transcript as VAPI wrote it and the customer's lines, normalized for
 * phrase matching (lower case, straight apostrophes, single spaces). The work per report is bounded:
 * only the end of the conversation is scanned, at most
 * {@link VapiServerMessages#MAX_SCANNED_TRANSCRIPT_CHARS} characters of the transcript, or of the
 * customer's messages, and at most {@link VapiServerMessages#MAX_SCANNED_MESSAGES} entries of
 * {@code artifact.messages[]}; the transcript itself is kept whole (the event cuts it to its own limit).
 *
 * @param transcript {@code message.artifact.transcript} (or the older {@code message.transcript})
 * @param userLines the customer's utterances in order, normalized, from the scanned end of the call
 */
record Conversation(Optional<String> transcript, List<String> userLines) {
    private static final Pattern USER_LINE = Pattern.compile("^\\s*(?:user|customer)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_CHARS = VapiServerMessages.MAX_SCANNED_TRANSCRIPT_CHARS;

    /** Copies the lines. */
    Conversation {
        userLines = List.copyOf(userLines);
    }

    /**
     * Reads {@code message}: user lines come from the transcript's {@code User:} lines, or from
     * {@code artifact.messages[]} with role {@code user} when there is no transcript.
     */
    static Conversation read(JsonNode message) {
        Optional<JsonNode> artifact = JsonPayload.optionalObject(message, "artifact", "message.artifact");
        Optional<String> transcript = artifact
                .flatMap(a -> JsonPayload.optionalText(a, "transcript", "message.artifact.transcript"))
                .or(() -> JsonPayload.optionalText(message, "transcript", "message.transcript"));
        List<String> lines = transcript.map(Conversation::userLinesOf)
                .orElseGet(() -> artifact.map(Conversation::userMessagesOf).orElse(List.of()));
        return new Conversation(transcript, lines);
    }

    /** Whether the customer said anything (in the scanned end of the call), i.e. the call was answered by a person. */
    boolean customerSpoke() {
        return !userLines.isEmpty();
    }

    /** The {@code User:} lines of the last {@link #MAX_CHARS} characters; a line cut by the window is left out. */
    private static List<String> userLinesOf(String transcript) {
        boolean cut = transcript.length() > MAX_CHARS;
        String window = cut ? transcript.substring(transcript.length() - MAX_CHARS) : transcript;
        String[] all = window.split("\\R");
        List<String> lines = new ArrayList<>();
        for (int i = cut ? 1 : 0; i < all.length; i++) {
            Matcher m = USER_LINE.matcher(all[i]);
            if (m.matches() && !m.group(1).isBlank()) {
                lines.add(normalize(m.group(1)));
            }
        }
        return lines;
    }

    /**
     * The customer's messages among the last {@link VapiServerMessages#MAX_SCANNED_MESSAGES} entries, read
     * from the end until {@link #MAX_CHARS} characters are collected (the oldest one kept is cut to its end).
     */
    private static List<String> userMessagesOf(JsonNode artifact) {
        List<String> lines = new ArrayList<>();
        JsonPayload.optionalArray(artifact, "messages", "message.artifact.messages").ifPresent(messages -> {
            int budget = MAX_CHARS;
            int oldest = Math.max(0, messages.size() - VapiServerMessages.MAX_SCANNED_MESSAGES);
            for (int i = messages.size() - 1; i >= oldest && budget > 0; i--) {
                String path = "message.artifact.messages[" + i + "]";
                JsonNode entry = messages.get(i);
                if (!entry.isObject()) {
                    throw new InvalidPayloadException(path, "must be an object");
                }
                if (JsonPayload.optionalText(entry, "role", path + ".role").filter("user"::equals).isPresent()) {
                    Optional<String> text = JsonPayload.optionalText(entry, "message", path + ".message");
                    if (text.isPresent()) {
                        String said = text.get();
                        String kept = said.length() > budget ? said.substring(said.length() - budget) : said;
                        budget -= kept.length();
                        lines.add(normalize(kept));
                    }
                }
            }
        });
        Collections.reverse(lines);
        return lines;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                .replaceAll("\\s+", " ").trim();
    }
}
