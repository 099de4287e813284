package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One outbound touch of a lead on one channel, with everything needed to dispatch it again after a
 * crash (rendered content, recipient, provider settings are resolved at dispatch).
 *
 * @param id attempt id; also the {@code sub_id} passed to the tracker
 * @param leadId the lead
 * @param campaignId the campaign
 * @param channel the channel
 * @param kind why the attempt exists
 * @param status lifecycle status
 * @param enrollmentId the sequence enrollment, when sent by a sequence
 * @param stepOrder the sequence step number, when sent by a sequence step
 * @param tryNumber dispatch try, 1-based; the idempotency key includes it
 * @param idempotencyKey deterministic key per (enrollment, step, try) handed to the provider
 * @param scriptId the script used
 * @param abTestId the A/B test the attempt belongs to
 * @param variant the A/B variant name
 * @param recipient email or E.164 phone the attempt goes to
 * @param subject rendered subject (email)
 * @param body rendered body
 * @param dueAt when the attempt may be dispatched
 * @param provider name of the provider that took it
 * @param providerRef the provider's id for the message or call
 * @param sentAt when the provider accepted it
 * @param error last error
 * @param transcript call transcript
 * @param keywords keywords extracted from a call
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record ContactAttempt(
        String id,
        String leadId,
        String campaignId,
        Channel channel,
        AttemptKind kind,
        AttemptStatus status,
        Optional<String> enrollmentId,
        Optional<Integer> stepOrder,
        int tryNumber,
        String idempotencyKey,
        Optional<String> scriptId,
        Optional<String> abTestId,
        Optional<String> variant,
        String recipient,
        Optional<String> subject,
        String body,
        Instant dueAt,
        Optional<String> provider,
        Optional<String> providerRef,
        Optional<Instant> sentAt,
        Optional<String> error,
        Optional<String> transcript,
        List<String> keywords,
        Instant createdAt,
        Instant updatedAt) {

    /** Validates and copies. */
    public ContactAttempt {
        Require.text(id, "id");
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(kind, "kind");
        Require.present(status, "status");
        Require.present(enrollmentId, "enrollmentId");
        Require.present(stepOrder, "stepOrder");
        Require.positive(tryNumber, "tryNumber");
        Require.text(idempotencyKey, "idempotencyKey");
        Require.present(scriptId, "scriptId");
        Require.present(abTestId, "abTestId");
        Require.present(variant, "variant");
        Require.text(recipient, "recipient");
        Require.present(subject, "subject");
        Require.present(body, "body");
        Require.present(dueAt, "dueAt");
        Require.present(provider, "provider");
        Require.present(providerRef, "providerRef");
        Require.present(sentAt, "sentAt");
        Require.present(error, "error");
        Require.present(transcript, "transcript");
        keywords = List.copyOf(Require.present(keywords, "keywords"));
        Require.present(createdAt, "createdAt");
        Require.present(updatedAt, "updatedAt");
    }

    /** The idempotency key for a (source, step, try) triple: deterministic across crashes and hosts. */
    public static String idempotencyKey(String source, String step, int tryNumber) {
        return source + ":" + step + ":" + tryNumber;
    }

    /** A copy in another status. */
    public ContactAttempt withStatus(AttemptStatus next, Instant at) {
        return new ContactAttempt(id, leadId, campaignId, channel, kind, next, enrollmentId, stepOrder, tryNumber,
                idempotencyKey, scriptId, abTestId, variant, recipient, subject, body, dueAt, provider, providerRef,
                sentAt, error, transcript, keywords, createdAt, at);
    }
}
