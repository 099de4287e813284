package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.contact.DispatchLease;
import io.retentioncenter.core.sequence.RecordedSteps;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step outcomes recorded under a dispatch lease ({@code LeasedStepStore}): attempts due by the
 * lease's time are inserted DISPATCHING for its owner, exactly as a claim would leave them, and no
 * other dispatcher can claim them; attempts due later are not leased.
 */
public interface LeasedStepContract extends StoreUnderTest {

    private SequenceEnrollment claimed(String leadId, String enrollmentId) {
        savedLead(leadId);
        enrolled(enrollmentId, leadId, T0);
        return claimedOne(T0, "tick_a", minutes(5));
    }

    @Test
    default void anAttemptDueNowIsInsertedClaimedForTheLeaseOwner() {
        savedCampaignAndSequence();
        StepOutcome outcome = executedStep(claimed("lead_1", "enr_1"), "tick_a", "att_1", minutes(1));
        DispatchLease lease = new DispatchLease("tick_a", minutes(1), minutes(3));

        RecordedSteps recorded = store().recordStepOutcomes(List.of(outcome), lease);

        assertThat(recorded.results()).containsExactly(StepOutcome.Result.APPLIED);
        ContactAttempt claimed = lease.claimed(outcome.attempt().orElseThrow());
        assertThat(recorded.leased()).containsExactly(claimed);
        assertThat(store().findAttempt("att_1")).contains(claimed);
        assertThat(claimed.status()).isEqualTo(AttemptStatus.DISPATCHING);
        assertThat(store().claimDispatchable(minutes(2), 10, "tick_b", minutes(4))).isEmpty();
        assertThat(store().claimStaleDispatches(minutes(2), 10, "tick_b", minutes(4))).isEmpty();
        ContactAttempt sent = claimed.withStatus(AttemptStatus.SENT, minutes(2));
        assertThat(store().completeDispatch(new DispatchCompletion("tick_b", sent, false))).isFalse();
        assertThat(store().completeDispatch(new DispatchCompletion("tick_a", sent, false))).isTrue();
        assertThat(store().findAttempt("att_1").orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
    }

    @Test
    default void anExpiredLeaseOfARecordedClaimIsRecoveredLikeAnyOther() {
        savedCampaignAndSequence();
        StepOutcome outcome = executedStep(claimed("lead_1", "enr_1"), "tick_a", "att_1", minutes(1));
        store().recordStepOutcomes(List.of(outcome), new DispatchLease("tick_a", minutes(1), minutes(3)));

        assertThat(store().claimStaleDispatches(minutes(3), 10, "tick_b", minutes(6)))
                .extracting(ContactAttempt::id).containsExactly("att_1");
    }

    @Test
    default void anAttemptDueAfterTheLeaseTimeIsNotLeased() {
        savedCampaignAndSequence();
        StepOutcome later = executedStep(claimed("lead_1", "enr_1"), "tick_a", "att_1", minutes(1));

        RecordedSteps recorded = store().recordStepOutcomes(List.of(later),
                new DispatchLease("tick_a", T0, minutes(3)));

        assertThat(recorded.results()).containsExactly(StepOutcome.Result.APPLIED);
        assertThat(recorded.leased()).isEmpty();
        assertThat(store().findAttempt("att_1").orElseThrow().status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(store().recordStepOutcomes(List.of(), new DispatchLease("tick_a", T0, minutes(3))).leased())
                .isEmpty();
    }
}
