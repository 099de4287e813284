package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.enrollment;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Bad input at every entry point: missing arguments, blank ids and out-of-range numbers raise
 * {@link ValidationException} (never a NullPointerException) and store nothing. Pinned down here:
 * {@code endOutreach} needs a final enrollment status, {@code enroll} a non-final enrollment and a
 * non-negative cooldown, claims a positive limit and a lease ending after {@code now}, and
 * {@code insertAttempt}, {@code tryReserveRate} and outcomes with an attempt a positive limit.
 */
public interface InputValidationContract extends StoreUnderTest {

    private static void rejected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ValidationException.class);
    }

    @Test
    default void leadCallsRejectMissingArguments() {
        rejected(() -> store().insertLeadIfAbsent(null));
        rejected(() -> store().findLead(null));
        rejected(() -> store().findLead(" "));
        rejected(() -> store().findLeads(null));
        rejected(() -> store().findLeads(Arrays.asList("lead_1", null)));
        rejected(() -> store().findLeadByExternalId(""));
        rejected(() -> store().findLeadByAddress(null));
        rejected(() -> store().listLeads(null));
        rejected(() -> store().updateLeadStatus(" ", LeadStatus.CONTACTED, T0));
        rejected(() -> store().updateLeadStatus("lead_1", null, T0));
        rejected(() -> store().updateLeadStatus("lead_1", LeadStatus.CONTACTED, null));
        rejected(() -> store().endOutreach(null, LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED,
                ExitReason.OPTED_OUT, T0));
        rejected(() -> store().endOutreach("lead_1", null, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT, T0));
        rejected(() -> store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, null, ExitReason.OPTED_OUT, T0));
        rejected(() -> store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, null, T0));
        rejected(() -> store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED,
                ExitReason.OPTED_OUT, null));
    }

    @Test
    default void endOutreachNeedsAFinalEnrollmentStatusAndChangesNothingOtherwise() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment running = enrolled("enr_1", "lead_1", T0);

        rejected(() -> store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.PAUSED,
                ExitReason.OPTED_OUT, minutes(1)));

        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.NEW);
        assertThat(enrollmentNow("enr_1")).isEqualTo(running);
    }

    @Test
    default void configurationCallsRejectMissingArguments() {
        long version = store().configVersion();

        rejected(() -> store().saveCampaign(null));
        rejected(() -> store().findCampaign(" "));
        rejected(() -> store().assignLead(null, "lead_1", Optional.empty(), T0));
        rejected(() -> store().assignLead(CAMPAIGN, " ", Optional.empty(), T0));
        rejected(() -> store().assignLead(CAMPAIGN, "lead_1", null, T0));
        rejected(() -> store().assignLead(CAMPAIGN, "lead_1", Optional.of(-1), T0));
        rejected(() -> store().assignLead(CAMPAIGN, "lead_1", Optional.empty(), null));
        rejected(() -> store().countCampaignLeads(null));
        rejected(() -> store().saveScript(null));
        rejected(() -> store().saveAbTest(null));
        rejected(() -> store().abTestCounts(" "));
        rejected(() -> store().saveSequence(null));
        rejected(() -> store().deleteSequence(""));

        assertThat(store().configVersion()).as("nothing saved").isEqualTo(version);
        assertThat(store().listCampaigns()).isEmpty();
        assertThat(store().listScripts()).isEmpty();
        assertThat(store().listAbTests()).isEmpty();
        assertThat(store().listSequences()).isEmpty();
    }

    @Test
    default void enrollmentCallsRejectBadArguments() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment proposed = enrollment("enr_1", SEQUENCE, "lead_1", T0, T0);

        rejected(() -> store().enroll(null, Duration.ZERO));
        rejected(() -> store().enroll(proposed, null));
        rejected(() -> store().enroll(proposed, Duration.ofSeconds(-1)));
        rejected(() -> store().enroll(proposed.finished(EnrollmentStatus.COMPLETED, Optional.empty(), T0),
                Duration.ZERO));
        rejected(() -> store().findEnrollment(null));
        rejected(() -> store().listEnrollments(null, PageRequest.first(10)));
        rejected(() -> store().listEnrollments(EnrollmentQuery.all(), null));
        rejected(() -> store().listEnrollments(new EnrollmentQuery(null, Optional.empty(), Optional.empty(),
                Optional.empty()), PageRequest.first(10)));
        rejected(() -> store().claimDueEnrollments(null, 10, "tick", minutes(5)));
        rejected(() -> store().claimDueEnrollments(T0, 0, "tick", minutes(5)));
        rejected(() -> store().claimDueEnrollments(T0, 10, " ", minutes(5)));
        rejected(() -> store().claimDueEnrollments(T0, 10, "tick", null));
        rejected(() -> store().claimDueEnrollments(T0, 10, "tick", T0));
        rejected(() -> store().recordStepOutcomes(null));
        rejected(() -> store().recordStepOutcomes(Arrays.asList((StepOutcome) null)));
        rejected(() -> store().updateEnrollment(null, EnrollmentStatus.ACTIVE));
        rejected(() -> store().updateEnrollment(proposed, null));
        rejected(() -> store().listExecutions(" "));
        rejected(() -> store().sequenceStats(null));
        rejected(() -> store().countExecutionsBetween(null, T0));
        rejected(() -> store().countExecutionsBetween(T0, null));

        assertThat(store().findEnrollment("enr_1")).as("nothing enrolled").isEmpty();
    }

    @Test
    default void aBadOutcomeInABatchRejectsTheWholeBatch() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        savedLead("lead_2");
        enrolled("enr_1", "lead_1", T0);
        enrolled("enr_2", "lead_2", T0);
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(T0, 10, "tick", minutes(5));
        StepOutcome good = executedStep(claimed.get(0), "tick", "att_1", minutes(1));
        StepOutcome executed = executedStep(claimed.get(1), "tick", "att_2", minutes(1));
        StepOutcome noLimit = new StepOutcome("tick", 1, executed.updated(), executed.attempt(), executed.execution(),
                0);

        rejected(() -> store().recordStepOutcomes(List.of(good, noLimit)));

        assertThat(enrollmentNow(claimed.get(0).id())).isEqualTo(claimed.get(0));
        assertThat(store().findAttempt("att_1")).isEmpty();
    }

    @Test
    default void attemptCallsRejectBadArguments() {
        savedLead("lead_1");

        rejected(() -> store().insertAttempt(null, 5));
        rejected(() -> store().insertAttempt(attempt("att_1", "lead_1").build(), 0));
        rejected(() -> store().findAttempt(""));
        rejected(() -> store().findAttemptByProviderRef(null, "ref"));
        rejected(() -> store().findAttemptByProviderRef("instantly", " "));
        rejected(() -> store().latestAttempt("lead_1", null));
        rejected(() -> store().attemptsOfEnrollments(null));
        rejected(() -> store().attemptsOfLead(null));
        rejected(() -> store().claimDispatchable(T0, -1, "dispatcher", minutes(5)));
        rejected(() -> store().claimDispatchable(T0, 10, null, minutes(5)));
        rejected(() -> store().claimStaleDispatches(null, 10, "dispatcher", minutes(5)));
        rejected(() -> store().claimStaleDispatches(T0, 10, "dispatcher", minutes(-1)));
        rejected(() -> store().completeDispatch(null));
        rejected(() -> store().advanceAttempt(null, T0));
        rejected(() -> store().advanceAttempt(new AttemptChange("att_1", null, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()), T0));
        rejected(() -> store().advanceAttempt(new AttemptChange(" ", AttemptStatus.SENT, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()), T0));
        rejected(() -> store().advanceAttempt(new AttemptChange("att_1", AttemptStatus.SENT, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()), null));
        rejected(() -> store().tryReserveRate(" ", Channel.SMS, T0, 5));
        rejected(() -> store().tryReserveRate(CAMPAIGN, null, T0, 5));
        rejected(() -> store().tryReserveRate(CAMPAIGN, Channel.SMS, null, 5));
        rejected(() -> store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 0));
        rejected(() -> store().markEventProcessed(" ", T0));
        rejected(() -> store().markEventProcessed("evt_1", null));

        assertThat(store().attemptsOfLead("lead_1")).as("nothing inserted").isEmpty();
        assertThat(leadNow("lead_1").contactCount()).isZero();
        assertThat(store().markEventProcessed("evt_1", T0)).as("nothing recorded").isTrue();
    }

    @Test
    default void conversionAndScanCallsRejectMissingArguments() {
        rejected(() -> store().recordConversion(null));
        rejected(() -> store().conversionsOfLead(" "));
        rejected(() -> store().recordUnmatchedPostback(null));
        rejected(() -> store().recordUnmatchedPostback(new UnmatchedPostback(" ", "sub", Map.of(), T0)));
        rejected(() -> store().recordUnmatchedPostback(new UnmatchedPostback("pb_1", "sub", Map.of(), null)));
        rejected(() -> store().listUnmatchedPostbacks(null));
        rejected(() -> store().scanAttempts(null, T0, a -> { }));
        rejected(() -> store().scanConversions(T0, null, c -> { }));
        rejected(() -> store().scanEnrollments(T0, minutes(1), null));
        rejected(() -> store().scanExecutions(null, T0, e -> { }));
        rejected(() -> store().scanLeads(T0, minutes(1), null));

        assertThat(store().listUnmatchedPostbacks(PageRequest.first(10)).total()).as("nothing stored").isZero();
    }
}
