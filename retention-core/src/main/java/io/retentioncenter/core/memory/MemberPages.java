package io.retentioncenter.core.memory;

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
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The campaign page of the in-memory store: members, removal, results. Not thread-safe. */
final class MemberPages {
    private final LeadTable leads;
    private final CampaignMembers members;
    private final EnrollmentTable enrollments;
    private final AttemptTable attempts;
    private final ConversionBook conversions;

    MemberPages(LeadTable leads, CampaignMembers members, EnrollmentTable enrollments, AttemptTable attempts,
            ConversionBook conversions) {
        this.leads = leads;
        this.members = members;
        this.enrollments = enrollments;
        this.attempts = attempts;
        this.conversions = conversions;
    }

    Page<CampaignMember> list(String campaignId, Optional<MemberStatus> status, PageRequest page) {
        List<CampaignLead> matching = members.of(campaignId).stream()
                .filter(m -> status.map(s -> s == m.status()).orElse(true)).toList();
        return Pages.of(matching.stream().map(m -> new CampaignMember(m, leads.require(m.leadId()))), matching.size(),
                page);
    }

    Optional<Integer> remove(String campaignId, String leadId, Instant at) {
        CampaignLead member = members.find(campaignId, leadId)
                .orElseThrow(() -> new NotFoundException("member of campaign " + campaignId, leadId));
        if (member.status() == MemberStatus.REMOVED) {
            return Optional.empty();
        }
        members.replace(member.removed(at));
        int ended = 0;
        for (SequenceEnrollment e : enrollments.ofLead(leadId)) {
            if (e.campaignId().equals(campaignId) && !e.status().isFinal()) {
                enrollments.put(e.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.REMOVED_FROM_CAMPAIGN), at));
                ended++;
            }
        }
        for (ContactAttempt a : attempts.ofLead(leadId)) {
            if (a.campaignId().equals(campaignId) && a.status().isUndispatched()) {
                attempts.put(a.withStatus(AttemptStatus.CANCELLED, at));
            }
        }
        return Optional.of(ended);
    }

    /** Counts every attempt and conversion credited to the campaign, members or not. */
    CampaignStats stats(String campaignId) {
        Set<String> contacted = new HashSet<>();
        Map<Channel, Long> sent = new EnumMap<>(Channel.class);
        Map<Channel, Set<String>> reached = new EnumMap<>(Channel.class);
        attempts.createdIndex().stream().map(key -> attempts.find(key.id()).orElseThrow())
                .filter(a -> a.campaignId().equals(campaignId) && CampaignStats.CONTACTED.contains(a.status()))
                .forEach(a -> {
                    contacted.add(a.leadId());
                    sent.merge(a.channel(), 1L, Long::sum);
                    reached.computeIfAbsent(a.channel(), c -> new HashSet<>()).add(a.leadId());
                });
        Map<Channel, Long> sales = new EnumMap<>(Channel.class);
        Map<Channel, BigDecimal> revenueOf = new EnumMap<>(Channel.class);
        List<Conversion> sold = conversions.occurredIndex().stream()
                .map(key -> conversions.find(key.id()).orElseThrow())
                .filter(c -> c.campaignId().equals(campaignId) && c.status() == ConversionStatus.SALE).toList();
        BigDecimal revenue = BigDecimal.ZERO;
        for (Conversion c : sold) {
            revenue = revenue.add(c.revenue());
            c.channel().ifPresent(ch -> {
                sales.merge(ch, 1L, Long::sum);
                revenueOf.merge(ch, c.revenue(), BigDecimal::add);
            });
        }
        Map<Channel, ChannelStats> byChannel = new EnumMap<>(Channel.class);
        for (Channel ch : Channel.values()) {
            if (sent.containsKey(ch) || sales.containsKey(ch)) {
                byChannel.put(ch, new ChannelStats(sent.getOrDefault(ch, 0L), reached.getOrDefault(ch, Set.of()).size(),
                        sales.getOrDefault(ch, 0L), revenueOf.getOrDefault(ch, BigDecimal.ZERO)));
            }
        }
        List<CampaignLead> all = members.of(campaignId);
        long removed = all.stream().filter(m -> m.status() == MemberStatus.REMOVED).count();
        return new CampaignStats(campaignId, all.size(), removed, contacted.size(), sold.size(),
                CampaignStats.rate(sold.size(), all.size()), revenue, byChannel);
    }
}
