package io.retentioncenter.core.memory;

import io.retentioncenter.core.conversion.Conversion;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Conversions, one per (lead, campaign), and the replay keys of applied postbacks. Not thread-safe. */
final class ConversionBook {
    private static final Comparator<Conversion> OLDEST_FIRST = Comparator.comparing(Conversion::occurredAt)
            .thenComparing(Conversion::id);

    private final Map<LeadCampaign, Conversion> byLeadCampaign = new HashMap<>();
    private final Map<String, LeadCampaign> byId = new HashMap<>();
    private final Map<String, Set<LeadCampaign>> byLead = new HashMap<>();
    private final Map<String, Instant> replayKeys = new HashMap<>();
    private final TimeIndex occurred = new TimeIndex();

    /** A conversion's identity. */
    private record LeadCampaign(String leadId, String campaignId) {
    }

    /** The lead's conversion in the campaign. */
    Optional<Conversion> find(String leadId, String campaignId) {
        return Optional.ofNullable(byLeadCampaign.get(new LeadCampaign(leadId, campaignId)));
    }

    /** The conversion with {@code id}. */
    Optional<Conversion> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(byLeadCampaign::get);
    }

    /** Inserts or replaces the lead's conversion in its campaign. */
    void put(Conversion conversion) {
        LeadCampaign key = new LeadCampaign(conversion.leadId(), conversion.campaignId());
        Conversion old = byLeadCampaign.put(key, conversion);
        if (old != null) {
            byId.remove(old.id());
            occurred.remove(old.occurredAt(), old.id());
        }
        byId.put(conversion.id(), key);
        byLead.computeIfAbsent(conversion.leadId(), k -> new LinkedHashSet<>()).add(key);
        occurred.add(conversion.occurredAt(), conversion.id());
    }

    /** Conversions of a lead, oldest first. */
    List<Conversion> ofLead(String leadId) {
        return byLead.getOrDefault(leadId, Set.of()).stream().map(byLeadCampaign::get).sorted(OLDEST_FIRST).toList();
    }

    boolean isReplay(String replayKey) {
        return replayKeys.containsKey(replayKey);
    }

    void remember(String replayKey, Instant at) {
        replayKeys.put(replayKey, at);
    }

    /** Forgets the replay keys recorded before {@code before}; returns how many. */
    long forgetReplayKeysBefore(Instant before) {
        int size = replayKeys.size();
        replayKeys.values().removeIf(at -> at.isBefore(before));
        return size - replayKeys.size();
    }

    TimeIndex occurredIndex() {
        return occurred;
    }
}
