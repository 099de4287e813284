package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Leads: dedupe on insert (by email, by phone, by id for a retried insert), lookups, the status
 * state machine and ending a lead's outreach.
 */
public interface LeadContract extends StoreUnderTest {

    @Test
    default void insertsANewLeadAndFindsItByIdEmailAndPhone() {
        Lead lead = lead("lead_1", "ada@example.com", "+4915112345678", T0);

        LeadInsertResult result = store().insertLeadIfAbsent(lead);

        assertThat(result.created()).isTrue();
        assertThat(result.lead()).isEqualTo(lead);
        assertThat(store().findLead("lead_1")).contains(lead);
        assertThat(store().findLeadByAddress("ada@example.com")).contains(lead);
        assertThat(store().findLeadByAddress("+4915112345678")).contains(lead);
        assertThat(store().findLeadByAddress("other@example.com")).isEmpty();
        assertThat(store().findLead("lead_missing")).isEmpty();
    }

    @Test
    default void aLeadWithTheSameEmailIsNotInsertedAgain() {
        Lead first = saved(lead("lead_1", "ada@example.com", null, T0));

        LeadInsertResult second = store().insertLeadIfAbsent(lead("lead_2", "ada@example.com", "+4915112345678",
                minutes(1)));

        assertThat(second.created()).isFalse();
        assertThat(second.lead()).isEqualTo(first);
        assertThat(store().findLead("lead_2")).isEmpty();
        assertThat(store().findLeadByAddress("+4915112345678")).isEmpty();
        assertThat(store().listLeads(PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    default void aLeadWithTheSamePhoneIsNotInsertedAgain() {
        Lead first = saved(lead("lead_1", null, "+4915112345678", T0));

        LeadInsertResult second = store().insertLeadIfAbsent(lead("lead_2", "ada@example.com", "+4915112345678",
                minutes(1)));

        assertThat(second.created()).isFalse();
        assertThat(second.lead()).isEqualTo(first);
        assertThat(store().findLeadByAddress("ada@example.com")).isEmpty();
        assertThat(store().listLeads(PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    default void aCandidateMatchingTwoLeadsReturnsOneOfThemAndCreatesNothing() {
        Lead byEmail = saved(lead("lead_1", "ada@example.com", null, T0));
        Lead byPhone = saved(lead("lead_2", null, "+4915112345678", minutes(1)));

        LeadInsertResult result = store().insertLeadIfAbsent(lead("lead_3", "ada@example.com", "+4915112345678",
                minutes(2)));

        assertThat(result.created()).isFalse();
        assertThat(result.lead()).isIn(byEmail, byPhone);
        assertThat(store().listLeads(PageRequest.first(10)).total()).isEqualTo(2);
    }

    /** A retried insert of the same candidate (same id) returns the stored lead instead of failing. */
    @Test
    default void aRetriedInsertWithTheSameIdReturnsTheStoredLead() {
        Lead first = saved(lead("lead_1", "ada@example.com", null, T0));

        LeadInsertResult retry = store().insertLeadIfAbsent(lead("lead_1", "other@example.com", null, T0));

        assertThat(retry.created()).isFalse();
        assertThat(retry.lead()).isEqualTo(first);
        assertThat(store().findLeadByAddress("other@example.com")).isEmpty();
    }

    @Test
    default void concurrentInsertsOfOnePersonCreateExactlyOneLead() {
        List<LeadInsertResult> sameEmail = Race.run(Race.THREADS, thread -> {
            List<LeadInsertResult> results = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String phone = i % 2 == 0 ? null : "+49151000" + thread + String.format("%03d", i);
                results.add(store().insertLeadIfAbsent(lead("lead_e" + thread + "_" + i, "same@example.com", phone,
                        minutes(i))));
            }
            return results;
        });
        List<LeadInsertResult> samePhone = Race.run(Race.THREADS, thread -> {
            List<LeadInsertResult> results = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String email = i % 2 == 0 ? null : "p" + thread + "_" + i + "@example.com";
                results.add(store().insertLeadIfAbsent(lead("lead_p" + thread + "_" + i, email, "+4930123456",
                        minutes(i))));
            }
            return results;
        });

        for (List<LeadInsertResult> race : List.of(sameEmail, samePhone)) {
            assertThat(race.stream().filter(LeadInsertResult::created)).hasSize(1);
            assertThat(race.stream().map(r -> r.lead().id()).distinct()).hasSize(1);
        }
        assertThat(store().listLeads(PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    default void findLeadsReturnsTheExistingLeadsKeyedById() {
        Lead one = savedLead("lead_1");
        Lead two = savedLead("lead_2");
        savedLead("lead_3");

        Map<String, Lead> found = store().findLeads(List.of("lead_1", "lead_2", "lead_missing"));

        assertThat(found).containsOnly(Map.entry("lead_1", one), Map.entry("lead_2", two));
        assertThat(store().findLeads(List.of())).isEmpty();
    }

    @Test
    default void findLeadByExternalIdReturnsTheEarliestLead() {
        saved(StoreFixtures.withExternalId(lead("lead_late", "late@example.com", null, minutes(5)), "kt_1"));
        Lead early = saved(StoreFixtures.withExternalId(lead("lead_early", "early@example.com", null, T0), "kt_1"));
        saved(StoreFixtures.withExternalId(lead("lead_later", "later@example.com", null, minutes(9)), "kt_1"));

        assertThat(store().findLeadByExternalId("kt_1")).contains(early);
        assertThat(store().findLeadByExternalId("kt_2")).isEmpty();
    }

    @Test
    default void listLeadsPagesInCreationOrder() {
        saved(lead("lead_c", "c@example.com", null, minutes(3)));
        saved(lead("lead_a", "a@example.com", null, minutes(1)));
        saved(lead("lead_b", "b@example.com", null, minutes(2)));

        Page<Lead> first = store().listLeads(new PageRequest(0, 2));
        Page<Lead> second = store().listLeads(new PageRequest(2, 2));

        assertThat(first.items()).extracting(Lead::id).containsExactly("lead_a", "lead_b");
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Lead::id).containsExactly("lead_c");
        assertThat(second.offset()).isEqualTo(2);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    default void updateLeadStatusFollowsTheStateMachine() {
        savedLead("lead_1");

        Lead inProgress = store().updateLeadStatus("lead_1", LeadStatus.IN_PROGRESS, minutes(1));
        Lead contacted = store().updateLeadStatus("lead_1", LeadStatus.CONTACTED, minutes(2));

        assertThat(inProgress.status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(contacted.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.updatedAt()).isEqualTo(minutes(2));
        assertThat(leadNow("lead_1")).isEqualTo(contacted);
    }

    @Test
    default void anIllegalLeadStatusMoveThrowsAndChangesNothing() {
        savedLead("lead_1");
        Lead contacted = store().updateLeadStatus("lead_1", LeadStatus.CONTACTED, minutes(1));

        assertThatThrownBy(() -> store().updateLeadStatus("lead_1", LeadStatus.NEW, minutes(2)))
                .isInstanceOf(IllegalStateTransitionException.class);
        assertThat(leadNow("lead_1")).isEqualTo(contacted);
    }

    @Test
    default void updatingAMissingLeadThrowsNotFound() {
        assertThatThrownBy(() -> store().updateLeadStatus("lead_missing", LeadStatus.CONTACTED, T0))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void doNotContactIsTerminal() {
        savedLead("lead_1");
        Lead blocked = store().updateLeadStatus("lead_1", LeadStatus.DO_NOT_CONTACT, minutes(1));

        for (LeadStatus other : List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.CONVERTED)) {
            assertThatThrownBy(() -> store().updateLeadStatus("lead_1", other, minutes(2)))
                    .isInstanceOf(IllegalStateTransitionException.class);
        }
        assertThat(leadNow("lead_1")).isEqualTo(blocked);
    }

    @Test
    default void endOutreachEndsRunningEnrollmentsAndCancelsUndispatchedAttempts() {
        savedCampaignAndSequence();
        store().saveSequence(StoreFixtures.sequence("seq_2", StoreFixtures.CAMPAIGN, 1));
        store().saveSequence(StoreFixtures.sequence("seq_3", StoreFixtures.CAMPAIGN, 1));
        savedLead("lead_1");
        savedLead("lead_other");
        SequenceEnrollment active = enrolled("enr_active", "lead_1", T0);
        SequenceEnrollment paused = store().enroll(StoreFixtures.enrollment("enr_paused", "seq_2", "lead_1", T0, T0),
                Duration.ZERO).enrollment().orElseThrow();
        store().updateEnrollment(paused.withStatus(EnrollmentStatus.PAUSED, T0, T0), EnrollmentStatus.ACTIVE);
        SequenceEnrollment done = store().enroll(StoreFixtures.enrollment("enr_done", "seq_3", "lead_1", T0, T0),
                Duration.ZERO).enrollment().orElseThrow();
        SequenceEnrollment completed = done.finished(EnrollmentStatus.COMPLETED, Optional.empty(), minutes(1));
        store().updateEnrollment(completed, EnrollmentStatus.ACTIVE);
        SequenceEnrollment othersEnrollment = enrolled("enr_other", "lead_other", T0);
        store().insertAttempt(attempt("att_dispatching", "lead_1").build(), 100);
        assertThat(store().claimDispatchable(T0, 1, "dispatcher", minutes(5))).hasSize(1);
        store().insertAttempt(attempt("att_pending", "lead_1").dueAt(minutes(1)).build(), 100);
        store().insertAttempt(attempt("att_scheduled", "lead_1").status(AttemptStatus.SCHEDULED)
                .dueAt(minutes(600)).build(), 100);
        store().insertAttempt(attempt("att_sent", "lead_1").status(AttemptStatus.SENT).build(), 100);
        store().insertAttempt(attempt("att_other", "lead_other").build(), 100);

        int ended = store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED,
                ExitReason.OPTED_OUT, minutes(10));

        assertThat(ended).isEqualTo(2);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.DO_NOT_CONTACT);
        for (String id : List.of(active.id(), paused.id())) {
            SequenceEnrollment exited = enrollmentNow(id);
            assertThat(exited.status()).isEqualTo(EnrollmentStatus.EXITED);
            assertThat(exited.exitReason()).contains(ExitReason.OPTED_OUT);
            assertThat(exited.completedAt()).contains(minutes(10));
        }
        assertThat(enrollmentNow("enr_done")).isEqualTo(completed);
        assertThat(enrollmentNow("enr_other")).isEqualTo(othersEnrollment);
        assertThat(store().findAttempt("att_pending").orElseThrow().status()).isEqualTo(AttemptStatus.CANCELLED);
        assertThat(store().findAttempt("att_scheduled").orElseThrow().status()).isEqualTo(AttemptStatus.CANCELLED);
        assertThat(store().findAttempt("att_dispatching").orElseThrow().status())
                .isEqualTo(AttemptStatus.DISPATCHING);
        assertThat(store().findAttempt("att_sent").orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(store().findAttempt("att_other").orElseThrow().status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(store().claimDispatchable(minutes(1000), 10, "dispatcher", minutes(1005)))
                .extracting(a -> a.id()).containsExactly("att_other");
    }

    @Test
    default void endOutreachWithAnIllegalLeadMoveChangesNothing() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment active = enrolled("enr_1", "lead_1", T0);
        store().updateLeadStatus("lead_1", LeadStatus.CONTACTED, T0);
        store().insertAttempt(attempt("att_1", "lead_1").build(), 100);
        Lead contacted = leadNow("lead_1");

        assertThatThrownBy(() -> store().endOutreach("lead_1", LeadStatus.NEW, EnrollmentStatus.EXITED,
                ExitReason.MANUAL, minutes(1))).isInstanceOf(IllegalStateTransitionException.class);

        assertThat(leadNow("lead_1")).isEqualTo(contacted);
        assertThat(enrollmentNow("enr_1")).isEqualTo(active);
        assertThat(store().findAttempt("att_1").orElseThrow().status()).isEqualTo(AttemptStatus.PENDING);
    }

    @Test
    default void endOutreachOfAMissingLeadThrowsNotFound() {
        assertThatThrownBy(() -> store().endOutreach("lead_missing", LeadStatus.DO_NOT_CONTACT,
                EnrollmentStatus.EXITED, ExitReason.OPTED_OUT, T0)).isInstanceOf(NotFoundException.class);
    }
}
