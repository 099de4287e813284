package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import java.util.Arrays;

/**
 * What the scan learned about one lead of the scope, in a few bits: contacted, responded, converted,
 * and per channel contacted and converted; plus the campaigns it was contacted in.
 */
final class LeadTally {
    private static final int CONTACTED = 1;
    private static final int RESPONDED = 1 << 1;
    private static final int CONVERTED = 1 << 2;
    private static final int CHANNEL_CONTACTED = 8;
    private static final int CHANNEL_CONVERTED = 16;
    private static final CampaignTally[] NONE = new CampaignTally[0];

    private int flags;
    private CampaignTally[] contactedIn = NONE;

    /** Records a sent attempt on {@code channel} in {@code campaign}. */
    void contacted(Channel channel, CampaignTally campaign, boolean responded, boolean converted) {
        int bits = CONTACTED | 1 << (CHANNEL_CONTACTED + channel.ordinal());
        if (responded || converted) {
            bits |= RESPONDED;
        }
        if (converted) {
            bits |= CONVERTED | 1 << (CHANNEL_CONVERTED + channel.ordinal());
        }
        flags |= bits;
        for (CampaignTally known : contactedIn) {
            if (known == campaign) {
                return;
            }
        }
        contactedIn = Arrays.copyOf(contactedIn, contactedIn.length + 1);
        contactedIn[contactedIn.length - 1] = campaign;
    }

    boolean isContacted() {
        return (flags & CONTACTED) != 0;
    }

    boolean isResponded() {
        return (flags & RESPONDED) != 0;
    }

    boolean isConverted() {
        return (flags & CONVERTED) != 0;
    }

    boolean isContactedOn(Channel channel) {
        return (flags & 1 << (CHANNEL_CONTACTED + channel.ordinal())) != 0;
    }

    boolean isConvertedOn(Channel channel) {
        return (flags & 1 << (CHANNEL_CONVERTED + channel.ordinal())) != 0;
    }

    /** The campaigns the lead was contacted in. */
    CampaignTally[] contactedIn() {
        return contactedIn;
    }
}
