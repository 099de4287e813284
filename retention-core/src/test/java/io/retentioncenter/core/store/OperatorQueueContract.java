package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.internal.Attempts;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an operator resolves: attempts listed by status (UNKNOWN ones above all) and reopened under a
 * new key only while still UNKNOWN; enrollments set aside (SET_ASIDE, with a SET_ASIDE execution)
 * through a step outcome, listed by status, and ended like ACTIVE ones when the lead leaves outreach.
 */
public interface OperatorQueueContract extends StoreUnderTest {

    /** Inserts attempt {@code id} of {@code lead_1}, claims it and ends its dispatch UNKNOWN at {@code minute}. */
    private ContactAttempt unknownAttempt(String id, int minute) {
        store().insertAttempt(attempt(id, "lead_1").createdAt(minutes(minute)).dueAt(minutes(minute))
                .idempotencyKey("key_" + id + ":1").build(), 100);
        ContactAttempt claimed = store().claimDispatchable(minutes(minute), 1, "d", minutes(minute + 5)).get(0);
        ContactAttempt unknown = Attempts.ended(claimed, AttemptStatus.UNKNOWN, "p", "read timeout", minutes(minute));
        assertThat(store().completeDispatches(List.of(new DispatchCompletion("d", unknown, false))))
                .containsExactly(true);
        return unknown;
    }

