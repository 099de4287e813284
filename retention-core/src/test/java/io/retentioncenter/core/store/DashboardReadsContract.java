package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.CONTACT_LIMIT;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.lead.LeadEvent.Kind;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' store role ({@code DashboardReads}): activity per bucket of time (leads by
 * creation, attempts by creation with channel and status, conversions by first report with the
 * revenue of sales), the ACTIVE enrollments due next, and the latest events of every kind.
 */
public interface DashboardReadsContract extends StoreUnderTest {

    @Test
    default void activityIsCountedPerBucket() {
        savedCampaignAndSequence();
        saved(lead("lead_1", "a@example.com", null, T0));
        saved(lead("lead_2", "b@example.com", null, minutes(14)));
        saved(lead("lead_3", "c@example.com", null, minutes(15)));
        store().insertAttempt(attempt("att_1", "lead_1").createdAt(minutes(1)).build(), CONTACT_LIMIT);
        store().insertAttempt(attempt("att_2", "lead_2").channel(Channel.SMS).status(AttemptStatus.SENT)
                .createdAt(minutes(2)).build(), CONTACT_LIMIT);
        store().insertAttempt(attempt("att_3", "lead_3").createdAt(minutes(31)).build(), CONTACT_LIMIT);
        store().recordConversion(postback("pb_1", PostbackKind.SALE, conversion("conv_1", "lead_1", CAMPAIGN,
                minutes(16)), "12.50", minutes(16)));
        store().recordConversion(postback("pb_2", PostbackKind.SALE, conversion("conv_2", "lead_2", CAMPAIGN,
                minutes(17)), "7.5", minutes(17)));
        store().recordConversion(postback("pb_3", PostbackKind.LEAD, conversion("conv_3", "lead_3", CAMPAIGN,
                minutes(18)), "0", minutes(18)));

        List<ActivityCounts> buckets = store().activityIn(List.of(T0, minutes(15), minutes(30), minutes(60)));

        assertThat(buckets).hasSize(3);
        ActivityCounts first = buckets.get(0);
        assertThat(first.leads()).isEqualTo(2);
        assertThat(first.attempts()).as("the sale cancelled the pending email").isEqualTo(Map.of(Channel.EMAIL,
                Map.of(AttemptStatus.CANCELLED, 1L),
                Channel.SMS, Map.of(AttemptStatus.SENT, 1L)));
        assertThat(first.conversions()).isEmpty();
        ActivityCounts second = buckets.get(1);
        assertThat(second.leads()).isEqualTo(1);
        assertThat(second.conversions()).isEqualTo(Map.of(ConversionStatus.SALE, 2L, ConversionStatus.LEAD, 1L));
        assertThat(second.revenue()).isEqualTo(new BigDecimal("20"));
        assertThat(buckets.get(2).attemptsOn(Channel.EMAIL)).isEqualTo(1);
        assertThat(buckets.get(2).leads()).isZero();
        assertThat(store().activityIn(List.of(minutes(-15), T0, minutes(30))))
                .containsExactly(ActivityCounts.NONE, first.plus(second));
        assertThat(store().activityIn(List.of(minutes(60), minutes(75)))).containsExactly(ActivityCounts.NONE);
    }

    @Test
    default void bucketBoundariesMustBeIncreasingQuarterHours() {
        assertThatThrownBy(() -> store().activityIn(List.of(minutes(1), minutes(15))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().activityIn(List.of(minutes(30), minutes(15))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().activityIn(List.of(minutes(15), minutes(15))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().activityIn(List.of(minutes(15)))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().activityIn(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().activityIn(java.util.stream.IntStream.rangeClosed(0, 1001)
                .mapToObj(i -> minutes(15L * i)).toList())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().nextDueEnrollments(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().recentEvents(0)).isInstanceOf(ValidationException.class);
    }

    @Test
    default void theActiveEnrollmentsDueNextComeInDueOrder() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        savedLead("lead_2");
        savedLead("lead_3");
        enrolled("enr_b", "lead_1", minutes(10));
        enrolled("enr_a", "lead_2", minutes(10));
        enrolled("enr_c", "lead_3", minutes(5));
        store().endOutreach("lead_3", LeadStatus.DO_NOT_CONTACT, io.retentioncenter.core.sequence.EnrollmentStatus.EXITED,
                io.retentioncenter.core.sequence.ExitReason.OPTED_OUT, minutes(1));

        assertThat(store().nextDueEnrollments(10)).extracting(SequenceEnrollment::id).containsExactly("enr_a", "enr_b");
        assertThat(store().nextDueEnrollments(1)).extracting(SequenceEnrollment::id).containsExactly("enr_a");
    }

    @Test
    default void theLatestEventsOfEveryKindComeNewestFirst() {
        savedCampaignAndSequence();
        saved(lead("lead_1", "a@example.com", null, T0));
        enrolled("enr_1", "lead_1", minutes(1));
        SequenceEnrollment claimed = claimedOne(minutes(1), "engine-a", minutes(5));
        store().recordStepOutcomes(List.of(executedStep(claimed, "engine-a", "att_1", minutes(2))));
        store().recordConversion(postback("pb_1", PostbackKind.SALE, conversion("conv_1", "lead_1", CAMPAIGN,
                minutes(3)), "10", minutes(3)));
        saved(lead("lead_2", "b@example.com", null, minutes(4)));

        List<LeadEvent> all = store().recentEvents(100);
        assertThat(all).extracting(LeadEvent::kind).containsExactly(Kind.CREATED, Kind.STATUS_CHANGED,
                Kind.CONVERSION, Kind.STATUS_CHANGED, Kind.ATTEMPT, Kind.STEP_EXECUTED, Kind.CREATED);
        assertThat(all).extracting(LeadEvent::leadId).containsExactly("lead_2", "lead_1", "lead_1", "lead_1",
                "lead_1", "lead_1", "lead_1");
        assertThat(all.get(5)).isInstanceOfSatisfying(LeadEvent.StepExecuted.class,
                e -> assertThat(e.execution().attemptId()).contains("att_1"));
        assertThat(store().recentEvents(2)).isEqualTo(all.subList(0, 2));
    }
}
