package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Assignment;
import java.time.Instant;
import java.util.Optional;

/**
 * Leads in campaigns. An assignment locks the campaign row, so assignments to one campaign run one
 * at a time and its {@code lead_count} checked against the cap is exact under any concurrency.
 */
final class CampaignMembership {
    private static final String LOCK_CAMPAIGN = "SELECT lead_count FROM <schema>rc_campaign WHERE id = :campaignId"
            + " FOR UPDATE";
    private static final String LEAD_EXISTS = "SELECT id FROM <schema>rc_lead WHERE id = :leadId";
    private static final String MEMBER = "SELECT lead_id FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId AND lead_id = :leadId";
    private static final String INSERT_MEMBER = "INSERT INTO <schema>rc_campaign_lead (campaign_id, lead_id,"
            + " assigned_at) VALUES (:campaignId, :leadId, :at)";
    private static final String COUNT_MEMBER = "UPDATE <schema>rc_campaign SET lead_count = lead_count + 1"
            + " WHERE id = :campaignId";

    private final Database db;

    CampaignMembership(Database db) {
        this.db = db;
    }

    Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        return db.inTransaction("assignLead", h -> {
            int members = h.createQuery(LOCK_CAMPAIGN).bind("campaignId", campaignId).mapTo(Integer.class)
                    .findOne().orElseThrow(() -> new NotFoundException("campaign", campaignId));
            if (h.createQuery(LEAD_EXISTS).bind("leadId", leadId).mapTo(String.class).findOne().isEmpty()) {
                throw new NotFoundException("lead", leadId);
            }
            if (h.createQuery(MEMBER).bind("campaignId", campaignId).bind("leadId", leadId).mapTo(String.class)
                    .findOne().isPresent()) {
                return Assignment.ALREADY_ASSIGNED;
            }
            if (cap.map(max -> members >= max).orElse(false)) {
                return Assignment.CAP_REACHED;
            }
            h.createUpdate(INSERT_MEMBER).bind("campaignId", campaignId).bind("leadId", leadId)
                    .bindByType("at", at, Instant.class).execute();
            h.createUpdate(COUNT_MEMBER).bind("campaignId", campaignId).execute();
            return Assignment.ASSIGNED;
        });
    }

    long count(String campaignId) {
        return db.read("countCampaignLeads", ConfigQueries.class, q -> q.leadCount(campaignId));
    }
}
