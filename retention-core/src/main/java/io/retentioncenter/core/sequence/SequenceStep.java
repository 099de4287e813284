package io.retentioncenter.core.sequence;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One timed step. Its delay counts from the previous step's actual execution (or from enrollment for
 * the first step), or from the enrollment itself when {@code anchor} is {@link DelayAnchor#ENROLLMENT}.
 *
 * @param order 1-based position in the sequence
 * @param channel the channel to contact on
 * @param delayValue delay amount, zero or more
 * @param delayUnit delay unit
 * @param scriptId the script to send; empty means the campaign's (or default) script for the channel
 * @param conditions all must hold for the step to run, else it is skipped
 * @param maxRetries how often a failed provider send is retried before the step counts as FAILED
 * @param anchor what the delay counts from
 * @param enabled false for a step switched off: it is skipped (and the sequence moves on) without
 *     being deleted
 */
public record SequenceStep(
        int order,
        Channel channel,
        int delayValue,
        DelayUnit delayUnit,
        Optional<String> scriptId,
        Set<StepCondition> conditions,
        int maxRetries,
        DelayAnchor anchor,
        boolean enabled) {

    /** The longest delay a step may have: ten years (3,653 days). */
    public static final Duration MAX_DELAY = Duration.ofDays(3_653);

    /** Default number of retries after a failed send. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    /** Validates and copies. */
    public SequenceStep {
        Require.positive(order, "step.order");
        Require.present(channel, "step.channel");
        Require.nonNegative(delayValue, "step.delayValue");
        Require.present(delayUnit, "step.delayUnit");
        if (delayUnit.of(delayValue).compareTo(MAX_DELAY) > 0) {
            throw new ValidationException("step.delayValue", "must be at most ten years (" + MAX_DELAY.toDays()
                    + " days), was " + delayValue + " " + delayUnit);
        }
        Require.present(scriptId, "step.scriptId");
        conditions = Set.copyOf(Require.present(conditions, "step.conditions"));
        Require.nonNegative(maxRetries, "step.maxRetries");
        Require.present(anchor, "step.anchor");
    }

    /** An enabled step whose delay counts from the previous step's execution. */
    public SequenceStep(int order, Channel channel, int delayValue, DelayUnit delayUnit, Optional<String> scriptId,
            Set<StepCondition> conditions, int maxRetries) {
        this(order, channel, delayValue, delayUnit, scriptId, conditions, maxRetries, DelayAnchor.PREVIOUS_STEP, true);
    }

    /** A step without conditions, using the campaign's script and default retries. */
    public static SequenceStep of(int order, Channel channel, int delayValue, DelayUnit unit) {
        return new SequenceStep(order, channel, delayValue, unit, Optional.empty(), Set.of(), DEFAULT_MAX_RETRIES);
    }

    /** The delay as a duration. */
    public Duration delay() {
        return delayUnit.of(delayValue);
    }

    /** A copy at another position. */
    public SequenceStep withOrder(int newOrder) {
        return new SequenceStep(newOrder, channel, delayValue, delayUnit, scriptId, conditions, maxRetries, anchor,
                enabled);
    }

    /** A copy switched on or off. */
    public SequenceStep withEnabled(boolean value) {
        return new SequenceStep(order, channel, delayValue, delayUnit, scriptId, conditions, maxRetries, anchor, value);
    }

    /** A copy whose delay counts from {@code value}. */
    public SequenceStep anchoredTo(DelayAnchor value) {
        return new SequenceStep(order, channel, delayValue, delayUnit, scriptId, conditions, maxRetries, value, enabled);
    }
}
