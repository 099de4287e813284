package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.InputText;
import java.util.Arrays;
import java.util.Optional;

/** VAPI's call {@code status} values as sent in {@code status-update} messages. */
enum CallStatus {
    /** Scheduled for later ({@code schedulePlan}). */
    SCHEDULED("scheduled", ProviderEventType.SENT),
    /** Accepted, waiting to dial. */
    QUEUED("queued", ProviderEventType.SENT),
    /** Dialling the customer. */
    RINGING("ringing", ProviderEventType.SENT),
    /** The customer picked up. */
    IN_PROGRESS("in-progress", ProviderEventType.ANSWERED),
    /** Being transferred; only happens after the call was answered. */
    FORWARDING("forwarding", ProviderEventType.ANSWERED),
    /** Over; the outcome is in {@code endedReason}. */
    ENDED("ended", null),
    /** VAPI lost track of the call. */
    NOT_FOUND("not-found", ProviderEventType.FAILED),
    /** VAPI failed to delete the call. */
    DELETION_FAILED("deletion-failed", ProviderEventType.FAILED);

    private final String wire;
    private final ProviderEventType eventType;

    CallStatus(String wire, ProviderEventType eventType) {
        this.wire = wire;
        this.eventType = eventType;
    }

    /** The status for a wire value; throws naming {@code message.status} for an unknown one. */
    static CallStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidPayloadException("message.status", "unknown call status '"
                        + InputText.echo(value) + "'"));
    }

    /** The event this status maps to directly; empty for {@link #ENDED}, whose outcome is in {@code endedReason}. */
    Optional<ProviderEventType> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** The wire value. */
    String wire() {
        return wire;
    }
}
