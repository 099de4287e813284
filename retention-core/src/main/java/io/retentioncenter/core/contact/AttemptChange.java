package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A forward move of an attempt caused by a provider event.
 *
 * @param attemptId the attempt
 * @param status the new status; applied only if the current status {@link AttemptStatus#canAdvanceTo can advance} to it
 * @param providerRef provider reference to keep, if the attempt has none yet
 * @param error error text to keep (failures)
 * @param transcript transcript to keep
 * @param keywords keywords to keep (replacing earlier ones when non-empty)
 */
public record AttemptChange(String attemptId, AttemptStatus status, Optional<String> providerRef,
        Optional<String> error, Optional<String> transcript, List<String> keywords) {
    /** Validates and copies. */
    public AttemptChange {
        Require.text(attemptId, "change.attemptId");
        Require.present(status, "change.status");
        Require.present(providerRef, "change.providerRef");
        Require.present(error, "change.error");
        Require.present(transcript, "change.transcript");
        keywords = List.copyOf(Require.present(keywords, "change.keywords"));
    }

    /**
     * The attempt after this change at {@code at}, or empty when it changes nothing: the status moves
     * only if {@code a}'s status {@link AttemptStatus#canAdvanceTo can advance} to it; a change that
     * cannot move the status still attaches its transcript and keywords when the attempt has none (a
     * call's late end-of-call report). An existing provider reference is kept; error and transcript
     * replace earlier ones when present; non-empty keywords replace earlier ones. The rule every store
     * applies in {@link io.retentioncenter.core.spi.RetentionStore#advanceAttempt}.
     */
    public Optional<ContactAttempt> applyTo(ContactAttempt a, Instant at) {
        boolean moves = a.status().canAdvanceTo(status);
        boolean addsCallRecord = a.transcript().isEmpty() && transcript.isPresent()
                || a.keywords().isEmpty() && !keywords.isEmpty();
        if (!moves && !addsCallRecord) {
            return Optional.empty();
        }
        return Optional.of(new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(),
                moves ? status : a.status(), a.enrollmentId(), a.stepOrder(), a.tryNumber(), a.idempotencyKey(),
                a.scriptId(), a.abTestId(), a.variant(), a.recipient(), a.subject(), a.body(), a.dueAt(),
                a.provider(), a.providerRef().or(() -> providerRef), a.sentAt(), error.or(a::error),
                transcript.or(a::transcript), keywords.isEmpty() ? a.keywords() : keywords, a.createdAt(), at));
    }
}
