package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attempts and the outbox: direct inserts under the contact limit, lookups, dispatch claims under a
 * lease, stale dispatches, completing a dispatch, forward-only provider events, rate-limit windows
 * and processed-event keys. Pinned down here: a dispatch lease is valid while {@code now < leaseUntil}
 * and stays with its owner until someone else claims it; a direct insert also moves a NEW or
 * IN_PROGRESS lead to CONTACTED and throws {@link NotFoundException} for a missing lead; a dispatched
 * attempt is any attempt not SCHEDULED, PENDING or CANCELLED, and the latest one is the latest created;
 * {@code advanceAttempt} keeps an existing provider reference and throws {@link NotFoundException}
 * for a missing attempt; {@code completeDispatch} after a provider event keeps the provider name,
 * provider reference and sent time of the dispatch and nothing else.
 */
public interface OutboxContract extends StoreUnderTest {

    private ContactAttempt stored(String id) {
        return store().findAttempt(id).orElseThrow();
    }

    private List<String> ids(List<ContactAttempt> attempts) {
        return attempts.stream().map(ContactAttempt::id).toList();
    }

    private static AttemptChange change(String attemptId, AttemptStatus status) {
        return new AttemptChange(attemptId, status, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** Inserts a PENDING email {@code id} of {@code lead_1} and claims it for {@code owner} until minute 5. */
    private ContactAttempt dispatching(String id, String owner) {
        savedLead("lead_1");
        store().insertAttempt(attempt(id, "lead_1").build(), 100);
        List<ContactAttempt> claimed = store().claimDispatchable(T0, 10, owner, minutes(5));
        assertThat(claimed).extracting(ContactAttempt::id).containsExactly(id);
        return claimed.get(0);
    }

    private static ContactAttempt sent(ContactAttempt a, String provider, String ref, Instant at) {
        return new ContactAttempt(a.id(), a.leadId(), a.campaignId(), a.channel(), a.kind(), AttemptStatus.SENT,
                a.enrollmentId(), a.stepOrder(), a.tryNumber(), a.idempotencyKey(), a.scriptId(), a.abTestId(),
                a.variant(), a.recipient(), a.subject(), a.body(), a.dueAt(), Optional.of(provider), Optional.of(ref),
                Optional.of(at), a.error(), a.transcript(), a.keywords(), a.createdAt(), at);
    }

    @Test
    default void insertAttemptCountsTheContactAndRespectsTheLimit() {
        savedLead("lead_1");

        assertThat(store().insertAttempt(attempt("att_1", "lead_1").build(), 2)).isTrue();
        assertThat(store().insertAttempt(attempt("att_2", "lead_1").createdAt(minutes(1)).build(), 2)).isTrue();
        assertThat(store().insertAttempt(attempt("att_3", "lead_1").createdAt(minutes(2)).build(), 2)).isFalse();

        Lead lead = leadNow("lead_1");
        assertThat(lead.contactCount()).isEqualTo(2);
        assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(ids(store().attemptsOfLead("lead_1"))).containsExactly("att_1", "att_2");
        assertThat(store().findAttempt("att_3")).isEmpty();
    }

    @Test
    default void insertAttemptRefusesADuplicateAndAClosedLead() {
        savedLead("lead_1");
        savedLead("lead_2");
        ContactAttempt first = attempt("att_1", "lead_1").build();
        store().insertAttempt(first, 5);
        store().updateLeadStatus("lead_2", LeadStatus.DO_NOT_CONTACT, T0);

        assertThat(store().insertAttempt(first, 5)).as("same id").isFalse();
        assertThat(store().insertAttempt(attempt("att_2", "lead_1").idempotencyKey(first.idempotencyKey()).build(), 5))
                .as("same idempotency key").isFalse();
        assertThat(store().insertAttempt(attempt("att_3", "lead_2").build(), 5)).as("do not contact").isFalse();

        assertThat(ids(store().attemptsOfLead("lead_1"))).containsExactly("att_1");
        assertThat(leadNow("lead_1").contactCount()).isEqualTo(1);
        assertThat(store().attemptsOfLead("lead_2")).isEmpty();
        assertThatThrownBy(() -> store().insertAttempt(attempt("att_4", "lead_missing").build(), 5))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void attemptsAreFoundByLeadEnrollmentAndProviderReference() {
        savedLead("lead_1");
        savedLead("lead_2");
        ContactAttempt second = attempt("att_2", "lead_1").enrollment("enr_1", 2).createdAt(minutes(2))
                .status(AttemptStatus.SENT).sentBy("instantly", "msg_2", minutes(2)).build();
        ContactAttempt first = attempt("att_1", "lead_1").enrollment("enr_1", 1).createdAt(minutes(1)).build();
        ContactAttempt other = attempt("att_3", "lead_2").enrollment("enr_2", 1).build();
        store().insertAttempt(second, 100);
        store().insertAttempt(first, 100);
        store().insertAttempt(other, 100);

        assertThat(store().attemptsOfLead("lead_1")).containsExactly(first, second);
        assertThat(store().attemptsOfLead("lead_missing")).isEmpty();
        Map<String, List<ContactAttempt>> byEnrollment = store().attemptsOfEnrollments(
                List.of("enr_1", "enr_2", "enr_none"));
        assertThat(byEnrollment.get("enr_1")).containsExactly(first, second);
        assertThat(byEnrollment.get("enr_2")).containsExactly(other);
        assertThat(byEnrollment.getOrDefault("enr_none", List.of())).isEmpty();
        assertThat(store().findAttemptByProviderRef("instantly", "msg_2")).contains(second);
        assertThat(store().findAttemptByProviderRef("vapi", "msg_2")).isEmpty();
        assertThat(store().findAttemptByProviderRef("instantly", "msg_9")).isEmpty();
    }

    @Test
    default void latestAttemptIsTheMostRecentDispatchedOneOnTheChannel() {
        savedLead("lead_1");
        store().insertAttempt(attempt("sms_old", "lead_1").channel(Channel.SMS).status(AttemptStatus.DELIVERED)
                .createdAt(minutes(1)).build(), 100);
        store().insertAttempt(attempt("sms_new", "lead_1").channel(Channel.SMS).status(AttemptStatus.SENT)
                .createdAt(minutes(2)).build(), 100);
        store().insertAttempt(attempt("sms_pending", "lead_1").channel(Channel.SMS).createdAt(minutes(3)).build(), 100);
        store().insertAttempt(attempt("sms_cancelled", "lead_1").channel(Channel.SMS)
                .status(AttemptStatus.CANCELLED).createdAt(minutes(4)).build(), 100);
        store().insertAttempt(attempt("email_new", "lead_1").status(AttemptStatus.SENT).createdAt(minutes(5)).build(),
                100);

        assertThat(store().latestAttempt("lead_1", Channel.SMS).map(ContactAttempt::id)).contains("sms_new");
        assertThat(store().latestAttempt("lead_1", Channel.EMAIL).map(ContactAttempt::id)).contains("email_new");
        assertThat(store().latestAttempt("lead_1", Channel.CALL)).isEmpty();
    }

    @Test
    default void claimDispatchableTakesDueScheduledAndPendingAttemptsEarliestFirst() {
        savedLead("lead_1");
        store().insertAttempt(attempt("pending_2", "lead_1").dueAt(minutes(2)).build(), 100);
        store().insertAttempt(attempt("scheduled_1", "lead_1").status(AttemptStatus.SCHEDULED).dueAt(minutes(1))
                .build(), 100);
        store().insertAttempt(attempt("pending_0", "lead_1").build(), 100);
        store().insertAttempt(attempt("scheduled_later", "lead_1").status(AttemptStatus.SCHEDULED)
                .dueAt(minutes(60)).build(), 100);
        store().insertAttempt(attempt("sent", "lead_1").status(AttemptStatus.SENT).build(), 100);
        store().insertAttempt(attempt("cancelled", "lead_1").status(AttemptStatus.CANCELLED).build(), 100);

        List<ContactAttempt> first = store().claimDispatchable(minutes(10), 2, "dispatcher_a", minutes(15));
        List<ContactAttempt> second = store().claimDispatchable(minutes(10), 10, "dispatcher_b", minutes(15));

        assertThat(ids(first)).containsExactly("pending_0", "scheduled_1");
        assertThat(first).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.DISPATCHING));
        assertThat(stored("pending_0")).isEqualTo(first.get(0));
        assertThat(ids(second)).containsExactly("pending_2");
        assertThat(store().claimDispatchable(minutes(59), 10, "dispatcher_c", minutes(64))).isEmpty();
        assertThat(ids(store().claimDispatchable(minutes(60), 10, "dispatcher_c", minutes(65))))
                .containsExactly("scheduled_later");
        assertThat(stored("sent").status()).isEqualTo(AttemptStatus.SENT);
        assertThat(stored("cancelled").status()).isEqualTo(AttemptStatus.CANCELLED);
    }

    @Test
    default void cancelledAttemptsAreNeverClaimed() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_1", "lead_1").build(), 100);

        Optional<ContactAttempt> cancelled = store().advanceAttempt(change("att_1", AttemptStatus.CANCELLED),
                minutes(1));

        assertThat(cancelled.map(ContactAttempt::status)).contains(AttemptStatus.CANCELLED);
        assertThat(store().claimDispatchable(minutes(100), 10, "dispatcher", minutes(105))).isEmpty();
        assertThat(store().claimStaleDispatches(minutes(100), 10, "dispatcher", minutes(105))).isEmpty();
    }

