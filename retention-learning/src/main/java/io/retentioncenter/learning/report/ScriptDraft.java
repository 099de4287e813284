package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.util.List;
import java.util.Optional;

/**
 * A script drafted from the best-performing phrases of a channel. It is a starting point for a
 * copywriter, not a tested message: the phrases were tested one by one, never together.
 *
 * @param channel the channel it is written for
 * @param subject a subject line, for email
 * @param body the body, with a {@code {{firstName|there}}} greeting
 * @param phrases the phrases it was assembled from, in order of use
 * @param notice the draft label to show with it
 */
public record ScriptDraft(Channel channel, Optional<String> subject, String body, List<String> phrases, String notice) {
    /** The label every draft carries. */
    public static final String DRAFT_NOTICE = "DRAFT assembled from significant phrases; review and A/B test "
            + "before sending.";

    /** Validates and copies. */
    public ScriptDraft {
        Require.present(channel, "channel");
        Require.present(subject, "subject");
        Require.text(body, "body");
        phrases = List.copyOf(Require.present(phrases, "phrases"));
        Require.text(notice, "notice");
    }
}
