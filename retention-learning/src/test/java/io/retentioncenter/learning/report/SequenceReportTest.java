package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.TimeToConversion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five enrollments at h0 in a three-step sequence (EMAIL, SMS +1 day, EMAIL +1 day). E1 runs every
 * step (h1, h25, h49). E2 runs step 1 and opts out at h10. E3 runs step 1 and waits. E4 skips step
 * 1, runs step 2 at h25 and buys at h30 (40, credited to step 2). E5 has not run anything yet.
 * The attribution window is 48 hours: by h72 the windows of step 1's sends have closed, those of
 * step 2's have not.
 */
class SequenceReportTest {
    private final Facts facts = new Facts();
    private RetentionSequence sequence;

    @BeforeEach
    void facts() {
        facts.campaign("c");
        sequence = facts.sequence("s", "c", Channel.EMAIL, Channel.SMS, Channel.EMAIL);
        for (String lead : List.of("A", "B", "C", "D", "E")) {
            facts.lead(lead, hour(0));
        }
        facts.enroll("E1", sequence, "A", hour(0));
        facts.enroll("E2", sequence, "B", hour(0));
        facts.enroll("E3", sequence, "C", hour(0));
        facts.enroll("E4", sequence, "D", hour(0));
        facts.enroll("E5", sequence, "E", hour(0));
        facts.step("E1", ExecutionStatus.EXECUTED, hour(1), "Welcome");
        facts.step("E2", ExecutionStatus.EXECUTED, hour(1), "Welcome");
        facts.step("E3", ExecutionStatus.EXECUTED, hour(1), "Welcome");
        facts.step("E4", ExecutionStatus.SKIPPED, hour(1), "Welcome");
        facts.optOut("B", hour(10));
        facts.step("E1", ExecutionStatus.EXECUTED, hour(25), "Reminder");
        ContactAttempt sms = facts.step("E4", ExecutionStatus.EXECUTED, hour(25), "Reminder").orElseThrow();
        facts.sale("D", "c", hour(30), 40, java.util.Optional.of(sms));
        facts.step("E1", ExecutionStatus.EXECUTED, hour(49), "Last chance");
    }

    private LearningReport report(double toHour, ReportScope scope) {
        return facts.reports(hour(72)).report(ReportQuery.between(hour(0), hour(toHour)).scope(scope)
                .attributionWindow(Duration.ofHours(48)).build());
    }

    private SequenceReport sequenceReport() {
        List<SequenceReport> sequences = report(72, ReportScope.global()).sequences();
        assertThat(sequences).hasSize(1);
        return sequences.get(0);
    }

