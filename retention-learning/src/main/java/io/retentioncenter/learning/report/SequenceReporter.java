package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.learning.stats.CumulativeIncidenceCurve;
import io.retentioncenter.learning.stats.CumulativeIncidenceStep;
import io.retentioncenter.learning.stats.KaplanMeierCurve;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SurvivalObservation;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/** Turns a {@link SequenceTally} into a {@link SequenceReport}: cohort outcomes, Kaplan–Meier, steps. */
final class SequenceReporter {
    /** Number of points of the reported curves. */
    static final int CURVE_POINTS = 24;
    /** Two-sided 95 % normal critical value. */
    private static final double Z_95 = 1.959963984540054;

    private final ReportContext context;
    private final long funnelLeads;

    SequenceReporter(ReportContext context, long funnelLeads) {
        this.context = context;
        this.funnelLeads = funnelLeads;
    }

    /** The report of {@code tally}, with {@code activeEnrollments} from the store. */
    SequenceReport report(SequenceTally tally, long activeEnrollments) {
        List<EnrollmentTally> cohort = tally.cohort;
        long enrolled = cohort.size();
        long converted = cohort.stream().filter(e -> e.sale.isPresent()).count();
        long running = cohort.stream().filter(EnrollmentTally::isRunning).count();
        long completed = cohort.stream().filter(EnrollmentTally::isCompleted).count();
        long exited = cohort.stream().filter(EnrollmentTally::isExited).count();
        long optedOut = cohort.stream().filter(e -> e.sale.isEmpty() && e.isOptedOut()).count();
        Set<String> enrolledLeads = new HashSet<>();
        cohort.forEach(e -> enrolledLeads.add(e.enrollment.leadId()));
        BigDecimal revenue = cohort.stream().filter(e -> e.sale.isPresent())
                .map(e -> e.sale.get().conversion.revenue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perEnrolled = enrolled == 0 ? BigDecimal.ZERO
                : revenue.divide(BigDecimal.valueOf(enrolled), 2, RoundingMode.HALF_UP);
        Proportion conversions = new Proportion(converted, enrolled);
        return new SequenceReport(tally.sequence.id(), tally.sequence.name(), tally.sequence.campaignId(), enrolled,
                running, completed, exited, optedOut, ReportFormat.share(enrolledLeads.size(), funnelLeads),
                ReportFormat.share(completed, enrolled - running), conversions, conversions.rate(),
                WilsonInterval.of(conversions), revenue, perEnrolled, timeToConversion(cohort), steps(tally),
                tally.operations.stats(activeEnrollments, context.observedHours()));
    }

    private TimeToConversionReport timeToConversion(List<EnrollmentTally> cohort) {
        List<SurvivalObservation> observations = observations(cohort);
        KaplanMeierCurve km = KaplanMeierCurve.estimate(observations);
        CumulativeIncidenceCurve incidence = CumulativeIncidenceCurve.estimate(observations);
        double horizon = context.horizonHours();
        List<CurvePoint> curve = new ArrayList<>(CURVE_POINTS);
        for (int i = 1; i <= CURVE_POINTS; i++) {
            double t = horizon * i / CURVE_POINTS;
            double[] band = band(incidence, t);
            curve.add(new CurvePoint(t, km.convertedAt(t), incidence.conversionAt(t), band[0], band[1],
                    incidence.optOutAt(t)));
        }
        double[] atHorizon = band(incidence, horizon);
        OptionalDouble[] median = medianWithInterval(incidence, horizon);
        double lowerBound = Math.max(0.0, km.convertedAt(horizon) - Z_95 * Math.sqrt(km.varianceAt(horizon)));
        return new TimeToConversionReport(horizon, incidence.conversionAt(horizon), atHorizon[0], atHorizon[1],
                incidence.optOutAt(horizon), median[0], median[1], median[2],
                km.summary(horizon), lowerBound, curve);
    }

    /** The pointwise 95 % interval of the cumulative incidence of conversion at {@code t}. */
    private static double[] band(CumulativeIncidenceCurve incidence, double t) {
        double estimate = incidence.conversionAt(t);
        double half = Z_95 * Math.sqrt(incidence.conversionVarianceAt(t));
        return new double[] {Math.max(0.0, estimate - half), Math.min(1.0, estimate + half)};
    }

    /**
     * The first event time up to the horizon at which the estimate of the cumulative incidence of
     * conversion, the upper or the lower end of its 95 % interval reaches one half.
     */
    private static OptionalDouble[] medianWithInterval(CumulativeIncidenceCurve incidence, double horizon) {
        OptionalDouble[] found = {OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()};
        double[] variances = incidence.conversionVariances();
        for (int j = 0; j < variances.length; j++) {
            CumulativeIncidenceStep step = incidence.steps().get(j);
            if (step.time() > horizon) {
                break;
            }
            double half = Z_95 * Math.sqrt(variances[j]);
            double[] ends = {step.conversionIncidence(), step.conversionIncidence() + half,
                step.conversionIncidence() - half};
            for (int k = 0; k < ends.length; k++) {
                if (found[k].isEmpty() && ends[k] >= 0.5) {
                    found[k] = OptionalDouble.of(step.time());
                }
            }
        }
        return found;
    }

    /**
     * One observation per enrollment: converted at its sale, opted out when it ended so, otherwise
     * censored at the end of observation (or the attribution window, when that comes first).
     */
    private List<SurvivalObservation> observations(List<EnrollmentTally> cohort) {
        long end = context.observedUntil.toEpochMilli();
        long window = context.query.attributionWindowMillis();
        List<SurvivalObservation> observations = new ArrayList<>(cohort.size());
        for (EnrollmentTally e : cohort) {
            long enrolledAt = e.enrollment.enrolledAt().toEpochMilli();
            if (e.sale.isPresent()) {
                observations.add(SurvivalObservation.converted(ReportContext.hours(e.sale.get().at - enrolledAt)));
            } else if (e.isOptedOut()) {
                long optedOutAt = e.enrollment.completedAt().orElseThrow().toEpochMilli();
                observations.add(SurvivalObservation.optedOut(ReportContext.hours(Math.max(0, optedOutAt - enrolledAt))));
            } else {
                long open = Math.min(Math.max(0, end - enrolledAt), window);
                observations.add(SurvivalObservation.censored(ReportContext.hours(open)));
            }
        }
        return observations;
    }

    private List<StepReport> steps(SequenceTally tally) {
        StepFlow[] flows = flows(tally);
        List<StepReport> steps = new ArrayList<>(tally.steps);
        for (SequenceStep step : tally.sequence.steps()) {
            steps.add(step(tally, step, flows[step.order() - 1]));
        }
        return steps;
    }

    /**
     * Where the cohort stands at each step, in one pass over it: an enrollment counts at a step once
     * it processed the step before (the first step: once enrolled), as reached (with the delay since
     * that previous step), still waiting, converted before it, or dropped.
     */
    private static StepFlow[] flows(SequenceTally tally) {
        StepFlow[] flows = new StepFlow[tally.steps];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = new StepFlow();
        }
        for (EnrollmentTally e : tally.cohort) {
            boolean running = e.isRunning();
            boolean sold = e.sale.isPresent();
            long previous = e.enrollment.enrolledAt().toEpochMilli();
            for (int order = 1; order <= flows.length; order++) {
                if (order > 1) {
                    if (!e.hasProcessed(order - 1)) {
                        continue;
                    }
                    previous = e.processedAt(order - 1);
                }
                StepFlow flow = flows[order - 1];
                if (e.hasProcessed(order)) {
                    flow.reached++;
                    flow.delaySum += e.processedAt(order) - previous;
                } else if (running) {
                    flow.waiting++;
                } else if (sold) {
                    flow.convertedBefore++;
                } else {
                    flow.dropped++;
                }
            }
        }
        return flows;
    }

