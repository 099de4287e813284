package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.JsonPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was said on a call: the transcript as VAPI wrote it and the customer's lines, normalized for
 * phrase matching (lower case, straight apostrophes, single spaces).
 *
 * @param transcript {@code message.artifact.transcript} (or the older {@code message.transcript})
 * @param userLines the customer's utterances in order, normalized
 */
record Conversation(Optional<String> transcript, List<String> userLines) {
    private static final Pattern USER_LINE = Pattern.compile("^\\s*(?:user|customer)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

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

    /** Whether the customer said anything, i.e. the call was answered by a person. */
    boolean customerSpoke() {
        return !userLines.isEmpty();
    }

    private static List<String> userLinesOf(String transcript) {
        List<String> lines = new ArrayList<>();
        for (String line : transcript.split("\\R")) {
            Matcher m = USER_LINE.matcher(line);
            if (m.matches() && !m.group(1).isBlank()) {
                lines.add(normalize(m.group(1)));
            }
        }
        return lines;
    }

    private static List<String> userMessagesOf(JsonNode artifact) {
        List<String> lines = new ArrayList<>();
        JsonPayload.optionalArray(artifact, "messages", "message.artifact.messages").ifPresent(messages -> {
            for (int i = 0; i < messages.size(); i++) {
                String path = "message.artifact.messages[" + i + "]";
                JsonNode entry = messages.get(i);
                if (!entry.isObject()) {
                    throw new InvalidPayloadException(path, "must be an object");
                }
                if (JsonPayload.optionalText(entry, "role", path + ".role").filter("user"::equals).isPresent()) {
                    JsonPayload.optionalText(entry, "message", path + ".message").map(Conversation::normalize)
                            .ifPresent(lines::add);
                }
            }
        });
        return lines;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                .replaceAll("\\s+", " ").trim();
    }
}
