package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.CampaignLead;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.ChannelStats;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The campaign page: a campaign's members with their leads, taking a lead out of a campaign, and
 * the campaign's results, counted by the database.
 */
final class CampaignMemberRepository {
    private static final String CONTACTED = CampaignStats.CONTACTED.stream().map(AttemptStatus::name).sorted()
            .collect(Collectors.joining("', '", "('", "')"));
    private static final String MEMBERS = " FROM <schema>rc_campaign_lead m JOIN <schema>rc_lead l ON l.id = m.lead_id"
            + " WHERE m.campaign_id = :campaignId";
    private static final String LOCK_MEMBER = "SELECT status FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId AND lead_id = :leadId FOR UPDATE";
    private static final String REMOVE_MEMBER = "UPDATE <schema>rc_campaign_lead SET status = 'REMOVED',"
            + " removed_at = :at WHERE campaign_id = :campaignId AND lead_id = :leadId";
    private static final String MEMBER_COUNTS = "SELECT status, COUNT(*) AS n FROM <schema>rc_campaign_lead"
            + " WHERE campaign_id = :campaignId GROUP BY status";
    private static final String CONTACTED_LEADS = "SELECT COUNT(DISTINCT lead_id) FROM <schema>rc_attempt"
            + " WHERE campaign_id = :campaignId AND status IN " + CONTACTED;
    private static final String ATTEMPTS_BY_CHANNEL = "SELECT channel, COUNT(*) AS n, COUNT(DISTINCT lead_id) AS leads"
            + " FROM <schema>rc_attempt WHERE campaign_id = :campaignId AND status IN " + CONTACTED
            + " GROUP BY channel";
    private static final String SALES_BY_CHANNEL = "SELECT channel, COUNT(*) AS n, SUM(revenue) AS revenue,"
            + " MAX(revenue_scale) AS revenue_scale FROM <schema>rc_conversion"
            + " WHERE campaign_id = :campaignId AND status = 'SALE' GROUP BY channel";

    private final Database db;

    CampaignMemberRepository(Database db) {
        this.db = db;
    }

    Page<CampaignMember> page(String campaignId, Optional<MemberStatus> status, PageRequest page) {
        String where = MEMBERS + status.map(s -> " AND m.status = :status").orElse("");
        return db.withHandle("listCampaignMembers", h -> {
            long total = bind(h.createQuery("SELECT COUNT(*)" + where), campaignId, status).mapTo(Long.class).one();
            List<CampaignMember> items = bind(h.createQuery("SELECT l.*, m.status AS member_status,"
                    + " m.assigned_at AS member_assigned_at, m.removed_at AS member_removed_at" + where
                    + " ORDER BY m.assigned_at, l.id LIMIT :limit OFFSET :offset"), campaignId, status)
                    .bind("limit", page.limit()).bind("offset", page.offset())
                    .map((rs, ctx) -> new CampaignMember(new CampaignLead(campaignId, rs.getString("id"),
                            Columns.enumValue(rs, "member_status", MemberStatus.class),
                            Columns.instant(rs, "member_assigned_at"),
                            Columns.optionalInstant(rs, "member_removed_at")), LeadRows.map(rs, ctx)))
                    .list();
            return new Page<>(items, page.offset(), total);
        });
    }

    private static Query bind(Query query, String campaignId, Optional<MemberStatus> status) {
        status.ifPresent(s -> query.bind("status", s.name()));
        return query.bind("campaignId", campaignId);
    }

    /**
     * Locks the lead's row first (as enrolling does, and before its enrollments, as every unit of work
     * does), so that an enrollment in the campaign racing the removal is either ended by it or sees
     * the lead REMOVED; then the membership row.
     */
    Optional<Integer> remove(String campaignId, String leadId, Instant at) {
        return db.inTransaction("removeCampaignMember", h -> {
            LeadRepository.lock(h, leadId);
            String status = h.createQuery(LOCK_MEMBER).bind("campaignId", campaignId).bind("leadId", leadId)
                    .mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFoundException("member of campaign " + campaignId, leadId));
            if (status.equals(MemberStatus.REMOVED.name())) {
                return Optional.<Integer>empty();
            }
            h.createUpdate(REMOVE_MEMBER).bind("campaignId", campaignId).bind("leadId", leadId)
                    .bindByType("at", at, Instant.class).execute();
            int ended = h.createUpdate(EnrollmentRows.END_OF_LEAD + " AND campaign_id = :campaignId")
                    .bind("leadId", leadId).bind("campaignId", campaignId)
                    .bind("status", EnrollmentStatus.EXITED.name())
                    .bind("reason", ExitReason.REMOVED_FROM_CAMPAIGN.name())
                    .bindByType("at", at, Instant.class).execute();
            h.createUpdate(AttemptRows.CANCEL_OF_LEAD + " AND campaign_id = :campaignId")
                    .bind("leadId", leadId).bind("campaignId", campaignId)
                    .bindByType("at", at, Instant.class).execute();
            return Optional.of(ended);
        });
    }

    CampaignStats stats(String campaignId) {
        return db.withHandle("campaignStats", h -> {
            Map<String, Long> members = h.createQuery(MEMBER_COUNTS).bind("campaignId", campaignId)
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long contacted = h.createQuery(CONTACTED_LEADS).bind("campaignId", campaignId).mapTo(Long.class).one();
            Map<Channel, ChannelStats> byChannel = new EnumMap<>(Channel.class);
            h.createQuery(ATTEMPTS_BY_CHANNEL).bind("campaignId", campaignId).map((rs, ctx) -> Map.entry(
                    Columns.enumValue(rs, "channel", Channel.class), new ChannelStats(rs.getLong("n"),
                            rs.getLong("leads"), 0, BigDecimal.ZERO)))
                    .forEach(e -> byChannel.put(e.getKey(), e.getValue()));
            return withSales(h, campaignId, members, contacted, byChannel);
        });
    }

    private static CampaignStats withSales(Handle h, String campaignId, Map<String, Long> members, long contacted,
            Map<Channel, ChannelStats> byChannel) {
        long converted = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Sales s : h.createQuery(SALES_BY_CHANNEL).bind("campaignId", campaignId).map((rs, ctx) -> new Sales(
                Columns.optionalEnum(rs, "channel", Channel.class), rs.getLong("n"),
                rs.getBigDecimal("revenue").setScale(rs.getInt("revenue_scale")))).list()) {
            converted += s.count();
            revenue = revenue.add(s.revenue());
            s.channel().ifPresent(ch -> byChannel.merge(ch, new ChannelStats(0, 0, s.count(), s.revenue()),
                    (a, b) -> new ChannelStats(a.attempts(), a.contactedLeads(), b.conversions(), b.revenue())));
        }
        long leads = members.values().stream().mapToLong(Long::longValue).sum();
        return new CampaignStats(campaignId, leads, members.getOrDefault(MemberStatus.REMOVED.name(), 0L), contacted,
                converted, CampaignStats.rate(converted, leads), revenue, byChannel);
    }

    /** SALE conversions credited to one channel (or to none). */
    private record Sales(Optional<Channel> channel, long count, BigDecimal revenue) {
    }
}
