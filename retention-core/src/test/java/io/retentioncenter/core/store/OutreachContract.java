package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.PaceState;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Test attempts, per-lead pace reservations and re-engagement rules ({@code OutreachStore},
 * {@code ReengagementStore}). Pinned down here: a test attempt needs no stored lead and a replay by id
 * or key returns the first; a pace state's day is the one the caller names; a (lead, target sequence)
 * pair is recorded once, whatever rule or thread records it.
 */
public interface OutreachContract extends StoreUnderTest {
    /** Before every anchor of the re-engagement tests. */
    Instant EPOCH = Instant.EPOCH;

    /** The target sequence of the re-engagement tests. */
    String TARGET = "seq_target";

    private ContactAttempt testAttempt(String id, String key) {
        return attempt(id, "rc-test-recipient").kind(AttemptKind.TEST).idempotencyKey(key).build();
    }

    @Test
    default void aTestAttemptTouchesNoLeadAndAReplayReturnsTheFirst() {
        ContactAttempt first = store().insertTestAttempt(testAttempt("att_t1", "test:t1:1"));
        assertThat(first.id()).isEqualTo("att_t1");
        assertThat(store().findAttempt("att_t1")).contains(first);

        assertThat(store().insertTestAttempt(testAttempt("att_t2", "test:t1:1")).id()).as("same key")
                .isEqualTo("att_t1");
        assertThat(store().insertTestAttempt(testAttempt("att_t1", "test:other:1")).id()).as("same id")
                .isEqualTo("att_t1");
        assertThat(store().findAttempt("att_t2")).isEmpty();
        assertThat(store().findLead("rc-test-recipient")).isEmpty();
    }

    @Test
    default void testAttemptsAreLeftOutOfAnalyticsScans() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_real", "lead_1").build(), 5);
        store().insertTestAttempt(testAttempt("att_test", "test:x:1"));

        List<String> scanned = new ArrayList<>();
        store().scanAttempts(T0, minutes(1), a -> scanned.add(a.id()));
        List<String> projected = new ArrayList<>();
        store().scanAttemptFacts(T0, minutes(1), a -> projected.add(a.id()));

