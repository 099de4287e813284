package io.retentioncenter.core.lead;

import java.time.Duration;
import java.util.Optional;

/**
 * One campaign a lead is routed to on intake: the campaign, its cap on members, and the sequence
 * its members are enrolled in.
 *
 * @param campaignId the campaign
 * @param cap the most leads the campaign may hold; empty for no cap
 * @param sequence the sequence members are enrolled in; empty to assign only
 */
public record IntakeRoute(String campaignId, Optional<Integer> cap, Optional<Sequence> sequence) {

    /**
     * The sequence of a route.
     *
     * @param sequenceId the sequence
     * @param firstDelay delay of its first step, counted from the intake time
     * @param cooldown the sequence's re-enrollment cooldown
     */
    public record Sequence(String sequenceId, Duration firstDelay, Duration cooldown) {
    }
}
