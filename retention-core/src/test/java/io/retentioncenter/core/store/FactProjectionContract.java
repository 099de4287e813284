package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.skippedStep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.fact.LeadFact;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The narrow fact scans of {@code FactSource}: each hands over, in any order, exactly the projection
 * of what the full scan of the same range hands over; the rendered text only for attempts without a
 * script.
 */
public interface FactProjectionContract extends StoreUnderTest {

    @Test
    default void attemptFactsAreTheProjectionOfTheAttemptsOfTheRange() {
        savedLead("lead_1");
        store().insertAttempt(attempt("att_0", "lead_1").createdAt(minutes(0)).build(), 100);
        store().insertAttempt(attempt("att_1", "lead_1").createdAt(minutes(1)).build(), 100);
        store().insertAttempt(attempt("att_2", "lead_1").channel(Channel.SMS).status(AttemptStatus.SENT)
                .sentBy("sms", "ref-2", minutes(2).plusMillis(987)).script("scr_1").abTest("abt_1", "B")
                .createdAt(minutes(2).plusMillis(1)).build(), 100);
        store().insertAttempt(attempt("att_3", "lead_1").enrollment("enr_1", 2).createdAt(minutes(2)).build(), 100);
        store().insertAttempt(attempt("att_4", "lead_1").createdAt(minutes(3)).build(), 100);
        List<AttemptFact> expected = new ArrayList<>();
        store().scanAttempts(minutes(1), minutes(3), a -> expected.add(AttemptFact.of(a)));
        List<AttemptFact> facts = new ArrayList<>();

        store().scanAttemptFacts(minutes(1), minutes(3), facts::add);

        assertThat(expected).extracting(AttemptFact::id).containsExactlyInAnyOrder("att_1", "att_2", "att_3");
        assertThat(facts).containsExactlyInAnyOrderElementsOf(expected);
        AttemptFact scripted = facts.stream().filter(f -> f.id().equals("att_2")).findFirst().orElseThrow();
        assertThat(scripted.body()).as("the script's template is the text").isEmpty();
        assertThat(scripted.sentAt()).as("to the millisecond").contains(minutes(2).plusMillis(987));
        assertThat(scripted.createdAt()).isEqualTo(minutes(2).plusMillis(1));
        assertThat(scripted.variant()).contains("B");
        assertThat(facts.stream().filter(f -> f.id().equals("att_1")).findFirst().orElseThrow().body())
                .contains("Hello Ada");
    }

    @Test
    default void executionFactsAreTheProjectionOfTheExecutionsOfTheRange() {
        savedCampaignAndSequence();
        for (int m = 0; m < 4; m++) {
            savedLead("lead_" + m);
            enrolled("enr_" + m, "lead_" + m, T0);
        }
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(T0, 10, "tick", minutes(10));
        for (int m = 0; m < 4; m++) {
            store().recordStepOutcomes(List.of(skippedStep(claimed.get(m), "tick", "exec_" + m, minutes(m))));
        }
        List<ExecutionFact> expected = new ArrayList<>();
        store().scanExecutions(minutes(1), minutes(3), e -> expected.add(ExecutionFact.of(e)));
        List<ExecutionFact> facts = new ArrayList<>();

        store().scanExecutionFacts(minutes(1), minutes(3), facts::add);

        assertThat(expected).hasSize(2);
        assertThat(facts).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    default void enrollmentFactsAreTheProjectionOfTheEnrollmentsOfTheRange() {
        savedCampaignAndSequence();
        for (int m = 0; m < 4; m++) {
            savedLead("lead_" + m);
            assertThat(store().enroll(StoreFixtures.enrollment("enr_" + m, SEQUENCE, "lead_" + m,
                    minutes(m).plusMillis(250), minutes(60)), Duration.ZERO).outcome())
                    .isEqualTo(EnrollResult.Outcome.ENROLLED);
        }
        store().endOutreach("lead_2", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                minutes(5).plusMillis(7));
        List<EnrollmentFact> expected = new ArrayList<>();
        store().scanEnrollments(minutes(1), minutes(3), e -> expected.add(EnrollmentFact.of(e)));
        List<EnrollmentFact> facts = new ArrayList<>();

        store().scanEnrollmentFacts(minutes(1), minutes(3), facts::add);

        assertThat(expected).extracting(EnrollmentFact::id).containsExactlyInAnyOrder("enr_1", "enr_2");
        assertThat(facts).containsExactlyInAnyOrderElementsOf(expected);
        EnrollmentFact ended = facts.stream().filter(f -> f.id().equals("enr_2")).findFirst().orElseThrow();
        assertThat(ended.exitReason()).contains(ExitReason.OPTED_OUT);
        assertThat(ended.completedAt()).contains(minutes(5).plusMillis(7));
        assertThat(ended.enrolledAt()).isEqualTo(minutes(2).plusMillis(250));
    }

    @Test
    default void leadFactsAreTheProjectionOfTheLeadsOfTheRange() {
        for (int m = 0; m < 4; m++) {
            Lead lead = lead("lead_" + m, m + "@example.com", null, minutes(m));
            saved(m == 2 ? new Lead(lead.id(), lead.externalId(), lead.firstName(), lead.lastName(), lead.email(),
                    lead.phone(), lead.source(), lead.status(), lead.subId(), lead.clickId(),
                    Optional.of(ZoneId.of("Europe/Madrid")), lead.attributes(), lead.contactCount(), lead.createdAt(),
                    lead.updatedAt()) : lead);
        }
        List<LeadFact> facts = new ArrayList<>();

        store().scanLeadFacts(minutes(1), minutes(3), facts::add);

        assertThat(facts).containsExactlyInAnyOrder(new LeadFact("lead_1", Optional.empty(), minutes(1)),
                new LeadFact("lead_2", Optional.of(ZoneId.of("Europe/Madrid")), minutes(2)));
    }

    @Test
    default void enrollmentCountsAgreeWithTheSequenceStatistics() {
        savedCampaignAndSequence();
        for (int m = 0; m < 3; m++) {
            savedLead("lead_" + m);
            enrolled("enr_" + m, "lead_" + m, T0);
        }
        store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                minutes(5));

        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            assertThat(store().countEnrollments(SEQUENCE, status)).as(status.name())
                    .isEqualTo(store().sequenceStats(SEQUENCE).enrollments(status));
        }
        assertThat(store().countEnrollments(SEQUENCE, EnrollmentStatus.ACTIVE)).isEqualTo(2);
        assertThat(store().countEnrollments("seq_unknown", EnrollmentStatus.ACTIVE)).isZero();
        assertThatThrownBy(() -> store().countEnrollments(SEQUENCE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("status");
    }

    @Test
    default void factScansRejectAMissingArgumentNamingIt() {
        assertThatThrownBy(() -> store().scanAttemptFacts(T0, minutes(1), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sink");
        assertThatThrownBy(() -> store().scanExecutionFacts(null, minutes(1), f -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> store().scanLeadFacts(T0, null, f -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> store().scanEnrollmentFacts(T0, minutes(1), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sink");
    }
}
