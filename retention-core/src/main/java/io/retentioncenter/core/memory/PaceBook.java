package io.retentioncenter.core.memory;

import io.retentioncenter.core.contact.PaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The pace state of each lead. Not thread-safe: the store calls it under its lock. */
final class PaceBook {
    private final Map<String, PaceState> byLead = new HashMap<>();

    /** Takes the contact when the lead's state allows it; otherwise returns that state. */
    Optional<PaceState> tryReserve(String leadId, Instant at, Instant dayStart, int dailyCap, Duration minGap) {
        PaceState current = byLead.get(leadId);
        if (current != null && !current.allows(at, dayStart, dailyCap, minGap)) {
            return Optional.of(current);
        }
        byLead.put(leadId, current == null ? PaceState.first(at, dayStart) : current.after(at, dayStart));
        return Optional.empty();
    }
}