        assertThat(scanned).containsExactly("att_real");
        assertThat(projected).as("the narrow projection too").containsExactly("att_real");
    }

    @Test
    default void onlyTestAttemptsGoInAsTests() {
        assertThatThrownBy(() -> store().insertTestAttempt(attempt("att_1", "lead_1").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("attempt.kind");
    }

    @Test
    default void outreachCallsRejectBadArgumentsAndStoreNothing() {
        ReengagementRule rule = rule("rer_1", ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(1));
        List<ThrowingCallable> calls = List.of(
                () -> store().insertTestAttempt(null),
                () -> store().tryReservePace(" ", T0, T0, 1, Duration.ZERO),
                () -> store().tryReservePace("lead_1", null, T0, 1, Duration.ZERO),
                () -> store().tryReservePace("lead_1", T0, null, 1, Duration.ZERO),
                () -> store().tryReservePace("lead_1", T0, minutes(1), 1, Duration.ZERO),
                () -> store().tryReservePace("lead_1", T0, T0, 0, Duration.ZERO),
                () -> store().tryReservePace("lead_1", T0, T0, 1, Duration.ofMinutes(-1)),
                () -> store().tryReservePace("lead_1", T0, T0, 1, null),
                () -> store().saveReengagementRule(null),
                () -> store().deleteReengagementRule(" "),
                () -> store().reengagementCandidates(null, T0, minutes(1), 1),
                () -> store().reengagementCandidates(rule, null, minutes(1), 1),
                () -> store().reengagementCandidates(rule, T0, null, 1),
                () -> store().reengagementCandidates(rule, T0, T0, 1),
                () -> store().reengagementCandidates(rule, T0, minutes(1), 0),
                () -> store().markReengaged(null, TARGET, "rer_1", "enr_1", T0),
                () -> store().markReengaged("lead_1", " ", "rer_1", "enr_1", T0),
                () -> store().markReengaged("lead_1", TARGET, "", "enr_1", T0),
                () -> store().markReengaged("lead_1", TARGET, "rer_1", null, T0),
                () -> store().markReengaged("lead_1", TARGET, "rer_1", "enr_1", null));
        calls.forEach(call -> assertThatThrownBy(call).isInstanceOf(ValidationException.class));

        assertThat(store().tryReservePace("lead_1", T0, T0, 1, Duration.ofHours(1))).as("no pace taken").isEmpty();
        assertThat(store().markReengaged("lead_1", TARGET, "rer_1", "enr_1", T0)).as("nothing recorded").isTrue();
        assertThat(store().listReengagementRules()).isEmpty();
    }

    @Test
    default void paceKeepsTheGapBetweenTwoContactsOfALead() {
        Duration gap = Duration.ofMinutes(30);
        assertThat(store().tryReservePace("lead_1", T0, T0, 10, gap)).isEmpty();

        Optional<PaceState> refused = store().tryReservePace("lead_1", minutes(29), T0, 10, gap);
        assertThat(refused).contains(new PaceState(T0, T0, 1));
        assertThat(store().tryReservePace("lead_2", minutes(29), T0, 10, gap)).as("another lead").isEmpty();
        assertThat(store().tryReservePace("lead_1", minutes(30), T0, 10, gap)).isEmpty();
        assertThat(store().tryReservePace("lead_1", minutes(10), T0, 10, Duration.ZERO))
                .as("never before the last contact").isPresent();
    }

    @Test
    default void paceCapsTheContactsOfADay() {
        Instant nextDay = T0.plus(Duration.ofDays(1));
        assertThat(store().tryReservePace("lead_1", T0, T0, 2, Duration.ZERO)).isEmpty();
        assertThat(store().tryReservePace("lead_1", minutes(1), T0, 2, Duration.ZERO)).isEmpty();

        assertThat(store().tryReservePace("lead_1", minutes(2), T0, 2, Duration.ZERO))
                .contains(new PaceState(minutes(1), T0, 2));
        assertThat(store().tryReservePace("lead_1", nextDay, nextDay, 2, Duration.ZERO)).isEmpty();
        assertThat(store().tryReservePace("lead_1", nextDay.plusSeconds(1), nextDay, 2, Duration.ZERO)).isEmpty();
        assertThat(store().tryReservePace("lead_1", nextDay.plusSeconds(2), nextDay, 2, Duration.ZERO))
                .contains(new PaceState(nextDay.plusSeconds(1), nextDay, 2));
    }

    @Test
    default void racingPaceReservationsTakeOneContactInsideTheGap() {
        List<Boolean> taken = Race.run(Race.THREADS, thread -> List.of(
                store().tryReservePace("lead_1", T0, T0, 10, Duration.ofHours(1)).isEmpty()));

        assertThat(taken).filteredOn(t -> t).hasSize(1);
    }

    @Test
    default void reengagementRulesAreSavedListedAndDeleted() {
        ReengagementRule a = rule("rer_a", ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(48));
        ReengagementRule b = rule("rer_b", ReengagementTrigger.AFTER_COMPLETION, Duration.ofHours(2));
        store().saveReengagementRule(a);
        store().saveReengagementRule(b);
        ReengagementRule changed = rule("rer_a", ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(24));
        store().saveReengagementRule(changed);

        assertThat(store().listReengagementRules()).containsExactly(changed, b);
        assertThat(store().deleteReengagementRule("rer_a")).isTrue();
        assertThat(store().deleteReengagementRule("rer_a")).isFalse();
        assertThat(store().listReengagementRules()).containsExactly(b);
    }

    @Test
    default void candidatesAfterEnrollmentAreDueContactableAndNotMovedYet() {
        savedCampaignAndSequence();
        for (String lead : List.of("lead_1", "lead_2", "lead_3", "lead_4")) {
            savedLead(lead);
        }
        enrolledAt("enr_1", "lead_1", T0);
        enrolledAt("enr_2", "lead_2", minutes(10));
        enrolledAt("enr_3", "lead_3", minutes(120));
        enrolledAt("enr_4", "lead_4", minutes(5));
        store().updateLeadStatus("lead_4", LeadStatus.CONVERTED, minutes(6));
        ReengagementRule rule = rule("rer_1", ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(1));

        assertThat(ids(store().reengagementCandidates(rule, EPOCH, minutes(60), 10))).containsExactly("enr_1", "enr_2");
        assertThat(ids(store().reengagementCandidates(rule, EPOCH, minutes(60), 1))).containsExactly("enr_1");
        assertThat(ids(store().reengagementCandidates(rule, T0, minutes(60), 10))).as("after the window's start")
                .containsExactly("enr_2");

        assertThat(store().markReengaged("lead_1", TARGET, "rer_1", "enr_1", minutes(60))).isTrue();
        assertThat(store().markReengaged("lead_1", TARGET, "rer_other", "enr_1", minutes(61))).as("once per pair")
                .isFalse();
        assertThat(ids(store().reengagementCandidates(rule, EPOCH, minutes(60), 10))).containsExactly("enr_2");
        assertThat(store().markReengaged("lead_1", "seq_elsewhere", "rer_2", "enr_1", minutes(61)))
                .as("another target").isTrue();
    }

    @Test
    default void candidatesAfterCompletionAreCompletedEnrollmentsByCompletionTime() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        savedLead("lead_2");
        SequenceEnrollment done = enrolledAt("enr_1", "lead_1", T0);
        store().updateEnrollment(done.finished(EnrollmentStatus.COMPLETED, Optional.empty(), minutes(30)),
                EnrollmentStatus.ACTIVE);
        SequenceEnrollment exited = enrolledAt("enr_2", "lead_2", T0);
        store().updateEnrollment(exited.finished(EnrollmentStatus.EXITED, Optional.empty(), minutes(10)),
                EnrollmentStatus.ACTIVE);
        ReengagementRule rule = rule("rer_1", ReengagementTrigger.AFTER_COMPLETION, Duration.ofMinutes(30));

        assertThat(store().reengagementCandidates(rule, EPOCH, minutes(29), 10)).isEmpty();
        assertThat(ids(store().reengagementCandidates(rule, EPOCH, minutes(30), 10))).containsExactly("enr_1");
        assertThat(store().reengagementCandidates(rule, minutes(30), minutes(90), 10)).isEmpty();
    }

    @Test
    default void racingMarksRecordAPairOnce() {
        List<Boolean> marked = Race.run(Race.THREADS, thread -> List.of(
                store().markReengaged("lead_1", TARGET, "rer_" + thread, "enr_1", T0)));

        assertThat(marked).filteredOn(m -> m).hasSize(1);
    }

    private SequenceEnrollment enrolledAt(String id, String leadId, Instant at) {
        SequenceEnrollment e = SequenceEnrollment.start(id, SEQUENCE, leadId, StoreFixtures.CAMPAIGN, at,
                at.plus(Duration.ofDays(30)));
        return store().enroll(e, Duration.ZERO).enrollment().orElseThrow();
    }

    private static ReengagementRule rule(String id, ReengagementTrigger trigger, Duration delay) {
        return new ReengagementRule(id, SEQUENCE, trigger, delay, TARGET, T0);
    }

    private static List<String> ids(List<SequenceEnrollment> enrollments) {
        return enrollments.stream().map(SequenceEnrollment::id).toList();
    }
}
