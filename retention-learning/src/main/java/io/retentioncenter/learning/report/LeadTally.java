package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * What the scan learned about one lead of the scope, in a few bits: contacted, responded, converted
 * (a touch was credited with a sale), counted (a touch whose window has closed) and converted by a
 * counted touch, and per channel contacted, counted and converted by a counted touch; plus the
 * campaigns it counts in and those it converted in.
 */
final class LeadTally {
    private static final int CONTACTED = 1;
    private static final int RESPONDED = 1 << 1;
    private static final int CONVERTED = 1 << 2;
    private static final int COUNTED = 1 << 3;
    private static final int COUNTED_CONVERTED = 1 << 4;
    private static final int CHANNELS = Channel.values().length;
    private static final int CHANNEL_CONTACTED = 5;
    private static final int CHANNEL_COUNTED = CHANNEL_CONTACTED + CHANNELS;
    private static final int CHANNEL_CONVERTED = CHANNEL_COUNTED + CHANNELS;
    private static final CampaignTally[] NONE = new CampaignTally[0];

    /** The lead's time zone, null when it has none (the campaign schedule's zone applies). */
    final ZoneId zone;
    /** Whether the lead has a sale in the range: only then can its attempts be credited. */
    final boolean hasSales;
    private int flags;
    private CampaignTally[] countedIn = NONE;
    private CampaignTally[] convertedIn = NONE;

    LeadTally(ZoneId zone, boolean hasSales) {
        this.zone = zone;
        this.hasSales = hasSales;
    }

    /** Records a sent attempt on {@code channel} in {@code campaign}; {@code counted} when its window has closed. */
    void contacted(Channel channel, CampaignTally campaign, boolean responded, boolean counted) {
        int bits = CONTACTED | 1 << (CHANNEL_CONTACTED + channel.ordinal());
        if (responded) {
            bits |= RESPONDED;
        }
        if (counted) {
            bits |= COUNTED | 1 << (CHANNEL_COUNTED + channel.ordinal());
        }
        flags |= bits;
        if (counted) {
            countedIn = with(countedIn, campaign);
        }
    }

    /**
     * Records that a touch on {@code channel} in {@code campaign} was credited with a sale;
     * {@code counted} when its window has closed.
     */
    void converted(Channel channel, CampaignTally campaign, boolean counted) {
        flags |= RESPONDED | CONVERTED;
        if (counted) {
            flags |= COUNTED_CONVERTED | 1 << (CHANNEL_CONVERTED + channel.ordinal());
            convertedIn = with(convertedIn, campaign);
        }
    }

    private static CampaignTally[] with(CampaignTally[] campaigns, CampaignTally campaign) {
        for (CampaignTally known : campaigns) {
            if (known == campaign) {
                return campaigns;
            }
        }
        CampaignTally[] grown = Arrays.copyOf(campaigns, campaigns.length + 1);
        grown[campaigns.length] = campaign;
        return grown;
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

    /** Whether it counts in lead rates: a touch's window has closed. */
    boolean isCounted() {
        return (flags & COUNTED) != 0;
    }

    /** Whether a touch whose window has closed was credited with a sale. */
    boolean isCountedConverted() {
        return (flags & COUNTED_CONVERTED) != 0;
    }

    boolean isContactedOn(Channel channel) {
        return (flags & 1 << (CHANNEL_CONTACTED + channel.ordinal())) != 0;
    }

    boolean isCountedOn(Channel channel) {
        return (flags & 1 << (CHANNEL_COUNTED + channel.ordinal())) != 0;
    }

    boolean isConvertedOn(Channel channel) {
        return (flags & 1 << (CHANNEL_CONVERTED + channel.ordinal())) != 0;
    }

    /** The campaigns in which the lead had a touch whose window has closed. */
    CampaignTally[] countedIn() {
        return countedIn;
    }

    /** The campaigns in which a touch whose window has closed was credited with its sale. */
    CampaignTally[] convertedIn() {
        return convertedIn;
    }
}
