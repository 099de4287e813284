package io.retentioncenter.core.memory;

import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.CampaignLead;
import io.retentioncenter.core.campaign.MemberStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which leads each campaign holds, removed ones included. Not thread-safe. */
final class CampaignMembers {
    private static final Comparator<CampaignLead> ASSIGNMENT_ORDER = Comparator.comparing(CampaignLead::assignedAt)
            .thenComparing(CampaignLead::leadId);

    private final Map<String, Map<String, CampaignLead>> byCampaign = new HashMap<>();

    /**
     * Adds the lead unless it is a member already, was removed from the campaign, or the campaign
     * holds {@code cap} ACTIVE members.
     */
    Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        Map<String, CampaignLead> members = byCampaign.computeIfAbsent(campaignId, k -> new LinkedHashMap<>());
        CampaignLead existing = members.get(leadId);
        if (existing != null) {
            return existing.status() == MemberStatus.REMOVED ? Assignment.REMOVED : Assignment.ALREADY_ASSIGNED;
        }
        if (cap.map(max -> count(campaignId) >= max).orElse(false)) {
            return Assignment.CAP_REACHED;
        }
        members.put(leadId, CampaignLead.assigned(campaignId, leadId, at));
        return Assignment.ASSIGNED;
    }

    /** Number of ACTIVE members. */
    long count(String campaignId) {
        return byCampaign.getOrDefault(campaignId, Map.of()).values().stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE).count();
    }

    Optional<CampaignLead> find(String campaignId, String leadId) {
        return Optional.ofNullable(byCampaign.getOrDefault(campaignId, Map.of()).get(leadId));
    }

    void replace(CampaignLead member) {
        byCampaign.computeIfAbsent(member.campaignId(), k -> new LinkedHashMap<>()).put(member.leadId(), member);
    }

    /** The campaign's members, removed ones included, in assignment order. */
    List<CampaignLead> of(String campaignId) {
        return byCampaign.getOrDefault(campaignId, Map.of()).values().stream().sorted(ASSIGNMENT_ORDER).toList();
    }

    /** Whether the lead is a member of the campaign. */
    boolean holds(String campaignId, String leadId) {
        return byCampaign.getOrDefault(campaignId, Map.of()).containsKey(leadId);
    }
}
