package io.retentioncenter.host.api;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.DelayAnchor;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.StepCondition;
import java.util.Optional;
import java.util.Set;

/**
 * A sequence step in a request. Defaults: no script (the campaign's), no conditions, the library's
 * retries, the delay counted from the previous step, enabled. The step's order comes from its
 * position (or the path), not from the body.
 */
public record StepRequest(Channel channel, int delayValue, DelayUnit delayUnit, String scriptId,
        Set<StepCondition> conditions, Integer maxRetries, DelayAnchor anchor, Boolean enabled) {

    SequenceStep toStep(int order) {
        return new SequenceStep(order, channel, delayValue, delayUnit, Optional.ofNullable(scriptId),
                conditions == null ? Set.of() : conditions,
                maxRetries == null ? SequenceStep.DEFAULT_MAX_RETRIES : maxRetries,
                anchor == null ? DelayAnchor.PREVIOUS_STEP : anchor, enabled == null || enabled);
    }
}
