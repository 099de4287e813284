package io.retentioncenter.core.inbound.keitaro;

import java.time.Instant;
import java.util.Map;

/**
 * What a Keitaro postback asks for: a {@link KeitaroPostback} to record, or an
 * {@link IgnoredKeitaroPostback} (an ignored status such as {@code ping}) to acknowledge and drop.
 */
public sealed interface KeitaroParseResult permits KeitaroPostback, IgnoredKeitaroPostback {

    /** The parameters as received, without the {@code secret}. */
    Map<String, String> raw();

    /** When the host received the postback. */
    Instant receivedAt();
}
