package io.retentioncenter.core.campaign;

import java.time.Instant;

/**
 * A lead's membership in a campaign.
 *
 * @param campaignId the campaign
 * @param leadId the lead
 * @param assignedAt when the lead joined
 */
public record CampaignLead(String campaignId, String leadId, Instant assignedAt) {
}