    private StepReport step(SequenceTally tally, SequenceStep step, StepFlow flow) {
        int order = step.order();
        int i = order - 1;
        long waiting = flow.waiting;
        long reached = flow.reached;
        long convertedBefore = flow.convertedBefore;
        long dropped = flow.dropped;
        long windowClosed = reached + convertedBefore + dropped;
        long sent = 0;
        long converted = 0;
        List<StepChannel> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            long channelSent = tally.sent[i][channel.ordinal()];
            if (channelSent > 0) {
                Proportion attempts = new Proportion(tally.converted[i][channel.ordinal()], channelSent);
                channels.add(new StepChannel(channel, attempts, attempts.rate(), WilsonInterval.of(attempts)));
                sent += channelSent;
                converted += attempts.successes();
            }
        }
        OptionalDouble meanDelay = reached == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(ReportContext.hours(flow.delaySum) / reached);
        DelayAnalysis delay = new DelayAnalysis(step.delay(), reached, meanDelay, Evidence.OBSERVATIONAL,
                DelayAnalysis.OBSERVATIONAL_CAVEAT);
        long credited = tally.credited[i];
        return new StepReport(order, step.channel(), windowClosed, waiting, reached, tally.executed[i],
                tally.skipped[i], tally.failed[i], convertedBefore, dropped,
                ReportFormat.share(dropped, windowClosed), ReportFormat.share(tally.executed[i], windowClosed),
                new Proportion(converted, sent), credited, ReportFormat.share(credited, tally.executed[i]),
                ReportFormat.share(credited, tally.cohort.size()), channels, delay);
    }

    /** The cohort's counts at one step. */
    private static final class StepFlow {
        private long waiting;
        private long reached;
        private long convertedBefore;
        private long dropped;
        private long delaySum;
    }
}
