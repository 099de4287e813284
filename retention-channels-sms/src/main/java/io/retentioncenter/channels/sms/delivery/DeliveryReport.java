package io.retentioncenter.channels.sms.delivery;

import io.retentioncenter.channels.sms.PhoneNumbers;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One delivery report from any SMS gateway, before it becomes a {@link ProviderEvent}.
 *
 * @param provider the provider's short name, as its {@code ChannelProvider#name()}
 * @param messageId the provider's message id, returned by the send call
 * @param status the status exactly as the provider sent it; must be in the {@link DeliveryStatus} vocabulary
 * @param recipient the destination phone, when the report carries it
 * @param occurredAt when the provider says the status was reached
 * @param errorCode the provider's or carrier's status / error code, if any
 */
public record DeliveryReport(
        String provider,
        String messageId,
        String status,
        Optional<String> recipient,
        Instant occurredAt,
        Optional<String> errorCode) {

    /**
     * Validates and trims.
     *
     * @throws io.retentioncenter.core.InvalidPayloadException naming {@code status} when it is unknown
     */
    public DeliveryReport {
        provider = Require.text(provider, "provider");
        messageId = Require.text(messageId, "messageId");
        DeliveryStatus.parse(status, "status");
        status = status.trim();
        Require.present(recipient, "recipient");
        Require.present(occurredAt, "occurredAt");
        Require.present(errorCode, "errorCode");
    }

    /** The mapped status. */
    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.parse(status, "status");
    }

    /**
     * The normalized event: type from {@link DeliveryStatus#eventType()}, provider reference = message
     * id, recipient in E.164 where possible, event key {@code provider:messageId:STATUS} (so a
     * re-delivered webhook is a replay). Empty list for {@link DeliveryStatus#UNKNOWN}.
     */
    public List<ProviderEvent> toEvents() {
        return deliveryStatus().eventType().map(this::event).map(List::of).orElseGet(List::of);
    }

    private ProviderEvent event(ProviderEventType type) {
        ProviderEvent.Builder event = ProviderEvent.builder(
                        provider + ":" + messageId + ":" + status.toUpperCase(Locale.ROOT),
                        Channel.SMS, provider, type, occurredAt)
                .providerRef(messageId)
                .detail(status + errorCode.map(code -> " (code " + code + ")").orElse(""));
        recipient.map(PhoneNumbers::normalizedOrRaw).ifPresent(event::recipient);
        return event.build();
    }
}
