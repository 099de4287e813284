package io.retentioncenter.core.spi;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;
import java.util.Optional;

/**
 * Suggests a better moment for a contact that is already allowed at {@code earliest}. The engine
 * only ever moves a send later, never earlier, and re-checks the schedule and rate limits at the
 * suggested time. The default suggests nothing (send now).
 */
@FunctionalInterface
public interface SendTimeAdvisor {
    /** A later instant to send at, or empty to send at {@code earliest}. */
    Optional<Instant> suggest(Lead lead, Campaign campaign, Channel channel, Instant earliest);

    /** An advisor that never moves a send. */
    static SendTimeAdvisor sendNow() {
        return (lead, campaign, channel, earliest) -> Optional.empty();
    }
}
