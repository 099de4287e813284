package io.retentioncenter.core.conversion;

import java.time.Instant;
import java.util.Map;

/**
 * A postback whose {@code sub_id} matched no attempt and no lead, kept for inspection.
 *
 * @param replayKey identity of the postback
 * @param subId the sub id that did not match
 * @param params all parameters as received
 * @param receivedAt when it arrived
 */
public record UnmatchedPostback(String replayKey, String subId, Map<String, String> params, Instant receivedAt) {
    /** Copies the parameters. */
    public UnmatchedPostback {
        params = Map.copyOf(params);
    }
}
