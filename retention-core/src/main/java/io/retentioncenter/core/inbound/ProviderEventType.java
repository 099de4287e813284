package io.retentioncenter.core.inbound;

import io.retentioncenter.core.contact.AttemptStatus;
import java.util.Optional;

/** Normalized provider event kinds, the vocabulary every channel module maps its webhooks onto. */
public enum ProviderEventType {
    /** The provider sent the message / placed the call. */
    SENT(AttemptStatus.SENT),
    /** Delivered to the device or inbox. */
    DELIVERED(AttemptStatus.DELIVERED),
    /** Email opened. */
    OPENED(AttemptStatus.OPENED),
    /** Link clicked (counts as opened). */
    CLICKED(AttemptStatus.OPENED),
    /** The lead replied. */
    REPLIED(AttemptStatus.REPLIED),
    /** The call was answered. */
    ANSWERED(AttemptStatus.ANSWERED),
    /** The touch completed successfully (e.g. a call ran to its end). */
    SUCCEEDED(AttemptStatus.SUCCESS),
    /** Sending or delivery failed (bounce, undeliverable, no answer, busy). */
    FAILED(AttemptStatus.FAILED),
    /** The lead opted out (STOP reply, unsubscribe): the lead becomes DO_NOT_CONTACT. */
    OPTED_OUT(null),
    /** The lead asked to be called back, optionally at {@link ProviderEvent#callbackAt()}. */
    CALLBACK_REQUESTED(null);

    private final AttemptStatus attemptStatus;

    ProviderEventType(AttemptStatus attemptStatus) {
        this.attemptStatus = attemptStatus;
    }

    /** The attempt status this event moves the attempt to, if it moves it at all. */
    public Optional<AttemptStatus> attemptStatus() {
        return Optional.ofNullable(attemptStatus);
    }
}
