package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.MemberStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's side of campaign membership: the campaign's lead list, taking a lead out of a
 * campaign, and the campaign's results. A role of {@link RetentionStore}; assigning is
 * {@link EnrollmentStore#assignLead}, whose cap counts ACTIVE members only and which leaves a
 * REMOVED member as it is (answering {@code REMOVED}).
 */
public interface CampaignMembersStore {
    /**
     * The campaign's members with their leads, in {@code status} when given, in assignment order
     * (ties by lead id); empty for an unknown campaign.
     */
    Page<CampaignMember> listCampaignMembers(String campaignId, Optional<MemberStatus> status, PageRequest page);

    /**
     * Takes a lead out of a campaign, atomically: marks its membership REMOVED at {@code at}, moves
     * its ACTIVE, PAUSED and SET_ASIDE enrollments in the campaign to EXITED with reason
     * {@code REMOVED_FROM_CAMPAIGN} (releasing their leases, so a tick holding one finds its outcome
     * STALE) and cancels its SCHEDULED and PENDING attempts of the campaign. The lead's outreach in
     * other campaigns goes on.
     *
     * @return the number of enrollments that ended, or empty when the membership was REMOVED already
     *     (nothing changed)
     * @throws io.retentioncenter.core.NotFoundException when the lead was never in the campaign
     */
    Optional<Integer> removeCampaignMember(String campaignId, String leadId, Instant at);

    /**
     * The campaign's results: members, removed members, contacted leads, SALE conversions and their
     * revenue, in total and per channel (see {@link CampaignStats}); zeros for an unknown campaign.
     */
    CampaignStats campaignStats(String campaignId);
}
