package io.retentioncenter.core.reengagement;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * "If a lead of {@code sourceSequenceId} has not converted {@code delay} after its enrollment (or
 * after the sequence completed), enroll it into {@code targetSequenceId}." Evaluated by every tick;
 * a lead is moved into a target sequence at most once, by whichever rule and engine gets there
 * first, and the target sequence's re-enrollment cooldown applies.
 *
 * @param id rule id
 * @param sourceSequenceId the sequence whose leads are watched
 * @param trigger what the delay counts from
 * @param delay how long after the trigger a lead that has not converted is moved
 * @param targetSequenceId the sequence the lead is enrolled into
 * @param createdAt creation time
 */
public record ReengagementRule(String id, String sourceSequenceId, ReengagementTrigger trigger, Duration delay,
        String targetSequenceId, Instant createdAt) {

    /** Validates. */
    public ReengagementRule {
        Require.text(id, "id");
        Require.text(sourceSequenceId, "sourceSequenceId");
        Require.present(trigger, "trigger");
        Require.present(delay, "delay");
        if (delay.isNegative()) {
            throw new ValidationException("delay", "must not be negative, was " + delay);
        }
        Require.text(targetSequenceId, "targetSequenceId");
        if (sourceSequenceId.equals(targetSequenceId)) {
            throw new ValidationException("targetSequenceId", "must differ from the source sequence");
        }
        Require.present(createdAt, "createdAt");
    }
}