    @Test
    default void concurrentDispatchersNeverShareAnAttempt() {
        savedLead("lead_1");
        int count = 400;
        for (int i = 0; i < count; i++) {
            store().insertAttempt(attempt("att_" + i, "lead_1").dueAt(minutes(-(i % 50))).build(), Integer.MAX_VALUE);
        }

        List<String> claimed = Race.run(Race.THREADS, thread -> {
            List<String> mine = new ArrayList<>();
            List<ContactAttempt> batch;
            do {
                batch = store().claimDispatchable(T0, 13, "dispatcher_" + thread, minutes(5));
                batch.forEach(a -> mine.add(a.id()));
            } while (!batch.isEmpty());
            return mine;
        });

        assertThat(claimed).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    default void staleDispatchesAreReclaimedOnlyAfterTheLeaseExpired() {
        ContactAttempt claimed = dispatching("att_1", "dispatcher_a");

        assertThat(store().claimStaleDispatches(minutes(4), 10, "dispatcher_b", minutes(9))).isEmpty();
        List<ContactAttempt> stale = store().claimStaleDispatches(minutes(6), 10, "dispatcher_b", minutes(11));

        assertThat(stale).containsExactly(claimed);
        assertThat(store().claimStaleDispatches(minutes(7), 10, "dispatcher_c", minutes(12))).isEmpty();
        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_a",
                sent(claimed, "instantly", "msg_a", minutes(7)), false))).as("the old owner").isFalse();
        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_b",
                sent(claimed, "instantly", "msg_b", minutes(8)), false))).isTrue();
        assertThat(stored("att_1").providerRef()).contains("msg_b");
        assertThat(store().claimStaleDispatches(minutes(100), 10, "dispatcher_c", minutes(105))).isEmpty();
    }

    @Test
    default void completeDispatchNeedsTheOwnerAndHappensOnce() {
        ContactAttempt claimed = dispatching("att_1", "dispatcher_a");
        ContactAttempt sent = sent(claimed, "instantly", "msg_1", minutes(1));

        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_b", sent, false))).isFalse();
        assertThat(stored("att_1")).isEqualTo(claimed);
        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_a", sent, false))).isTrue();
        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_a",
                sent(claimed, "instantly", "msg_2", minutes(2)), false))).as("completed already").isFalse();

        assertThat(stored("att_1")).isEqualTo(sent);
        assertThat(store().findAttemptByProviderRef("instantly", "msg_1")).contains(sent);
    }

    @Test
    default void completeDispatchesAppliesEachCompletionOnItsOwn() {
        savedLead("lead_1");
        for (int i = 1; i <= 3; i++) {
            store().insertAttempt(attempt("att_" + i, "lead_1").dueAt(T0.plusSeconds(i)).build(), 100);
        }
        ContactAttempt a = store().claimDispatchable(minutes(1), 1, "dispatcher_a", minutes(5)).get(0);
        ContactAttempt b = store().claimDispatchable(minutes(1), 1, "dispatcher_b", minutes(5)).get(0);
        ContactAttempt c = store().claimDispatchable(minutes(1), 1, "dispatcher_a", minutes(5)).get(0);
        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly("att_1", "att_2", "att_3");
        List<Boolean> applied = store().completeDispatches(List.of(
                new DispatchCompletion("dispatcher_a", sent(a, "instantly", "msg_1", minutes(1)), false),
                new DispatchCompletion("dispatcher_a", sent(b, "instantly", "msg_2", minutes(1)), false),
                new DispatchCompletion("dispatcher_a", sent(c, "instantly", "msg_3", minutes(1)), false)));
        assertThat(applied).containsExactly(true, false, true);
        assertThat(stored("att_1").status()).isEqualTo(AttemptStatus.SENT);
        assertThat(stored("att_2")).as("held by another dispatcher").isEqualTo(b);
        assertThat(stored("att_3").providerRef()).contains("msg_3");
        assertThat(store().completeDispatches(List.of())).isEmpty();
    }

    @Test
    default void completeDispatchWithAFailedStepMarksItsExecutionFailed() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(T0, "tick", minutes(5));
        assertThat(store().recordStepOutcomes(List.of(executedStep(claimed, "tick", "att_1", T0))))
                .containsExactly(StepOutcome.Result.APPLIED);
        ContactAttempt dispatching = store().claimDispatchable(T0, 10, "dispatcher", minutes(5)).get(0);
        ContactAttempt failed = dispatching.withStatus(AttemptStatus.FAILED, minutes(1));

        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher", failed, true))).isTrue();

        assertThat(stored("att_1")).isEqualTo(failed);
        assertThat(store().listExecutions("enr_1")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED));
    }

    @Test
    default void completeDispatchAfterAProviderEventKeepsOnlyTheReferenceAndSentTime() {
        ContactAttempt claimed = dispatching("att_1", "dispatcher_a");
        ContactAttempt delivered = store().advanceAttempt(change("att_1", AttemptStatus.DELIVERED), minutes(2))
                .orElseThrow();

        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_a",
                sent(claimed, "instantly", "msg_1", minutes(1)), true))).isTrue();

        ContactAttempt after = stored("att_1");
        assertThat(after.status()).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(after.provider()).contains("instantly");
        assertThat(after.providerRef()).contains("msg_1");
        assertThat(after.sentAt()).contains(minutes(1));
        assertThat(after.error()).isEqualTo(delivered.error());
        assertThat(store().findAttemptByProviderRef("instantly", "msg_1")).contains(after);
    }

    @Test
    default void completeDispatchWithANextTryPutsTheAttemptBackInTheOutbox() {
        ContactAttempt claimed = dispatching("att_1", "dispatcher_a");
        ContactAttempt retry = new ContactAttempt(claimed.id(), claimed.leadId(), claimed.campaignId(),
                claimed.channel(), claimed.kind(), AttemptStatus.PENDING, claimed.enrollmentId(), claimed.stepOrder(),
                2, claimed.idempotencyKey(), claimed.scriptId(), claimed.abTestId(), claimed.variant(),
                claimed.recipient(), claimed.subject(), claimed.body(), minutes(10), claimed.provider(),
                claimed.providerRef(), claimed.sentAt(), Optional.of("HTTP 503"), claimed.transcript(),
                claimed.keywords(), claimed.createdAt(), minutes(1));

        assertThat(store().completeDispatch(new DispatchCompletion("dispatcher_a", retry, false))).isTrue();

        assertThat(stored("att_1")).isEqualTo(retry);
        assertThat(store().claimDispatchable(minutes(9), 10, "dispatcher_b", minutes(14))).isEmpty();
        assertThat(store().claimStaleDispatches(minutes(9), 10, "dispatcher_b", minutes(14))).isEmpty();
        List<ContactAttempt> again = store().claimDispatchable(minutes(10), 10, "dispatcher_b", minutes(15));
        assertThat(again).singleElement().satisfies(a -> {
            assertThat(a.tryNumber()).isEqualTo(2);
            assertThat(a.status()).isEqualTo(AttemptStatus.DISPATCHING);
        });
    }

    @Test
    default void advanceAttemptOnlyMovesForward() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_1", "lead_1").status(AttemptStatus.SENT).build(), 100);
        store().insertAttempt(attempt("att_2", "lead_1").build(), 100);

        assertThat(store().advanceAttempt(change("att_1", AttemptStatus.DELIVERED), minutes(1))).isPresent();
        assertThat(store().advanceAttempt(change("att_1", AttemptStatus.DELIVERED), minutes(2))).as("duplicate")
                .isEmpty();
        assertThat(store().advanceAttempt(change("att_1", AttemptStatus.SENT), minutes(3))).as("late").isEmpty();
        assertThat(store().advanceAttempt(change("att_1", AttemptStatus.OPENED), minutes(4))).isPresent();
        assertThat(store().advanceAttempt(change("att_1", AttemptStatus.FAILED), minutes(5))).as("bounce")
                .isPresent();
        for (AttemptStatus next : List.of(AttemptStatus.SUCCESS, AttemptStatus.REPLIED, AttemptStatus.CANCELLED)) {
            assertThat(store().advanceAttempt(change("att_1", next), minutes(6))).as("after FAILED").isEmpty();
        }
        assertThat(stored("att_1").status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(stored("att_1").updatedAt()).isEqualTo(minutes(5));
        assertThat(store().advanceAttempt(change("att_2", AttemptStatus.DELIVERED), minutes(1)))
                .as("undispatched").isEmpty();
        assertThat(store().advanceAttempt(change("att_2", AttemptStatus.CANCELLED), minutes(1))).isPresent();
        assertThat(store().advanceAttempt(change("att_2", AttemptStatus.SENT), minutes(2))).as("after CANCELLED")
                .isEmpty();
        assertThatThrownBy(() -> store().advanceAttempt(change("att_missing", AttemptStatus.SENT), minutes(1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void aLateEndOfCallReportStillAttachesItsTranscriptOnce() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_1", "lead_1").channel(Channel.CALL).status(AttemptStatus.SENT)
                .sentBy("vapi", "call_1", T0).build(), 100);
        store().advanceAttempt(change("att_1", AttemptStatus.SUCCESS), minutes(1)).orElseThrow();

        ContactAttempt withReport = store().advanceAttempt(new AttemptChange("att_1", AttemptStatus.SUCCESS,
                Optional.empty(), Optional.empty(), Optional.of("AI: Hi\nUser: call me back tomorrow"),
                List.of("call back")), minutes(2)).orElseThrow();
        assertThat(withReport.status()).isEqualTo(AttemptStatus.SUCCESS);
        assertThat(withReport.transcript()).contains("AI: Hi\nUser: call me back tomorrow");
        assertThat(withReport.keywords()).containsExactly("call back");
        assertThat(store().advanceAttempt(new AttemptChange("att_1", AttemptStatus.SUCCESS, Optional.empty(),
                Optional.empty(), Optional.of("another transcript"), List.of("other")), minutes(3)))
                .as("replayed report").isEmpty();
        assertThat(stored("att_1").transcript()).contains("AI: Hi\nUser: call me back tomorrow");
    }

    @Test
    default void advanceAttemptKeepsTheEventsDetails() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_1", "lead_1").channel(Channel.CALL).status(AttemptStatus.SENT)
                .sentBy("vapi", "call_1", T0).build(), 100);
        store().insertAttempt(attempt("att_2", "lead_1").status(AttemptStatus.SENT).build(), 100);

        ContactAttempt answered = store().advanceAttempt(new AttemptChange("att_1", AttemptStatus.SUCCESS,
                Optional.of("call_other"), Optional.empty(), Optional.of("Hello, call me later"),
                List.of("later", "price")), minutes(3)).orElseThrow();
        ContactAttempt bounced = store().advanceAttempt(new AttemptChange("att_2", AttemptStatus.FAILED,
                Optional.of("msg_2"), Optional.of("mailbox full"), Optional.empty(), List.of()), minutes(4))
                .orElseThrow();

        assertThat(answered.status()).isEqualTo(AttemptStatus.SUCCESS);
        assertThat(answered.providerRef()).as("kept").contains("call_1");
        assertThat(answered.transcript()).contains("Hello, call me later");
        assertThat(answered.keywords()).containsExactly("later", "price");
        assertThat(answered.updatedAt()).isEqualTo(minutes(3));
        assertThat(stored("att_1")).isEqualTo(answered);
        assertThat(bounced.providerRef()).contains("msg_2");
        assertThat(bounced.error()).contains("mailbox full");
        assertThat(stored("att_2")).isEqualTo(bounced);
    }

    @Test
    default void tryReserveRateNeverExceedsTheMaximumUnderConcurrency() {
        List<Boolean> results = Race.run(Race.THREADS, thread -> {
            List<Boolean> mine = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                mine.add(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 60));
            }
            return mine;
        });

        assertThat(results.stream().filter(Boolean::booleanValue)).hasSize(60);
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 60)).isFalse();
    }

    @Test
    default void tryReserveRateCountsEachWindowCampaignAndChannelApart() {
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 2)).isTrue();
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 2)).isTrue();
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 2)).isFalse();

        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, minutes(60), 2)).isTrue();
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.EMAIL, T0, 2)).isTrue();
        assertThat(store().tryReserveRate("camp_2", Channel.SMS, T0, 2)).isTrue();
        assertThat(store().tryReserveRate(CAMPAIGN, Channel.SMS, T0, 3)).as("a higher max").isTrue();
    }

    @Test
    default void markEventProcessedDetectsReplaysEvenUnderConcurrency() {
        assertThat(store().markEventProcessed("instantly:evt_1", T0)).isTrue();
        assertThat(store().markEventProcessed("instantly:evt_1", minutes(1))).isFalse();

        List<Boolean> results = Race.run(Race.THREADS, thread -> {
            List<Boolean> mine = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                mine.add(store().markEventProcessed("sms:dlr_" + i, T0));
            }
            return mine;
        });

        assertThat(results.stream().filter(Boolean::booleanValue)).hasSize(20);
    }
}
