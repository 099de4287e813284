package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * A one-off message an operator writes to one lead on one channel, for a campaign whose contact
 * policy (schedule, rate and contact limits, pacing) applies. The text renders like a script
 * ({@code {{firstName}}} and the other script variables).
 *
 * @param leadId the lead
 * @param campaignId the campaign the message is sent for
 * @param channel the channel
 * @param subject the subject; required for EMAIL
 * @param text the message text
 * @param requestKey the host's key for this request (e.g. a form token): a repeated call with the same
 *     key sends nothing more and returns the first attempt; empty for none
 */
public record OneOffMessage(String leadId, String campaignId, Channel channel, Optional<String> subject, String text,
        Optional<String> requestKey) {

    /** Validates presence. */
    public OneOffMessage {
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(subject, "subject");
        Require.text(text, "text");
        Require.present(requestKey, "requestKey");
    }

    /** {@code text} to {@code leadId} on {@code channel} for {@code campaignId}. */
    public static OneOffMessage of(String leadId, String campaignId, Channel channel, String text) {
        return new OneOffMessage(leadId, campaignId, channel, Optional.empty(), text, Optional.empty());
    }

    /** A copy with {@code value} as subject. */
    public OneOffMessage subject(String value) {
        return new OneOffMessage(leadId, campaignId, channel, Optional.of(Require.text(value, "subject")), text,
                requestKey);
    }

    /** A copy with the host's request key. */
    public OneOffMessage requestKey(String key) {
        return new OneOffMessage(leadId, campaignId, channel, subject, text,
                Optional.of(Require.text(key, "requestKey")));
    }
}
