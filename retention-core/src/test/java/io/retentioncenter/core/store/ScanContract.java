package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.enrollment;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static io.retentioncenter.core.store.StoreFixtures.skippedStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streaming reads for analytics: each scan hands over exactly the records whose time lies in
 * {@code [from, to)}. Records are created at minutes 0..4 and the kit scans minutes [1, 3).
 */
public interface ScanContract extends StoreUnderTest {

    @Test
    default void scanLeadsHandsOverExactlyTheLeadsCreatedInTheRange() {
        for (int m = 0; m < 5; m++) {
            saved(lead("lead_" + m, m + "@example.com", null, minutes(m)));
        }
        List<Lead> seen = new ArrayList<>();

        store().scanLeads(minutes(1), minutes(3), seen::add);

        assertThat(seen).extracting(Lead::id).containsExactlyInAnyOrder("lead_1", "lead_2");
    }

    @Test
    default void scanAttemptsHandsOverExactlyTheAttemptsCreatedInTheRange() {
        savedLead("lead_1");
        for (int m = 0; m < 5; m++) {
            store().insertAttempt(attempt("att_" + m, "lead_1").createdAt(minutes(m)).build(), 100);
        }
        List<ContactAttempt> seen = new ArrayList<>();

        store().scanAttempts(minutes(1), minutes(3), seen::add);

        assertThat(seen).extracting(ContactAttempt::id).containsExactlyInAnyOrder("att_1", "att_2");
    }

    @Test
    default void scanEnrollmentsHandsOverExactlyTheEnrollmentsEnrolledInTheRange() {
        savedCampaignAndSequence();
        for (int m = 0; m < 5; m++) {
            savedLead("lead_" + m);
            store().enroll(enrollment("enr_" + m, SEQUENCE, "lead_" + m, minutes(m), minutes(m)), Duration.ZERO);
        }
        List<SequenceEnrollment> seen = new ArrayList<>();

        store().scanEnrollments(minutes(1), minutes(3), seen::add);

        assertThat(seen).extracting(SequenceEnrollment::id).containsExactlyInAnyOrder("enr_1", "enr_2");
    }

    @Test
    default void scanExecutionsAndCountExecutionsBetweenSeeExactlyTheRange() {
        savedCampaignAndSequence();
        for (int m = 0; m < 5; m++) {
            savedLead("lead_" + m);
            enrolled("enr_" + m, "lead_" + m, T0);
        }
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(T0, 10, "tick", minutes(10));
        for (int m = 0; m < 5; m++) {
            store().recordStepOutcomes(List.of(skippedStep(claimed.get(m), "tick", "exec_" + m, minutes(m))));
        }
        List<SequenceStepExecution> seen = new ArrayList<>();

        store().scanExecutions(minutes(1), minutes(3), seen::add);

        assertThat(seen).extracting(SequenceStepExecution::id).containsExactlyInAnyOrder("exec_1", "exec_2");
        assertThat(store().countExecutionsBetween(minutes(1), minutes(3))).isEqualTo(2);
        assertThat(store().countExecutionsBetween(T0, minutes(5))).isEqualTo(5);
        assertThat(store().countExecutionsBetween(minutes(5), minutes(9))).isZero();
    }

    @Test
    default void scanConversionsHandsOverExactlyTheConversionsThatOccurredInTheRange() {
        for (int m = 0; m < 5; m++) {
            savedLead("lead_" + m);
            store().recordConversion(postback("pb_" + m, PostbackKind.LEAD,
                    conversion("conv_" + m, "lead_" + m, CAMPAIGN, minutes(m)), "0", minutes(m)));
        }
        List<Conversion> seen = new ArrayList<>();

        store().scanConversions(minutes(1), minutes(3), seen::add);

        assertThat(seen).extracting(Conversion::id).containsExactlyInAnyOrder("conv_1", "conv_2");
    }

    @Test
    default void scansHandOverLargeRangesCompletelyAndEmptyRangesNothing() {
        int count = 1_200;
        for (int i = 0; i < count; i++) {
            saved(lead("lead_" + i, i + "@example.com", null, T0.plusMillis(i % 7)));
        }
        List<Lead> seen = new ArrayList<>();
        List<Lead> none = new ArrayList<>();

        store().scanLeads(T0, minutes(1), seen::add);
        store().scanLeads(minutes(1), minutes(2), none::add);
        store().scanLeads(minutes(2), minutes(1), none::add);

        assertThat(seen).hasSize(count).doesNotHaveDuplicates();
        assertThat(none).isEmpty();
    }
}