    @Test
    default void attemptsAreListedByStatusOldestFirstWithTheirTotal() {
        savedLead("lead_1");
        unknownAttempt("att_2", 2);
        unknownAttempt("att_1", 1);
        store().insertAttempt(attempt("att_3", "lead_1").createdAt(minutes(3)).dueAt(minutes(60)).build(), 100);

        var page = store().listAttempts(AttemptStatus.UNKNOWN, new PageRequest(0, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(ContactAttempt::id).containsExactly("att_1");
        assertThat(store().listAttempts(AttemptStatus.UNKNOWN, new PageRequest(1, 5)).items())
                .extracting(ContactAttempt::id).containsExactly("att_2");
        assertThat(store().listAttempts(AttemptStatus.PENDING, PageRequest.first(5)).items())
                .extracting(ContactAttempt::id).containsExactly("att_3");
        assertThat(store().listAttempts(AttemptStatus.SENT, PageRequest.first(5)).total()).isZero();
    }

    @Test
    default void anUnknownAttemptIsReopenedUnderANewKeyOnlyWhileUnknown() {
        savedLead("lead_1");
        ContactAttempt unknown = unknownAttempt("att_1", 1);
        ContactAttempt next = Attempts.deliberateResend(unknown, minutes(10));

        assertThat(store().reopenUnknownAttempt(next)).isTrue();
        assertThat(store().findAttempt("att_1")).contains(next);
        assertThat(store().reopenUnknownAttempt(next)).as("no longer UNKNOWN").isFalse();
        List<ContactAttempt> claimed = store().claimDispatchable(minutes(10), 10, "d2", minutes(15));
        assertThat(claimed).extracting(ContactAttempt::idempotencyKey).containsExactly(next.idempotencyKey());
        assertThat(next.idempotencyKey()).isNotEqualTo(unknown.idempotencyKey());

        assertThatThrownBy(() -> store().reopenUnknownAttempt(Attempts.deliberateResend(
                unknownLike(next, "att_missing"), minutes(11)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().reopenUnknownAttempt(unknown)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().reopenUnknownAttempt(null)).isInstanceOf(ValidationException.class);
    }

    private static ContactAttempt unknownLike(ContactAttempt a, String id) {
        return new ContactAttempt(id, a.leadId(), a.campaignId(), a.channel(), a.kind(), AttemptStatus.UNKNOWN,
                a.enrollmentId(), a.stepOrder(), a.tryNumber(), "key_" + id + ":1", a.scriptId(), a.abTestId(),
                a.variant(), a.recipient(), a.subject(), a.body(), a.dueAt(), a.provider(), a.providerRef(),
                a.sentAt(), a.error(), a.transcript(), a.keywords(), a.createdAt(), a.updatedAt());
    }

    @Test
    default void anEnrollmentIsSetAsideByItsOwnerAndEndedWithItsLead() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(T0, "tick_a", minutes(2));
        SequenceStepExecution failure = new SequenceStepExecution("exec_1", claimed.id(), claimed.sequenceId(),
                claimed.currentStep(), ExecutionStatus.SET_ASIDE, Optional.empty(), minutes(1),
                "StoreException: corrupt column");
        SequenceEnrollment aside = claimed.withStatus(EnrollmentStatus.SET_ASIDE, claimed.nextExecuteAt(), minutes(1));
        StepOutcome setAside = new StepOutcome("tick_a", claimed.currentStep(), aside, Optional.empty(),
                Optional.of(failure), 6);

        assertThat(store().recordStepOutcomes(List.of(setAside))).containsExactly(StepOutcome.Result.APPLIED);

        assertThat(enrollmentNow("enr_1").status()).isEqualTo(EnrollmentStatus.SET_ASIDE);
        assertThat(store().claimDueEnrollments(minutes(60), 10, "tick_b", minutes(65))).isEmpty();
        assertThat(store().listEnrollments(EnrollmentQuery.all().withStatus(EnrollmentStatus.SET_ASIDE),
                PageRequest.first(5)).items()).extracting(SequenceEnrollment::id).containsExactly("enr_1");
        assertThat(store().listExecutions("enr_1")).containsExactly(failure);

        store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                minutes(2));
        assertThat(enrollmentNow("enr_1").status()).isEqualTo(EnrollmentStatus.EXITED);
    }

    @Test
    default void aStepDeferredAgainKeepsOneDeferredExecution() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        for (int round = 0; round < 3; round++) {
            SequenceEnrollment claimed = claimedOne(minutes(round * 30), "tick", minutes(round * 30 + 2));
            SequenceStepExecution deferral = new SequenceStepExecution("exe.enr_1.1.deferred", "enr_1",
                    claimed.sequenceId(), 1, ExecutionStatus.DEFERRED, Optional.empty(), minutes(round * 30),
                    "deferred:OUTSIDE_HOURS:" + minutes(round * 30 + 30));
            StepOutcome outcome = new StepOutcome("tick", 1, claimed.deferredTo(minutes(round * 30 + 30),
                    minutes(round * 30)), Optional.empty(), Optional.of(deferral), 6);
            assertThat(store().recordStepOutcomes(List.of(outcome))).containsExactly(StepOutcome.Result.APPLIED);
        }
        assertThat(store().listExecutions("enr_1")).singleElement().satisfies(e -> {
            assertThat(e.executedAt()).isEqualTo(minutes(60));
            assertThat(e.result()).endsWith(minutes(90).toString());
        });
    }

    @Test
    default void housekeepingPurgesOldKeysPostbacksAndRateWindowsAndNothingElse() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        assertThat(store().markEventProcessed("old-event", minutes(1))).isTrue();
        assertThat(store().markEventProcessed("new-event", minutes(100))).isTrue();
        store().recordUnmatchedPostback(StoreFixtures.unmatched("old-pb", minutes(1)));
        store().recordUnmatchedPostback(StoreFixtures.unmatched("new-pb", minutes(100)));
        store().recordConversion(StoreFixtures.postback("old-replay", io.retentioncenter.core.conversion.PostbackKind.LEAD,
                StoreFixtures.conversion("conv_1", "lead_1", StoreFixtures.CAMPAIGN, minutes(1)), "0", minutes(1)));
        assertThat(store().tryReserveRate(StoreFixtures.CAMPAIGN, io.retentioncenter.core.contact.Channel.SMS,
                minutes(0), 1)).isTrue();
        assertThat(store().tryReserveRate(StoreFixtures.CAMPAIGN, io.retentioncenter.core.contact.Channel.SMS,
                minutes(120), 1)).isTrue();

        var report = store().purgeHousekeeping(minutes(50), minutes(60));

        assertThat(report).isEqualTo(new io.retentioncenter.core.PurgeReport(1, 1, 1, 1));
        assertThat(store().markEventProcessed("new-event", minutes(101))).as("kept").isFalse();
        assertThat(store().markEventProcessed("old-event", minutes(101))).as("forgotten").isTrue();
        assertThat(store().listUnmatchedPostbacks(PageRequest.first(5)).items())
                .extracting(io.retentioncenter.core.conversion.UnmatchedPostback::replayKey).containsExactly("new-pb");
        assertThat(store().conversionsOfLead("lead_1")).as("conversions are never purged").hasSize(1);
        assertThat(store().tryReserveRate(StoreFixtures.CAMPAIGN, io.retentioncenter.core.contact.Channel.SMS,
                minutes(120), 1)).as("a kept window stays full").isFalse();
        assertThat(store().purgeHousekeeping(minutes(50), minutes(60))).isEqualTo(io.retentioncenter.core.PurgeReport.NONE);
    }
}
