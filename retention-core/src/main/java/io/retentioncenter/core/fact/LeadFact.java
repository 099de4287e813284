package io.retentioncenter.core.fact;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What analytics reads of a {@link Lead}: when it arrived and its time zone.
 *
 * @param id the lead
 * @param timezone its time zone, when known
 * @param createdAt when it was created
 */
public record LeadFact(String id, Optional<ZoneId> timezone, Instant createdAt) {

    /** Checks that every component is present. */
    public LeadFact {
        Require.present(id, "id");
        Require.present(timezone, "timezone");
        Require.present(createdAt, "createdAt");
    }

    /** The projection of {@code lead}. */
    public static LeadFact of(Lead lead) {
        return new LeadFact(lead.id(), lead.timezone(), lead.createdAt());
    }
}
