package io.retentioncenter.core.sequence;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A retention sequence: ordered, timed steps. Steps are numbered 1..n in list order.
 *
 * <p>Editing an ACTIVE sequence affects enrolled leads from their next step on: an enrollment keeps
 * its step number, executed steps are never re-run, and an enrollment whose next step number no
 * longer exists completes at its next tick.
 *
 * @param id sequence id
 * @param name display name
 * @param status lifecycle status
 * @param campaignId the campaign the sequence belongs to, if any
 * @param reenrollCooldown how long after an enrollment ended the same lead may be enrolled again
 * @param steps the steps, numbered 1..n
 * @param oneShot whether this is the implicit one-shot sequence of a campaign without a sequence
 * @param createdAt creation time
 * @param updatedAt last change
 * @param description what the sequence is for, for operators (multi-line, at most 2,000 characters)
 */
public record RetentionSequence(
        String id,
        String name,
        SequenceStatus status,
        Optional<String> campaignId,
        Duration reenrollCooldown,
        List<SequenceStep> steps,
        boolean oneShot,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> description) {

    /** Default re-enrollment cooldown. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofDays(30);

    /** Validates and copies; steps must be numbered 1..n in order. */
    public RetentionSequence {
        Require.text(id, "id");
        name = Require.text(name, "name");
        Require.present(status, "status");
        Require.present(campaignId, "campaignId");
        Require.present(reenrollCooldown, "reenrollCooldown");
        if (reenrollCooldown.isNegative()) {
            throw new ValidationException("reenrollCooldown", "must not be negative");
        }
        steps = List.copyOf(Require.present(steps, "steps"));
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).order() != i + 1) {
                throw new ValidationException("steps[" + i + "].order", "must be " + (i + 1));
            }
        }
        Require.present(createdAt, "createdAt");
        Require.present(updatedAt, "updatedAt");
        description = Descriptions.clean(description);
    }

    /** A sequence without a description. */
    public RetentionSequence(String id, String name, SequenceStatus status, Optional<String> campaignId,
            Duration reenrollCooldown, List<SequenceStep> steps, boolean oneShot, Instant createdAt,
            Instant updatedAt) {
        this(id, name, status, campaignId, reenrollCooldown, steps, oneShot, createdAt, updatedAt, Optional.empty());
    }

    /** Step number {@code order} (1-based), if it exists. */
    public Optional<SequenceStep> step(int order) {
        return order >= 1 && order <= steps.size() ? Optional.of(steps.get(order - 1)) : Optional.empty();
    }

    /** A copy with other steps, renumbered 1..n. */
    public RetentionSequence withSteps(List<SequenceStep> newSteps, Instant at) {
        List<SequenceStep> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < newSteps.size(); i++) {
            numbered.add(newSteps.get(i).withOrder(i + 1));
        }
        return new RetentionSequence(id, name, status, campaignId, reenrollCooldown, numbered, oneShot, createdAt, at,
                description);
    }

    /** A copy in another status, checked against the state machine. */
    public RetentionSequence withStatus(SequenceStatus next, Instant at) {
        return new RetentionSequence(id, name, status.moveTo(next), campaignId, reenrollCooldown, steps, oneShot,
                createdAt, at, description);
    }
}
