package io.retentioncenter.core.campaign;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A lead's membership in a campaign.
 *
 * @param campaignId the campaign
 * @param leadId the lead
 * @param status whether the lead is still in the campaign
 * @param assignedAt when the lead joined
 * @param removedAt when an operator removed it, for a REMOVED membership
 */
public record CampaignLead(String campaignId, String leadId, MemberStatus status, Instant assignedAt,
        Optional<Instant> removedAt) {

    /** Validates. */
    public CampaignLead {
        Require.text(campaignId, "campaignId");
        Require.text(leadId, "leadId");
        Require.present(status, "status");
        Require.present(assignedAt, "assignedAt");
        Require.present(removedAt, "removedAt");
    }

    /** A new ACTIVE membership. */
    public static CampaignLead assigned(String campaignId, String leadId, Instant at) {
        return new CampaignLead(campaignId, leadId, MemberStatus.ACTIVE, at, Optional.empty());
    }

    /** A REMOVED copy. */
    public CampaignLead removed(Instant at) {
        return new CampaignLead(campaignId, leadId, MemberStatus.REMOVED, assignedAt, Optional.of(at));
    }
}
