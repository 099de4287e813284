package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.skippedStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Recording what a tick did with its claimed enrollments, all or nothing per outcome. Pinned down
 * here: an owner whose lease expired but was not claimed by anyone else still holds it; an attempt
 * whose idempotency key is stored already is not inserted again and not counted, while the rest of
 * the outcome applies; a NOT_CONTACTABLE outcome keeps the lease with its owner.
 */
public interface StepOutcomeContract extends StoreUnderTest {

    /** Enrolls and claims {@code lead_1}'s enrollment {@code enr_1} for {@code tick_a} until minute 5. */
    private SequenceEnrollment claimedEnrollment() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        return claimedOne(T0, "tick_a", minutes(5));
    }

    /** Asserts that nothing of {@code outcome} reached the store. */
    private void assertNothingWritten(SequenceEnrollment before, Lead leadBefore, StepOutcome outcome) {
        assertThat(enrollmentNow(before.id())).isEqualTo(before);
        assertThat(leadNow(leadBefore.id())).isEqualTo(leadBefore);
        assertThat(store().listExecutions(before.id())).isEmpty();
        outcome.attempt().ifPresent(a -> assertThat(store().findAttempt(a.id())).isEmpty());
    }

    @Test
    default void anAppliedOutcomeWritesAttemptExecutionAndEnrollmentAndCountsTheContact() {
        SequenceEnrollment claimed = claimedEnrollment();
        StepOutcome outcome = executedStep(claimed, "tick_a", "att_1", minutes(1));

        assertThat(store().recordStepOutcomes(List.of(outcome))).containsExactly(StepOutcome.Result.APPLIED);

        SequenceEnrollment stored = enrollmentNow("enr_1");
        assertThat(stored).isEqualTo(outcome.updated());
        assertThat(stored.currentStep()).isEqualTo(2);
        assertThat(stored.leaseOwner()).isEmpty();
        assertThat(store().findAttempt("att_1")).contains(outcome.attempt().orElseThrow());
        assertThat(store().listExecutions("enr_1")).containsExactly(outcome.execution().orElseThrow());
        Lead lead = leadNow("lead_1");
        assertThat(lead.contactCount()).isEqualTo(1);
        assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(store().claimDispatchable(minutes(1), 10, "dispatcher", minutes(2)))
                .extracting(ContactAttempt::id).containsExactly("att_1");
        assertThat(store().claimDueEnrollments(minutes(2), 10, "tick_b", minutes(7))).isEmpty();
    }

    @Test
    default void anInProgressLeadBecomesContactedAndAContactedLeadStays() {
        SequenceEnrollment claimed = claimedEnrollment();
        store().updateLeadStatus("lead_1", LeadStatus.IN_PROGRESS, T0);

        store().recordStepOutcomes(List.of(executedStep(claimed, "tick_a", "att_1", minutes(1))));
        SequenceEnrollment next = claimedOne(minutes(1).plus(Duration.ofDays(1)), "tick_a",
                minutes(1).plus(Duration.ofDays(1)).plusSeconds(60));
        store().recordStepOutcomes(List.of(executedStep(next, "tick_a", "att_2", minutes(2))));

        Lead lead = leadNow("lead_1");
        assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(lead.contactCount()).isEqualTo(2);
    }

    @Test
    default void anOutcomeWithoutAttemptMovesTheEnrollmentOnAndLeavesTheLeadAlone() {
        SequenceEnrollment claimed = claimedEnrollment();
        Lead before = leadNow("lead_1");
        StepOutcome skipped = skippedStep(claimed, "tick_a", "exec_1", minutes(1));

        assertThat(store().recordStepOutcomes(List.of(skipped))).containsExactly(StepOutcome.Result.APPLIED);

        assertThat(enrollmentNow("enr_1")).isEqualTo(skipped.updated());
        assertThat(store().listExecutions("enr_1")).extracting(e -> e.status()).containsExactly(ExecutionStatus.SKIPPED);
        assertThat(leadNow("lead_1")).isEqualTo(before);
        assertThat(store().attemptsOfLead("lead_1")).isEmpty();
    }

    @Test
    default void aHoldWithoutExecutionOnlyMovesTheEnrollment() {
        SequenceEnrollment claimed = claimedEnrollment();
        SequenceEnrollment deferred = claimed.deferredTo(minutes(90), minutes(1));

        assertThat(store().recordStepOutcomes(List.of(new StepOutcome("tick_a", 1, deferred, Optional.empty(),
                Optional.empty(), StoreFixtures.CONTACT_LIMIT)))).containsExactly(StepOutcome.Result.APPLIED);

        assertThat(enrollmentNow("enr_1")).isEqualTo(deferred);
        assertThat(store().listExecutions("enr_1")).isEmpty();
        assertThat(store().claimDueEnrollments(minutes(89), 10, "tick_b", minutes(95))).isEmpty();
        assertThat(store().claimDueEnrollments(minutes(90), 10, "tick_b", minutes(95))).hasSize(1);
    }

    @Test
    default void anOutcomeFromAnotherOwnerIsStaleAndWritesNothing() {
        SequenceEnrollment claimed = claimedEnrollment();
        Lead lead = leadNow("lead_1");
        StepOutcome foreign = executedStep(claimed, "tick_b", "att_1", minutes(1));

        assertThat(store().recordStepOutcomes(List.of(foreign))).containsExactly(StepOutcome.Result.STALE);

        assertNothingWritten(claimed, lead, foreign);
    }

    @Test
    default void anOutcomeAfterTheLeaseExpiredAndWasReclaimedIsStale() {
        SequenceEnrollment claimed = claimedEnrollment();
        SequenceEnrollment reclaimed = claimedOne(minutes(6), "tick_b", minutes(11));
        Lead lead = leadNow("lead_1");
        StepOutcome late = executedStep(claimed, "tick_a", "att_a", minutes(7));

        assertThat(store().recordStepOutcomes(List.of(late))).containsExactly(StepOutcome.Result.STALE);
        assertNothingWritten(reclaimed, lead, late);

        assertThat(store().recordStepOutcomes(List.of(executedStep(reclaimed, "tick_b", "att_b", minutes(7)))))
                .containsExactly(StepOutcome.Result.APPLIED);
        assertThat(store().attemptsOfLead("lead_1")).extracting(ContactAttempt::id).containsExactly("att_b");
    }

    /** The store has no clock: a lease that expired without anyone claiming the enrollment is still held. */
    @Test
    default void anOwnerWhoseExpiredLeaseWasNotReclaimedMayStillRecord() {
        SequenceEnrollment claimed = claimedEnrollment();

        assertThat(store().recordStepOutcomes(List.of(executedStep(claimed, "tick_a", "att_1", minutes(30)))))
                .containsExactly(StepOutcome.Result.APPLIED);
    }

    @Test
    default void anOutcomeForAnotherStepIsStale() {
        SequenceEnrollment claimed = claimedEnrollment();
        Lead lead = leadNow("lead_1");
        StepOutcome executed = executedStep(claimed, "tick_a", "att_1", minutes(1));
        StepOutcome wrongStep = new StepOutcome("tick_a", 2, executed.updated(), executed.attempt(),
                executed.execution(), executed.contactLimit());

        assertThat(store().recordStepOutcomes(List.of(wrongStep))).containsExactly(StepOutcome.Result.STALE);

        assertNothingWritten(claimed, lead, wrongStep);
    }

    @Test
    default void anOutcomeForAnEnrollmentThatIsNoLongerActiveIsStale() {
        SequenceEnrollment claimed = claimedEnrollment();
        store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                minutes(1));
        SequenceEnrollment exited = enrollmentNow("enr_1");
        Lead lead = leadNow("lead_1");
        StepOutcome late = skippedStep(claimed, "tick_a", "exec_1", minutes(2));

        assertThat(store().recordStepOutcomes(List.of(late))).containsExactly(StepOutcome.Result.STALE);

        assertNothingWritten(exited, lead, late);
        assertThat(exited.status()).isEqualTo(EnrollmentStatus.EXITED);
    }

    @Test
    default void anAttemptAtTheContactLimitIsNotContactableAndWritesNothing() {
        SequenceEnrollment claimed = claimedEnrollment();
        assertThat(store().insertAttempt(attempt("att_direct", "lead_1").status(AttemptStatus.SENT).build(), 5))
                .isTrue();
        Lead lead = leadNow("lead_1");
        StepOutcome executed = executedStep(claimed, "tick_a", "att_1", minutes(1));
        StepOutcome atLimit = new StepOutcome("tick_a", 1, executed.updated(), executed.attempt(),
                executed.execution(), 1);

        assertThat(store().recordStepOutcomes(List.of(atLimit))).containsExactly(StepOutcome.Result.NOT_CONTACTABLE);

        assertNothingWritten(claimed, lead, atLimit);
        SequenceEnrollment exit = claimed.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.CONTACT_LIMIT),
                minutes(1));
        assertThat(store().recordStepOutcomes(List.of(new StepOutcome("tick_a", 1, exit, Optional.empty(),
                Optional.empty(), 1)))).as("the owner keeps the lease").containsExactly(StepOutcome.Result.APPLIED);
        assertThat(enrollmentNow("enr_1")).isEqualTo(exit);
    }

    @Test
    default void anAttemptForAConvertedOrDoNotContactLeadIsNotContactable() {
        for (LeadStatus closed : List.of(LeadStatus.CONVERTED, LeadStatus.DO_NOT_CONTACT)) {
            String lead = "lead_" + closed;
            savedCampaignAndSequence();
            savedLead(lead);
            enrolled("enr_" + closed, lead, T0);
            SequenceEnrollment claimed = claimedOne(T0, "tick_" + closed, minutes(5));
            Lead closedLead = store().updateLeadStatus(lead, closed, T0);
            StepOutcome outcome = executedStep(claimed, "tick_" + closed, "att_" + closed, minutes(1));

            assertThat(store().recordStepOutcomes(List.of(outcome))).as(closed.name())
                    .containsExactly(StepOutcome.Result.NOT_CONTACTABLE);

            assertNothingWritten(claimed, closedLead, outcome);
        }
    }

    @Test
    default void anAttemptWhoseIdempotencyKeyIsStoredIsNotInsertedTwice() {
        SequenceEnrollment claimed = claimedEnrollment();
        StepOutcome first = executedStep(claimed, "tick_a", "att_1", minutes(1));
        store().recordStepOutcomes(List.of(first));
        SequenceEnrollment next = claimedOne(minutes(1).plus(Duration.ofDays(1)), "tick_a",
                minutes(1).plus(Duration.ofDays(2)));
        StepOutcome executed = executedStep(next, "tick_a", "att_again", minutes(2));
        ContactAttempt sameKey = attempt("att_again", "lead_1").enrollment("enr_1", 1)
                .idempotencyKey(first.attempt().orElseThrow().idempotencyKey()).createdAt(minutes(2)).build();
        StepOutcome duplicate = new StepOutcome("tick_a", 2, executed.updated(), Optional.of(sameKey),
                executed.execution(), StoreFixtures.CONTACT_LIMIT);

        assertThat(store().recordStepOutcomes(List.of(duplicate))).containsExactly(StepOutcome.Result.APPLIED);

        assertThat(store().attemptsOfLead("lead_1")).extracting(ContactAttempt::id).containsExactly("att_1");
        assertThat(leadNow("lead_1").contactCount()).isEqualTo(1);
        assertThat(enrollmentNow("enr_1")).isEqualTo(duplicate.updated());
    }

    @Test
    default void outcomesInOneBatchAreAppliedEachOnItsOwn() {
        savedCampaignAndSequence();
        for (int i = 1; i <= 3; i++) {
            savedLead("lead_" + i);
            enrolled("enr_" + i, "lead_" + i, minutes(i));
        }
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(minutes(3), 10, "tick_a", minutes(8));

        List<StepOutcome.Result> results = store().recordStepOutcomes(List.of(
                executedStep(claimed.get(0), "tick_a", "att_1", minutes(4)),
                executedStep(claimed.get(1), "tick_other", "att_2", minutes(4)),
                executedStep(claimed.get(2), "tick_a", "att_3", minutes(4))));

        assertThat(results).containsExactly(StepOutcome.Result.APPLIED, StepOutcome.Result.STALE,
                StepOutcome.Result.APPLIED);
        assertThat(store().findAttempt("att_1")).isPresent();
        assertThat(store().findAttempt("att_2")).isEmpty();
        assertThat(store().findAttempt("att_3")).isPresent();
        assertThat(enrollmentNow("enr_2")).isEqualTo(claimed.get(1));
        assertThat(store().recordStepOutcomes(List.of())).isEmpty();
    }
}
