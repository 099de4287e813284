package io.retentioncenter.core.internal;

import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates new {@link ContactAttempt}s. */
public final class Attempts {
    private Attempts() {
    }

    /**
     * A new attempt, PENDING when {@code dueAt} is not after {@code now}, else SCHEDULED.
     *
     * @param keySource the deterministic part of the idempotency key, e.g. {@code enr_…:3}; the
     *     try number is appended
     */
    public static ContactAttempt create(Lead lead, String campaignId, Channel channel, AttemptKind kind,
            Optional<String> enrollmentId, Optional<Integer> stepOrder, String keySource, ComposedMessage message,
            Instant dueAt, Instant now) {
        return fresh(lead, campaignId, channel, kind, enrollmentId, stepOrder, keySource, message.attemptId(),
                Optional.of(message.scriptId()), message, dueAt, now);
    }

    /**
     * A new one-off attempt {@code attemptId} of free text (no script), PENDING when {@code dueAt} is
     * not after {@code now}, else SCHEDULED; its idempotency key derives from the id.
     */
    public static ContactAttempt oneOff(Lead lead, String campaignId, Channel channel, String attemptId,
            Optional<String> subject, String body, Instant dueAt, Instant now) {
        ComposedMessage text = new ComposedMessage(attemptId, "none", Optional.empty(), Optional.empty(), subject,
                body);
        return fresh(lead, campaignId, channel, AttemptKind.ONE_OFF, Optional.empty(), Optional.empty(),
                "one-off:" + attemptId, attemptId, Optional.empty(), text, dueAt, now);
    }

    private static ContactAttempt fresh(Lead lead, String campaignId, Channel channel, AttemptKind kind,
            Optional<String> enrollmentId, Optional<Integer> stepOrder, String keySource, String attemptId,
            Optional<String> scriptId, ComposedMessage message, Instant dueAt, Instant now) {
        String recipient = lead.addressFor(channel)
                .orElseThrow(() -> new IllegalArgumentException("lead has no address for " + channel));
        AttemptStatus status = dueAt.isAfter(now) ? AttemptStatus.SCHEDULED : AttemptStatus.PENDING;
        return new ContactAttempt(attemptId, lead.id(), campaignId, channel, kind, status, enrollmentId,
                stepOrder, 1, keySource + ":1", scriptId, message.abTestId(),
                message.variant(), recipient, message.subject(), message.body(), dueAt, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), now, now);
    }

    /** The copy of {@code a} for its next dispatch try, due at {@code dueAt}, with a new idempotency key. */
    public static ContactAttempt nextTry(ContactAttempt a, Instant dueAt, String error, Instant now) {
        int next = a.tryNumber() + 1;
        String base = a.idempotencyKey().substring(0, a.idempotencyKey().lastIndexOf(':'));
        return pending(a, next, base + ":" + next, dueAt, error, now);
    }

    /**
     * The copy of {@code a} back in the outbox for its next try with the same idempotency key, due at
     * {@code dueAt}: for providers that dedupe by the key, after an unknown outcome.
     */
    public static ContactAttempt sameKeyRetry(ContactAttempt a, Instant dueAt, String error, Instant now) {
        return pending(a, a.tryNumber() + 1, a.idempotencyKey(), dueAt, error, now);
    }

    /**
     * The copy of an UNKNOWN attempt that an operator sends again on purpose: the next try number,
     * a new idempotency key, due at {@code now}.
     */
    public static ContactAttempt deliberateResend(ContactAttempt a, Instant now) {
        return nextTry(a, now, "sent again by an operator after an unknown outcome", now);
    }

    private static ContactAttempt pending(ContactAttempt a, int tryNumber, String key, Instant dueAt, String error,
            Instant now) {
        return new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(), AttemptStatus.PENDING,
                a.enrollmentId(), a.stepOrder(), tryNumber, key, a.scriptId(), a.abTestId(), a.variant(),
                a.recipient(), a.subject(), a.body(), dueAt, a.provider(), a.providerRef(), a.sentAt(),
                Optional.of(error), a.transcript(), a.keywords(), a.createdAt(), now);
    }

    /**
     * The copy of {@code a} accepted by {@code provider} at {@code now}, under the provider's
     * reference when its answer carried one.
     */
    public static ContactAttempt sent(ContactAttempt a, String provider, Optional<String> ref, Instant now) {
        return new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(), AttemptStatus.SENT,
                a.enrollmentId(), a.stepOrder(), a.tryNumber(), a.idempotencyKey(), a.scriptId(), a.abTestId(),
                a.variant(), a.recipient(), a.subject(), a.body(), a.dueAt(), Optional.of(provider), ref,
                Optional.of(now), Optional.empty(), a.transcript(), a.keywords(), a.createdAt(), now);
    }

    /** The copy of {@code a} ended in {@code status} (FAILED or UNKNOWN) with {@code error}. */
    public static ContactAttempt ended(ContactAttempt a, AttemptStatus status, String provider, String error,
            Instant now) {
        return new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(), status, a.enrollmentId(),
                a.stepOrder(), a.tryNumber(), a.idempotencyKey(), a.scriptId(), a.abTestId(), a.variant(),
                a.recipient(), a.subject(), a.body(), a.dueAt(), Optional.of(provider), a.providerRef(), a.sentAt(),
                Optional.of(error), a.transcript(), a.keywords(), a.createdAt(), now);
    }
}
