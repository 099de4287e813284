package io.retentioncenter.core.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer to one send.
 *
 * @param accepted whether the provider took the message or call
 * @param providerRef the provider's id for it, when accepted
 * @param error what went wrong, when not accepted
 * @param retryable whether trying again later may succeed (429, 5xx, timeouts)
 * @param retryAfter how long the provider asked to wait, if it said
 * @param details extra facts to keep (e.g. SMS segment count and encoding)
 */
public record SendResult(
        boolean accepted,
        Optional<String> providerRef,
        Optional<String> error,
        boolean retryable,
        Optional<Duration> retryAfter,
        Map<String, String> details) {

    /** Copies the details. */
    public SendResult {
        details = Map.copyOf(details);
    }

    /** Accepted with the provider's reference. */
    public static SendResult accepted(String providerRef) {
        return new SendResult(true, Optional.of(providerRef), Optional.empty(), false, Optional.empty(), Map.of());
    }

    /** Accepted with the provider's reference and details. */
    public static SendResult accepted(String providerRef, Map<String, String> details) {
        return new SendResult(true, Optional.of(providerRef), Optional.empty(), false, Optional.empty(), details);
    }

    /** A failure that may succeed later, optionally after {@code retryAfter}. */
    public static SendResult retryableFailure(String error, Optional<Duration> retryAfter) {
        return new SendResult(false, Optional.empty(), Optional.of(error), true, retryAfter, Map.of());
    }

    /** A failure that will not succeed on retry (bad request, bad credentials, invalid number). */
    public static SendResult permanentFailure(String error) {
        return new SendResult(false, Optional.empty(), Optional.of(error), false, Optional.empty(), Map.of());
    }
}
