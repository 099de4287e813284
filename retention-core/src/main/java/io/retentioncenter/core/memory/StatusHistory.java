package io.retentioncenter.core.memory;

import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatusChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The leads' status moves, by lead and by time. Not thread-safe. */
final class StatusHistory {
    private final Map<String, LeadStatusChange> byId = new HashMap<>();
    private final Map<String, List<LeadStatusChange>> byLead = new HashMap<>();
    private final TimeIndex changed = new TimeIndex();

    /** Records the move from {@code before} to {@code after}, if the status differs. */
    void record(Lead before, Lead after) {
        if (before.status() == after.status()) {
            return;
        }
        LeadStatusChange change = new LeadStatusChange(Ids.next("lsc"), after.id(), before.status(), after.status(),
                after.updatedAt());
        byId.put(change.id(), change);
        byLead.computeIfAbsent(change.leadId(), k -> new ArrayList<>()).add(change);
        changed.add(change.at(), change.id());
    }

    /** The lead's moves, oldest first. */
    List<LeadStatusChange> ofLead(String leadId) {
        return byLead.getOrDefault(leadId, List.of()).stream()
                .sorted(Comparator.comparing(LeadStatusChange::at).thenComparing(LeadStatusChange::id))
                .toList();
    }

    Optional<LeadStatusChange> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    TimeIndex changedIndex() {
        return changed;
    }
}
