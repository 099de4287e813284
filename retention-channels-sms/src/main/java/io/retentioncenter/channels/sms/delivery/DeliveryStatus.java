package io.retentioncenter.channels.sms.delivery;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.InputText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SMS delivery-report vocabulary (SMPP 3.4 {@code stat} values, 23 Telecom and SMS-Retail
 * statuses) folded into what the engine acts on. Matching is case-insensitive.
 */
public enum DeliveryStatus {
    /** {@code delivered}, {@code DELIVRD}, {@code DELIVERED}: final success. */
    DELIVERED(ProviderEventType.SUCCEEDED, "DELIVERED", "DELIVRD"),
    /** {@code failed}, {@code UNDELIV}, {@code EXPIRED}, {@code REJECTD}, {@code DELETED}, {@code IM_EXPD}: final failure. */
    FAILED(ProviderEventType.FAILED, "FAILED", "UNDELIV", "EXPIRED", "REJECTD", "DELETED", "IM_EXPD"),
    /** {@code ACCEPTD}, {@code ENROUTE}, {@code pending}, {@code sent}, {@code accepted}: on its way, not final. */
    IN_PROGRESS(ProviderEventType.SENT, "ACCEPTD", "ENROUTE", "PENDING", "SENT", "ACCEPTED"),
    /**
     * {@code UNKNOWN}: the carrier never said. Final, but it proves neither delivery nor failure,
     * so it produces no event and the attempt keeps its current status.
     */
    UNKNOWN(null, "UNKNOWN");

    private final ProviderEventType eventType;
    private final List<String> names;

    DeliveryStatus(ProviderEventType eventType, String... names) {
        this.eventType = eventType;
        this.names = List.of(names);
    }

    /** The event this status produces; empty for {@link #UNKNOWN}. */
    public Optional<ProviderEventType> eventType() {
        return Optional.ofNullable(eventType);
    }

    /**
     * Maps a provider status.
     *
     * @param raw the status as received
     * @param field the payload field it came from, named in the exception
     * @throws InvalidPayloadException naming {@code field} when the status is missing or not in the vocabulary
     */
    public static DeliveryStatus parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPayloadException(field, "is required");
        }
        String key = raw.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.names.contains(key))
                .findFirst()
                .orElseThrow(() -> new InvalidPayloadException(field, "unknown delivery status '"
                        + InputText.echo(raw.trim()) + "'"));
    }
}
