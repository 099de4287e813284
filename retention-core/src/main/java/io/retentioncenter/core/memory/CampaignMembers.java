package io.retentioncenter.core.memory;

import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.CampaignLead;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which leads each campaign holds. Not thread-safe. */
final class CampaignMembers {
    private final Map<String, Map<String, CampaignLead>> byCampaign = new HashMap<>();

    /** Adds the lead unless it is a member already or the campaign holds {@code cap} leads. */
    Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        Map<String, CampaignLead> members = byCampaign.computeIfAbsent(campaignId, k -> new LinkedHashMap<>());
        if (members.containsKey(leadId)) {
            return Assignment.ALREADY_ASSIGNED;
        }
        if (cap.map(max -> members.size() >= max).orElse(false)) {
            return Assignment.CAP_REACHED;
        }
        members.put(leadId, new CampaignLead(campaignId, leadId, at));
        return Assignment.ASSIGNED;
    }

    long count(String campaignId) {
        return byCampaign.getOrDefault(campaignId, Map.of()).size();
    }

    /** Whether the lead is a member of the campaign. */
    boolean holds(String campaignId, String leadId) {
        return byCampaign.getOrDefault(campaignId, Map.of()).containsKey(leadId);
    }
}
