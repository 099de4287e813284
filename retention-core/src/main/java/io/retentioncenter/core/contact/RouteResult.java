package io.retentioncenter.core.contact;

import java.util.Optional;

/**
 * What {@link ChannelRouter#routeContact} did.
 *
 * @param decision the policy's decision
 * @param attempt the stored attempt: PENDING when sent now, SCHEDULED when deferred; empty when rejected
 */
public record RouteResult(RouteDecision decision, Optional<ContactAttempt> attempt) {
}
