package io.retentioncenter.channels.vapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes a customer asking to be called back ("call me back", "call back", "callback", "call me
 * later", "not a good time", "call me tomorrow", ...) and reads the time they asked for from their
 * lines from that request on.
 */
final class CallbackDetector {
    private static final Pattern REQUEST = Pattern.compile(
            "(?<!don't |dont |do not |no need to |never )"
                    + "(?:\\bcall (?:me |us )?(?:back|later)\\b"
                    + "|\\bcall-?back\\b"
                    + "|\\bcall me (?:again|tomorrow|tonight|next|on|at|in)\\b"
                    + "|\\bnot a good time\\b)");

    private final CallbackTimeParser timeParser;

    /** A detector reading times with {@code timeParser}. */
    CallbackDetector(CallbackTimeParser timeParser) {
        this.timeParser = timeParser;
    }

    /**
     * A callback request in the normalized {@code userLines}, if any, with the time asked for relative
     * to {@code reference} (empty when no time was said).
     */
    Optional<CallbackRequest> detect(List<String> userLines, Instant reference) {
        for (int i = 0; i < userLines.size(); i++) {
            if (REQUEST.matcher(userLines.get(i)).find()) {
                String fromRequestOn = String.join(" . ", userLines.subList(i, userLines.size()));
                return Optional.of(new CallbackRequest(timeParser.parse(fromRequestOn, reference)));
            }
        }
        return Optional.empty();
    }

    /**
     * A callback request.
     *
     * @param at the time asked for, when one was said
     */
    record CallbackRequest(Optional<Instant> at) {
    }
}
