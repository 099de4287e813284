package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;

/**
 * How the attempts of one step converted on one channel (a step sends on one channel; more appear
 * only when the step was edited).
 *
 * @param channel the channel
 * @param attempts attributed conversions out of sent attempts
 * @param rate {@code attempts.rate()}
 * @param interval Wilson interval of the rate
 */
public record StepChannel(Channel channel, Proportion attempts, double rate, WilsonInterval interval) {

    /** Validates. */
    public StepChannel {
        Require.present(channel, "channel");
        Require.present(attempts, "attempts");
        Require.present(interval, "interval");
    }
}
