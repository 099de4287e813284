package io.retentioncenter.channels.instantly;

import io.retentioncenter.core.inbound.ProviderEventType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Instantly webhook {@code event_type} labels that move an attempt, with the normalized event
 * each becomes. Payload labels differ from subscription names (a click arrives as
 * {@code link_clicked}), so both spellings are listed. Every other label is deliberately not mapped.
 */
enum InstantlyEventType {
    /** The campaign sent the email. */
    EMAIL_SENT(ProviderEventType.SENT, "email_sent"),
    /** The lead opened the email. */
    EMAIL_OPENED(ProviderEventType.OPENED, "email_opened"),
    /** The lead clicked a tracked link. */
    LINK_CLICKED(ProviderEventType.CLICKED, "email_link_clicked", "link_clicked"),
    /** The lead replied (auto-replies arrive as {@code auto_reply_received} and are not mapped). */
    REPLY_RECEIVED(ProviderEventType.REPLIED, "reply_received"),
    /** The email bounced. */
    EMAIL_BOUNCED(ProviderEventType.FAILED, "email_bounced"),
    /** The lead unsubscribed. */
    LEAD_UNSUBSCRIBED(ProviderEventType.OPTED_OUT, "lead_unsubscribed");

    private final ProviderEventType type;
    private final List<String> labels;

    InstantlyEventType(ProviderEventType type, String... labels) {
        this.type = type;
        this.labels = List.of(labels);
    }

    /** The normalized event for a payload {@code event_type} label; empty for unmapped labels. */
    static Optional<ProviderEventType> forLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.labels.contains(label)).map(t -> t.type).findFirst();
    }
}
