package io.retentioncenter.channels.sms.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The opt-out rule for inbound SMS: the whole message, trimmed, with runs of whitespace collapsed
 * and compared case-insensitively, is one of {@link #KEYWORDS} — the union of the FCC's per-se
 * revocation words (47 CFR 64.1200(a)(10)), the CTIA universal set and the Twilio, Telnyx and AWS
 * defaults. Free-text intent ("please stop texting me") is not a keyword; it arrives as a reply for
 * the host or a reviewer to judge.
 */
public final class StopKeywords {
    /** The recognised keywords, upper-case. */
    public static final Set<String> KEYWORDS = Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END",
            "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "OPT-OUT", "REMOVE", "ARRET");

    private StopKeywords() {
    }

    /** The keyword {@code text} consists of, upper-case; empty when the message is anything else. */
    public static Optional<String> match(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }
}
