package io.retentioncenter.core.conversion;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A postback whose {@code sub_id} matched no attempt and no lead, kept for inspection until an
 * operator links it to a lead.
 *
 * @param replayKey identity of the postback
 * @param subId the sub id that did not match
 * @param params all parameters as received
 * @param receivedAt when it arrived
 * @param matchedLeadId the lead an operator linked it to, once re-matched
 * @param matchedAt when it was re-matched
 */
public record UnmatchedPostback(String replayKey, String subId, Map<String, String> params, Instant receivedAt,
        Optional<String> matchedLeadId, Optional<Instant> matchedAt) {

    /** Validates and copies the parameters. */
    public UnmatchedPostback {
        params = Map.copyOf(Require.present(params, "params"));
        Require.present(matchedLeadId, "matchedLeadId");
        Require.present(matchedAt, "matchedAt");
    }

    /** A postback not re-matched yet. */
    public UnmatchedPostback(String replayKey, String subId, Map<String, String> params, Instant receivedAt) {
        this(replayKey, subId, params, receivedAt, Optional.empty(), Optional.empty());
    }

    /** A copy linked to {@code leadId} at {@code at}. */
    public UnmatchedPostback matchedTo(String leadId, Instant at) {
        return new UnmatchedPostback(replayKey, subId, params, receivedAt, Optional.of(leadId), Optional.of(at));
    }
}
