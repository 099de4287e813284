package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Leads in campaigns (removed ones included). Assigning to a campaign with a cap locks the
 * campaign row, so such assignments run one at a time and the member count checked against the cap
 * is exact under any concurrency; a campaign without a cap takes no lock: the membership's primary
 * key alone makes a repeated assignment a no-op, so concurrent ingests do not queue on the
 * campaign row.
 */
final class CampaignMembership {
    private static final String LOCK_CAMPAIGN = "SELECT id FROM <schema>rc_campaign WHERE id = :campaignId"
            + " FOR UPDATE";
    private static final String CAMPAIGN_EXISTS = "SELECT id FROM <schema>rc_campaign WHERE id = :campaignId";
    private static final String LEAD_EXISTS = "SELECT id FROM <schema>rc_lead WHERE id = :leadId";
    private static final String MEMBER = "SELECT status FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId AND lead_id = :leadId";
    private static final String MEMBERS = "SELECT COUNT(*) FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId AND status = 'ACTIVE'";
    private static final String INSERT_MEMBER = "INSERT INTO <schema>rc_campaign_lead (campaign_id, lead_id,"
            + " assigned_at) VALUES (:campaignId, :leadId, :at)";

    static final BulkRows MEMBER_ROWS = BulkRows.of("<schema>rc_campaign_lead", "campaign_id:TEXT",
            "lead_id:TEXT", "assigned_at:TIME");

    private final Database db;

    CampaignMembership(Database db) {
        this.db = db;
    }

    Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        return db.inTransaction("assignLead", h -> assign(h, campaignId, leadId, cap, at));
    }

    /** {@link #assign(String, String, Optional, Instant)} in the transaction of {@code h}. */
    Assignment assign(Handle h, String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        if (h.createQuery(cap.isPresent() ? LOCK_CAMPAIGN : CAMPAIGN_EXISTS).bind("campaignId", campaignId)
                .mapTo(String.class).findOne().isEmpty()) {
            throw new NotFoundException("campaign", campaignId);
        }
        if (h.createQuery(LEAD_EXISTS).bind("leadId", leadId).mapTo(String.class).findOne().isEmpty()) {
            throw new NotFoundException("lead", leadId);
        }
        if (cap.isEmpty() && db.dialect().insertIfAbsent(h, INSERT_MEMBER, u -> u.bind("campaignId", campaignId)
                .bind("leadId", leadId).bindByType("at", at, Instant.class)) == 1) {
            return Assignment.ASSIGNED;
        }
        Optional<String> member = h.createQuery(MEMBER).bind("campaignId", campaignId).bind("leadId", leadId)
                .mapTo(String.class).findOne();
        if (member.isPresent() || cap.isEmpty()) {
            return member.filter(MemberStatus.REMOVED.name()::equals).isPresent() ? Assignment.REMOVED
                    : Assignment.ALREADY_ASSIGNED;
        }
        long members = h.createQuery(MEMBERS).bind("campaignId", campaignId).mapTo(Long.class).one();
        if (members >= cap.get()) {
            return Assignment.CAP_REACHED;
        }
        h.createUpdate(INSERT_MEMBER).bind("campaignId", campaignId).bind("leadId", leadId)
                .bindByType("at", at, Instant.class).execute();
        return Assignment.ASSIGNED;
    }

    /** Whether the lead is an ACTIVE member of the campaign, read in the transaction of {@code h}. */
    boolean isActive(Handle h, String campaignId, String leadId) {
        return h.createQuery(MEMBER).bind("campaignId", campaignId).bind("leadId", leadId).mapTo(String.class)
                .findOne().filter(MemberStatus.ACTIVE.name()::equals).isPresent();
    }

    /**
     * Assigns leads inserted in the transaction of {@code h} (so members of nothing yet, removed from
     * nothing), in order, while the campaign has room (ACTIVE members count), at their creation time;
     * one statement for all of them (two more for a capped campaign: lock its row, count its members).
     * The caller checked that the campaign exists.
     *
     * @return the leads assigned: all of them, or the first ones up to the cap
     */
    List<Lead> assignNew(Handle h, String campaignId, List<Lead> leads, Optional<Integer> cap) {
        List<Lead> assigned = leads;
        if (cap.isPresent()) {
            h.createQuery(LOCK_CAMPAIGN).bind("campaignId", campaignId).mapTo(String.class).one();
            long members = h.createQuery(MEMBERS).bind("campaignId", campaignId).mapTo(Long.class).one();
            assigned = leads.subList(0, (int) Math.max(0, Math.min(leads.size(), cap.get() - members)));
        }
        MEMBER_ROWS.insert(h, db.dialect(), assigned.stream().map(lead -> newMemberRow(campaignId, lead)).toList());
        return assigned;
    }

    /** The values of {@link #MEMBER_ROWS} for a lead joining the campaign at its creation time. */
    static Object[] newMemberRow(String campaignId, Lead lead) {
        return new Object[] {campaignId, lead.id(), lead.createdAt()};
    }

    long count(String campaignId) {
        return db.read("countCampaignLeads", ConfigQueries.class, q -> q.leadCount(campaignId));
    }
}
