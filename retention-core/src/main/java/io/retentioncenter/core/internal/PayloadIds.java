package io.retentioncenter.core.internal;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEvent;
import java.util.Optional;

/**
 * Identifiers read from a provider payload (message and call ids, our attempt id echoed back, the
 * recipient's phone or email), checked where they are read so that a bad one is refused naming the
 * payload field rather than the event it would have become: a NUL is refused, other control characters
 * follow {@link InputText#singleLine}, and an id longer than {@link #MAX_LENGTH} is refused (it could not
 * be part of an event key of at most {@link ProviderEvent#MAX_KEY_LENGTH} characters).
 */
public final class PayloadIds {
    /** Longest identifier accepted; provider ids, UUIDs, E.164 numbers and our ids are far shorter. */
    public static final int MAX_LENGTH = 100;

    private PayloadIds() {
    }

    /**
     * {@code value} as an identifier from payload field {@code field}.
     *
     * @throws InvalidPayloadException naming {@code field} when it contains a NUL, is blank once control
     *     characters are replaced, or is longer than {@link #MAX_LENGTH}
     */
    public static String required(String value, String field) {
        return optional(Optional.ofNullable(value), field)
                .orElseThrow(() -> new InvalidPayloadException(field, "is required"));
    }

    /**
     * {@link #required} for an optional identifier: empty stays empty, and so does one that is blank once
     * control characters are replaced.
     */
    public static Optional<String> optional(Optional<String> value, String field) {
        return optional(value, field, MAX_LENGTH);
    }

    /** {@link #optional(Optional, String)} with another length limit, e.g. 254 for an email address. */
    public static Optional<String> optional(Optional<String> value, String field, int maxLength) {
        if (value.isEmpty()) {
            return value;
        }
        if (InputText.hasNul(value.get())) {
            throw new InvalidPayloadException(field, "contains a NUL character");
        }
        String clean = InputText.flatten(value.get()).strip();
        if (clean.length() > maxLength) {
            throw new InvalidPayloadException(field, "is longer than " + maxLength + " characters");
        }
        return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
    }
}