    @Test
    void cohortOutcomesAreExclusiveAndRatesUseTheRightDenominators() {
        SequenceReport s = sequenceReport();

        assertThat(s.sequenceId()).isEqualTo("s");
        assertThat(s.campaignId()).contains("c");
        assertThat(s.enrolled()).isEqualTo(5);
        assertThat(s.conversions()).isEqualTo(new Proportion(1, 5));
        assertThat(s.running()).isEqualTo(2);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.exited()).isEqualTo(1);
        assertThat(s.optedOut()).isEqualTo(1);
        assertThat(s.enrollmentRate()).isEqualTo(1.0);
        assertThat(s.completionRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.conversionRate()).isEqualTo(0.2);
        assertThat(s.revenue()).isEqualByComparingTo("40");
        assertThat(s.revenuePerEnrolled()).isEqualByComparingTo("8.00");
    }

    @Test
    void stepDropOffCountsOnlyEnrollmentsWhoseWindowHasClosed() {
        List<StepReport> steps = sequenceReport().steps();

        StepReport first = steps.get(0);
        assertThat(first.channel()).isEqualTo(Channel.EMAIL);
        assertThat(first.windowClosed()).isEqualTo(4);
        assertThat(first.waiting()).as("E5 has not run step 1 yet").isEqualTo(1);
        assertThat(first.reached()).isEqualTo(4);
        assertThat(first.executed()).isEqualTo(3);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.failed()).isZero();
        assertThat(first.droppedOff()).isZero();
        assertThat(first.executionRate()).isEqualTo(0.75);
        assertThat(first.attempts()).isEqualTo(new Proportion(0, 3));

        StepReport second = steps.get(1);
        assertThat(second.waiting()).as("E3 still waits for step 2: not a drop-off").isEqualTo(1);
        assertThat(second.reached()).isEqualTo(2);
        assertThat(second.droppedOff()).as("E2 opted out").isEqualTo(1);
        assertThat(second.windowClosed()).isEqualTo(3);
        assertThat(second.dropOffRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(second.executionRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(second.attempts()).as("both SMS are still inside their window, the credited one too")
                .isEqualTo(new Proportion(0, 0));
        assertThat(second.channels()).as("no SMS counted yet").isEmpty();
        assertThat(second.creditedConversions()).isEqualTo(1);
        assertThat(second.marginalConversionRate()).isEqualTo(0.5);
        assertThat(second.marginalLift()).isEqualTo(0.2);

        StepReport third = steps.get(2);
        assertThat(third.windowClosed()).isEqualTo(2);
        assertThat(third.reached()).isEqualTo(1);
        assertThat(third.convertedBefore()).as("E4 bought before step 3").isEqualTo(1);
        assertThat(third.droppedOff()).isZero();
        assertThat(third.dropOffRate()).isZero();
        assertThat(third.waiting()).isZero();
    }

    @Test
    void delayAnalysisMeasuresActualDelaysAndIsLabelledObservational() {
        List<StepReport> steps = sequenceReport().steps();

        assertThat(steps.get(0).delay().configured()).isEqualTo(Duration.ZERO);
        assertThat(steps.get(0).delay().observed()).isEqualTo(4);
        assertThat(steps.get(0).delay().meanObservedHours()).hasValue(1.0);
        assertThat(steps.get(1).delay().configured()).isEqualTo(Duration.ofDays(1));
        assertThat(steps.get(1).delay().observed()).isEqualTo(2);
        assertThat(steps.get(1).delay().meanObservedHours()).hasValue(24.0);
        assertThat(steps.get(2).delay().observed()).isEqualTo(1);
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.delay().evidence()).isEqualTo(Evidence.OBSERVATIONAL);
            assertThat(step.delay().caveat()).contains("biased toward longer delays");
        });
    }

    @Test
    void timeToConversionCensorsRunningEnrollmentsAndTreatsOptOutsAsCompeting() {
        TimeToConversionReport t = sequenceReport().timeToConversion();
        TimeToConversion summary = t.summary();

        assertThat(summary.subjects()).isEqualTo(5);
        assertThat(summary.conversions()).isEqualTo(1);
        assertThat(summary.horizon()).isEqualTo(48.0);
        assertThat(t.horizonHours()).isEqualTo(48.0);
        assertThat(summary.convertedByHorizon()).as("Kaplan-Meier censors the opt-out").isCloseTo(0.25, within(1e-12));
        assertThat(summary.median()).isEmpty();
        assertThat(summary.restrictedMean()).isCloseTo(30 + 18 * 0.75, within(1e-9));
        assertThat(t.convertedLowerBound()).isZero();
        assertThat(t.conversionIncidence()).as("the opt-out competes").isCloseTo(0.2, within(1e-12));
        assertThat(t.optOutIncidence()).isCloseTo(0.2, within(1e-12));
        assertThat(t.conversionLower()).isZero();
        assertThat(t.conversionUpper()).isGreaterThan(0.2).isLessThanOrEqualTo(1.0);
        assertThat(t.median()).isEmpty();
        assertThat(t.medianUpper()).isEmpty();
        assertThat(t.curve()).hasSize(24);
        assertThat(t.curve().get(13).hours()).isEqualTo(28.0);
        assertThat(t.curve().get(13).converted()).isZero();
        assertThat(t.curve().get(14).hours()).isEqualTo(30.0);
        assertThat(t.curve().get(14).converted()).isCloseTo(0.25, within(1e-12));
        assertThat(t.curve().get(14).conversionIncidence()).isCloseTo(0.2, within(1e-12));
        assertThat(t.curve().get(14).conversionLower()).isZero();
        assertThat(t.curve().get(14).optOutIncidence()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void attributionWindowIsTheTimeToConversionHorizon() {
        LearningReport report = facts.reports(hour(72)).report(ReportQuery.between(hour(0), hour(72))
                .attributionWindow(Duration.ofHours(24)).build());
        SequenceReport s = report.sequences().get(0);

        assertThat(s.timeToConversion().summary().horizon()).isEqualTo(24.0);
        assertThat(s.conversions()).as("D bought 30h after enrolling").isEqualTo(new Proportion(0, 5));
        assertThat(s.timeToConversion().summary().restrictedMean()).isEqualTo(24.0);
    }

    @Test
    void operationsCountStepsAttemptsAndActiveEnrollments() {
        LearningReport report = report(72, ReportScope.global());
        OperationalStats o = report.sequences().get(0).operations();

        assertThat(o.activeEnrollments()).isEqualTo(2);
        assertThat(o.stepsProcessed()).isEqualTo(7);
        assertThat(o.stepsProcessedPerHour()).isCloseTo(7.0 / 72, within(1e-12));
        assertThat(o.dispatchedAttempts()).isEqualTo(6);
        assertThat(o.failedAttempts()).isZero();
        assertThat(o.scheduledAttempts()).isZero();
        assertThat(report.operations()).isEqualTo(o);
    }

    @Test
    void beforeLaterStepsRanTheirEnrollmentsAreWaitingNotDroppedOff() {
        StepReport second = report(20, ReportScope.global()).sequences().get(0).steps().get(1);

        assertThat(second.reached()).isZero();
        assertThat(second.waiting()).as("E1, E3 and E4 had not reached step 2 by h20").isEqualTo(3);
        assertThat(second.droppedOff()).as("only E2, who opted out at h10").isEqualTo(1);
        assertThat(second.windowClosed()).isEqualTo(1);
        assertThat(second.dropOffRate()).isEqualTo(1.0);
    }

    @Test
    void sequenceScopeCountsItsCohortsSales() {
        LearningReport report = report(72, ReportScope.sequence("s"));

        assertThat(report.overview().leads()).isEqualTo(5);
        assertThat(report.overview().conversions()).isEqualTo(1);
        assertThat(report.overview().revenue()).isEqualByComparingTo("40");
        assertThat(report.sequences()).extracting(SequenceReport::sequenceId).containsExactly("s");
        assertThat(report.leaderboard()).extracting(LeaderboardEntry::rank).containsExactly(1);
    }

    @Test
    void leaderboardShowsOverlappingIntervalsAsTies() {
        facts.campaign("c2");
        RetentionSequence quick = facts.sequence("s2", "c2", Channel.SMS);
        facts.lead("F", hour(0));
        facts.lead("G", hour(0));
        facts.enroll("F1", quick, "F", hour(0));
        facts.enroll("G1", quick, "G", hour(0));
        ContactAttempt text = facts.step("F1", ExecutionStatus.EXECUTED, hour(1), "Hi").orElseThrow();
        facts.sale("F", "c2", hour(2), 10, java.util.Optional.of(text));

        List<LeaderboardEntry> board = report(72, ReportScope.global()).leaderboard();

        assertThat(board).extracting(LeaderboardEntry::sequenceId).containsExactly("s2", "s");
        assertThat(board).extracting(LeaderboardEntry::rank).as("five and two enrollments do not separate them")
                .containsExactly(1, 1);
        assertThat(board).allSatisfy(e -> assertThat(e.tied()).isTrue());
        assertThat(board.get(0).conversionIncidence()).isCloseTo(0.5, within(1e-12));
        assertThat(board.get(0).lowerBound()).isZero();
        assertThat(board.get(0).horizonHours()).isEqualTo(48.0);
        assertThat(board.get(0).revenuePerEnrolled()).isEqualByComparingTo("5.00");
        assertThat(board.get(1).converted()).isEqualTo(1);
    }

    @Test
    void campaignScopeKeepsOnlyItsSequences() {
        facts.campaign("c2");
        RetentionSequence other = facts.sequence("s2", "c2", Channel.SMS);
        facts.lead("F", hour(0));
        facts.enroll("F1", other, "F", hour(0));

        LearningReport report = report(72, ReportScope.campaign("c2"));

        assertThat(report.sequences()).extracting(SequenceReport::sequenceId).containsExactly("s2");
        assertThat(report.overview().leads()).isEqualTo(1);
    }

    @Test
    void printsTheSequenceSectionsReadably() {
        String text = report(72, ReportScope.global()).toText();

        assertThat(text).contains("LEARNING REPORT: all campaigns", "conversions 1, revenue 40.00",
                "“Sequence s” (s, campaign c): enrolled 5, converted 1, running 2, completed 1, exited 1 (opted out 1)",
                "median time to conversion not reached by 48h", "delays: Observational", "LEADERBOARD",
                " 1. Sequence s",
                "active enrollments 2, steps processed 7");
        assertThat(text.lines().filter(l -> l.startsWith("       2 SMS"))).singleElement().asString()
                .contains("33.3%", "0.0% (0/0)");
    }
}
