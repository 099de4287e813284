package io.retentioncenter.core.campaign;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;

/**
 * One row of a campaign's lead list: the membership and the lead as stored now.
 *
 * @param membership the lead's membership in the campaign
 * @param lead the lead
 */
public record CampaignMember(CampaignLead membership, Lead lead) {
    /** Validates. */
    public CampaignMember {
        Require.present(membership, "membership");
        Require.present(lead, "lead");
    }
}
