package io.retentioncenter.channels.vapi;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizes a customer asking never to be called again ("stop calling", "don't call me", "remove me", ...). */
final class OptOutDetector {
    private static final Pattern OPT_OUT = Pattern.compile(
            "\\b(?:stop calling|don'?t call me|do not call|remove me|unsubscribe)\\b");

    private OptOutDetector() {
    }

    /** Whether any of the normalized {@code userLines} opts out. */
    static boolean optsOut(List<String> userLines) {
        return userLines.stream().anyMatch(line -> OPT_OUT.matcher(line).find());
    }
}
