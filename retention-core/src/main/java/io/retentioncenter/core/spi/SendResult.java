package io.retentioncenter.core.spi;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer to one send: {@link SendOutcome#ACCEPTED}, {@link SendOutcome#REJECTED} (the
 * provider provably did not act; {@code retryable} says whether a later try may succeed), or
 * {@link SendOutcome#UNKNOWN} (the request may have been acted on). An adapter reports REJECTED only
 * when it can prove the provider did not act; when in doubt it reports UNKNOWN, which the engine
 * never re-sends unless the provider {@linkplain ChannelProvider#idempotentSends() dedupes}.
 *
 * @param outcome what the provider did
 * @param providerRef the provider's id for it, when accepted and the answer carried one
 * @param error what went wrong, when not accepted
 * @param retryable for a rejection: whether trying again later may succeed (429, connection
 *     refused); false otherwise
 * @param retryAfter how long the provider asked to wait, if it said
 * @param details extra facts to keep (e.g. SMS segment count and encoding)
 */
public record SendResult(
        SendOutcome outcome,
        Optional<String> providerRef,
        Optional<String> error,
        boolean retryable,
        Optional<Duration> retryAfter,
        Map<String, String> details) {

    /** Validates and copies the details. */
    public SendResult {
        Require.present(outcome, "outcome");
        Require.present(providerRef, "providerRef");
        Require.present(error, "error");
        Require.present(retryAfter, "retryAfter");
        details = Map.copyOf(Require.present(details, "details"));
        retryable = retryable && outcome == SendOutcome.REJECTED;
    }

    /** Whether the provider took the message or call. */
    public boolean accepted() {
        return outcome == SendOutcome.ACCEPTED;
    }

    /** Accepted with the provider's reference. */
    public static SendResult accepted(String providerRef) {
        return accepted(providerRef, Map.of());
    }

    /** Accepted with the provider's reference and details. */
    public static SendResult accepted(String providerRef, Map<String, String> details) {
        return new SendResult(SendOutcome.ACCEPTED, Optional.of(Require.text(providerRef, "providerRef")),
                Optional.empty(), false, Optional.empty(), details);
    }

    /**
     * Accepted, but the answer carried no readable reference (e.g. a 2xx with an unreadable body):
     * the provider acted, so this must never count as a failure. {@code note} is kept in the
     * details under {@code note}.
     */
    public static SendResult acceptedWithoutReference(String note) {
        return new SendResult(SendOutcome.ACCEPTED, Optional.empty(), Optional.empty(), false, Optional.empty(),
                Map.of("note", Require.text(note, "note")));
    }

    /**
     * A rejection the provider provably did not act on and that may succeed later (429, connection
     * refused, a documented "nothing was sent" error), optionally after {@code retryAfter}.
     */
    public static SendResult retryableFailure(String error, Optional<Duration> retryAfter) {
        return new SendResult(SendOutcome.REJECTED, Optional.empty(), Optional.of(error), true, retryAfter, Map.of());
    }

    /** A rejection that will not succeed on retry (bad request, bad credentials, invalid number). */
    public static SendResult permanentFailure(String error) {
        return new SendResult(SendOutcome.REJECTED, Optional.empty(), Optional.of(error), false, Optional.empty(),
                Map.of());
    }

    /**
     * The request may have reached the provider and been acted on, but no answer says so (read
     * timeout, reset after writing, 5xx, an unexpected exception).
     */
    public static SendResult unknown(String error) {
        return new SendResult(SendOutcome.UNKNOWN, Optional.empty(), Optional.of(error), false, Optional.empty(),
                Map.of());
    }
}
