package io.retentioncenter.core.fact;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * What analytics reads of a {@link ContactAttempt}. The rendered subject and body are carried only
 * for attempts without a script: for the others the script's template is the text that counts.
 *
 * @param id the attempt
 * @param leadId the lead
 * @param campaignId the campaign
 * @param channel the channel
 * @param status lifecycle status
 * @param enrollmentId the sequence enrollment, when sent by a sequence
 * @param stepOrder the sequence step number
 * @param scriptId the script used
 * @param abTestId the A/B test
 * @param variant the A/B variant
 * @param subject the rendered subject, only when there is no script
 * @param body the rendered body, only when there is no script
 * @param sentAt when the provider accepted it
 * @param createdAt creation time
 */
public record AttemptFact(
        String id,
        String leadId,
        String campaignId,
        Channel channel,
        AttemptStatus status,
        Optional<String> enrollmentId,
        Optional<Integer> stepOrder,
        Optional<String> scriptId,
        Optional<String> abTestId,
        Optional<String> variant,
        Optional<String> subject,
        Optional<String> body,
        Optional<Instant> sentAt,
        Instant createdAt) {

    /** Checks that every component is present (the store validated the values when it wrote them). */
    public AttemptFact {
        Require.present(id, "id");
        Require.present(leadId, "leadId");
        Require.present(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(status, "status");
        Require.present(enrollmentId, "enrollmentId");
        Require.present(stepOrder, "stepOrder");
        Require.present(scriptId, "scriptId");
        Require.present(abTestId, "abTestId");
        Require.present(variant, "variant");
        Require.present(subject, "subject");
        Require.present(body, "body");
        Require.present(sentAt, "sentAt");
        Require.present(createdAt, "createdAt");
    }

    /** The projection of {@code attempt}. */
    public static AttemptFact of(ContactAttempt attempt) {
        boolean scripted = attempt.scriptId().isPresent();
        return new AttemptFact(attempt.id(), attempt.leadId(), attempt.campaignId(), attempt.channel(),
                attempt.status(), attempt.enrollmentId(), attempt.stepOrder(), attempt.scriptId(), attempt.abTestId(),
                attempt.variant(), scripted ? Optional.empty() : attempt.subject(),
                scripted ? Optional.empty() : Optional.of(attempt.body()), attempt.sentAt(), attempt.createdAt());
    }
}
