package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One sequence over its enrollments of the range (the cohort). Each enrollment is in exactly one of
 * converted (an attributed sale from its enrollment on), running (not ended by the report's end),
 * completed, or exited.
 *
 * @param sequenceId the sequence
 * @param name its name
 * @param campaignId its campaign, if any
 * @param enrolled enrollments in the range
 * @param running enrollments still active or paused at the report's end
 * @param completed enrollments that ran every step without a sale
 * @param exited enrollments that ended early without a sale
 * @param optedOut of the exited, those that opted out
 * @param enrollmentRate distinct enrolled leads / leads of the funnel
 * @param completionRate {@code completed / (enrolled − running)}, 0 when none has finished
 * @param conversions converted enrollments out of enrolled
 * @param conversionRate {@code conversions.rate()}; biased low while many are running, see
 *     {@link #timeToConversion()} for the censoring-aware estimate
 * @param conversionInterval Wilson interval of the conversion rate
 * @param revenue revenue of the converted enrollments' sales
 * @param revenuePerEnrolled {@code revenue / enrolled}, 0 without enrollments
 * @param timeToConversion Kaplan–Meier and cumulative incidence from enrollment to conversion
 * @param steps the steps, in order
 * @param operations operational figures of this sequence: every step it processed in the range,
 *     the attempts of its cohort, its active enrollments now
 */
public record SequenceReport(
        String sequenceId,
        String name,
        Optional<String> campaignId,
        long enrolled,
        long running,
        long completed,
        long exited,
        long optedOut,
        double enrollmentRate,
        double completionRate,
        Proportion conversions,
        double conversionRate,
        WilsonInterval conversionInterval,
        BigDecimal revenue,
        BigDecimal revenuePerEnrolled,
        TimeToConversionReport timeToConversion,
        List<StepReport> steps,
        OperationalStats operations) {

    /** Validates and copies. */
    public SequenceReport {
        Require.text(sequenceId, "sequenceId");
        Require.text(name, "name");
        Require.present(campaignId, "campaignId");
        Require.present(conversions, "conversions");
        Require.present(conversionInterval, "conversionInterval");
        Require.present(revenue, "revenue");
        Require.present(revenuePerEnrolled, "revenuePerEnrolled");
        Require.present(timeToConversion, "timeToConversion");
        steps = List.copyOf(Require.present(steps, "steps"));
        Require.present(operations, "operations");
    }
}
