package io.retentioncenter.learning.phrase;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;

/**
 * One message sent to one lead and whether that lead converted afterwards.
 *
 * @param channel the channel the message went out on
 * @param text the message as sent or as its template; placeholders such as {@code {{firstName}}} are ignored
 * @param converted whether the lead converted
 */
public record MessageFact(Channel channel, String text, boolean converted) {

    /** Validates. */
    public MessageFact {
        Require.present(channel, "channel");
        Require.present(text, "text");
    }
}
