package io.retentioncenter.core.campaign;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's results for the operator's campaign page.
 *
 * @param campaignId the campaign
 * @param leads leads ever assigned to it (removed ones included)
 * @param removed leads an operator removed
 * @param contacted distinct leads with at least one attempt of the campaign that reached the provider
 * @param converted leads with a SALE conversion credited to the campaign
 * @param conversionRate {@code converted / leads}, 0 without leads
 * @param revenue revenue of those SALE conversions (amounts added whatever their currency)
 * @param byChannel per channel, only channels with attempts or conversions
 */
public record CampaignStats(String campaignId, long leads, long removed, long contacted, long converted,
        double conversionRate, BigDecimal revenue, Map<Channel, ChannelStats> byChannel) {

    /** Attempt statuses that count as a contact: the provider accepted the attempt. */
    public static final Set<AttemptStatus> CONTACTED = Set.copyOf(EnumSet.of(AttemptStatus.SENT,
            AttemptStatus.DELIVERED, AttemptStatus.OPENED, AttemptStatus.REPLIED, AttemptStatus.ANSWERED,
            AttemptStatus.SUCCESS));

    /** Validates and copies. */
    public CampaignStats {
        Require.text(campaignId, "campaignId");
        Require.present(revenue, "revenue");
        byChannel = Map.copyOf(Require.present(byChannel, "byChannel"));
    }

    /** The rate {@code converted / leads}, 0 when there are no leads. */
    public static double rate(long converted, long leads) {
        return leads == 0 ? 0 : (double) converted / leads;
    }
}
