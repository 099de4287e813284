package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.util.List;

/**
 * One step of a sequence, over the enrollments of the range. The population of a step is the
 * enrollments that processed the previous step (every enrollment for step 1). Of those, the ones
 * still running without having processed this step are {@code waiting}: their window is open and
 * they are not drop-offs. The others are {@code windowClosed}: they reached the step, converted
 * before it, or ended before it (drop-offs).
 *
 * @param order the step number
 * @param channel the step's channel
 * @param windowClosed enrollments of the population whose window for this step has closed
 * @param waiting enrollments of the population still waiting for this step
 * @param reached enrollments that processed the step (executed, skipped or failed)
 * @param executed executions of the step that sent an attempt
 * @param skipped executions skipped (a condition failed, or the channel is not viable for the lead)
 * @param failed executions whose send kept failing
 * @param convertedBefore enrollments of {@code windowClosed} that converted before the step
 * @param droppedOff enrollments of {@code windowClosed} that ended before the step without converting
 * @param dropOffRate {@code droppedOff / windowClosed}, 0 when no window has closed
 * @param executionRate {@code executed / windowClosed}, 0 when no window has closed
 * @param attempts attributed conversions out of the step's sent attempts
 * @param creditedConversions SALE conversions the tracker credited to one of the step's attempts
 * @param marginalConversionRate {@code creditedConversions / executed}
 * @param marginalLift {@code creditedConversions / enrolled}: the share of the cohort this step adds
 * @param channels conversion of the step's attempts per channel
 * @param delay the configured and actual delay, labelled by evidence
 */
public record StepReport(
        int order,
        Channel channel,
        long windowClosed,
        long waiting,
        long reached,
        long executed,
        long skipped,
        long failed,
        long convertedBefore,
        long droppedOff,
        double dropOffRate,
        double executionRate,
        Proportion attempts,
        long creditedConversions,
        double marginalConversionRate,
        double marginalLift,
        List<StepChannel> channels,
        DelayAnalysis delay) {

    /** Validates and copies. */
    public StepReport {
        Require.positive(order, "order");
        Require.present(channel, "channel");
        Require.present(attempts, "attempts");
        channels = List.copyOf(Require.present(channels, "channels"));
        Require.present(delay, "delay");
    }
}
