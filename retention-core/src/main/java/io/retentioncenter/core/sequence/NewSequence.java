package io.retentioncenter.core.sequence;

import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sequence to create (as DRAFT). Steps are numbered in the order added.
 *
 * @param name display name
 * @param campaignId the campaign it belongs to, if any
 * @param reenrollCooldown re-enrollment cooldown (default 30 days)
 * @param steps the steps
 * @param description what the sequence is for (optional)
 */
public record NewSequence(String name, Optional<String> campaignId, Duration reenrollCooldown,
        List<SequenceStep> steps, Optional<String> description) {

    /** Starts a builder. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builder. */
    public static final class Builder {
        private final String name;
        private String campaignId;
        private Duration cooldown = RetentionSequence.DEFAULT_COOLDOWN;
        private final List<SequenceStep> steps = new ArrayList<>();
        private Optional<String> description = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        /** Links the sequence to a campaign. */
        public Builder campaign(String id) {
            campaignId = Require.text(id, "campaignId");
            return this;
        }

        /** Re-enrollment cooldown. */
        public Builder reenrollCooldown(Duration value) {
            cooldown = Require.present(value, "reenrollCooldown");
            if (cooldown.isNegative()) {
                throw new io.retentioncenter.core.ValidationException("reenrollCooldown", "must not be negative");
            }
            return this;
        }

        /** Adds a step; its order is set from its position. */
        public Builder step(SequenceStep step) {
            steps.add(Require.present(step, "step").withOrder(steps.size() + 1));
            return this;
        }

        /** Adds a step without conditions using the campaign's script for the channel. */
        public Builder step(io.retentioncenter.core.contact.Channel channel, int delay, DelayUnit unit) {
            return step(SequenceStep.of(steps.size() + 1, channel, delay, unit));
        }

        /**
         * Adds a step due {@code delay} after the enrollment ("day 7"), whatever the previous steps'
         * timing, without conditions and with the campaign's script for the channel.
         */
        public Builder stepAfterEnrollment(io.retentioncenter.core.contact.Channel channel, int delay, DelayUnit unit) {
            return step(SequenceStep.of(steps.size() + 1, channel, delay, unit).anchoredTo(DelayAnchor.ENROLLMENT));
        }

        /** What the sequence is for, for operators: multi-line, at most 2,000 characters; blank for none. */
        public Builder description(String value) {
            description = Descriptions.of(value);
            return this;
        }

        /** Builds the request. */
        public NewSequence build() {
            return new NewSequence(Require.text(name, "name"), Optional.ofNullable(campaignId), cooldown, steps,
                    description);
        }
    }
}
