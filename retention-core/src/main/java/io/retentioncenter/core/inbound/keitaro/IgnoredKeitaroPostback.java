package io.retentioncenter.core.inbound.keitaro;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Map;

/**
 * A postback whose status is on an ignore list ({@code ignore_status} or the parser's configured
 * ignored statuses): answer 200 and change nothing.
 *
 * @param status the status as received
 * @param raw the parameters as received, without the {@code secret}
 * @param receivedAt when the host received it
 */
public record IgnoredKeitaroPostback(String status, Map<String, String> raw, Instant receivedAt)
        implements KeitaroParseResult {

    /** Validates and copies. */
    public IgnoredKeitaroPostback {
        Require.text(status, "status");
        raw = Map.copyOf(Require.present(raw, "raw"));
        Require.present(receivedAt, "receivedAt");
    }
}
