package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.campaign;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.ChannelStats;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The campaign page's store calls ({@code CampaignMembersStore}): the member list, removal and the
 * campaign's results. Pinned down here: removal keeps the membership as REMOVED, ends only the
 * lead's outreach in that campaign, and makes a claimed enrollment's outcome STALE; a removed lead
 * is never assigned again (REMOVED) nor enrolled in the campaign again (REMOVED_FROM_CAMPAIGN, also
 * when the two race) and frees its place under the cap; statistics count every
 * attempt and SALE conversion credited to the campaign.
 */
public interface CampaignMembersContract extends StoreUnderTest {

    private void membersAssignedAtMinutes(String... leadIds) {
        savedCampaignAndSequence();
        for (int i = 0; i < leadIds.length; i++) {
            savedLead(leadIds[i]);
            assertThat(store().assignLead(CAMPAIGN, leadIds[i], Optional.empty(), minutes(i + 1)))
                    .isEqualTo(Assignment.ASSIGNED);
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException
                | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the racing threads lost each other", e);
        }
    }

    private List<String> leadIds(Page<CampaignMember> page) {
        return page.items().stream().map(m -> m.lead().id()).toList();
    }

    @Test
    default void membersAreListedInAssignmentOrderWithTheirLeadsAndFilteredByStatus() {
        membersAssignedAtMinutes("lead_c", "lead_a", "lead_b");
        assertThat(store().removeCampaignMember(CAMPAIGN, "lead_a", minutes(10))).contains(0);

        Page<CampaignMember> all = store().listCampaignMembers(CAMPAIGN, Optional.empty(), PageRequest.first(10));
        assertThat(leadIds(all)).containsExactly("lead_c", "lead_a", "lead_b");
        assertThat(all.total()).isEqualTo(3);
        CampaignMember removed = all.items().get(1);
        assertThat(removed.membership().status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(removed.membership().assignedAt()).isEqualTo(minutes(2));
        assertThat(removed.membership().removedAt()).contains(minutes(10));
        assertThat(removed.lead()).isEqualTo(leadNow("lead_a"));
        assertThat(all.items().get(0).membership().removedAt()).isEmpty();

        assertThat(leadIds(store().listCampaignMembers(CAMPAIGN, Optional.of(MemberStatus.ACTIVE),
                PageRequest.first(10)))).containsExactly("lead_c", "lead_b");
        assertThat(leadIds(store().listCampaignMembers(CAMPAIGN, Optional.of(MemberStatus.REMOVED),
                PageRequest.first(10)))).containsExactly("lead_a");
        Page<CampaignMember> second = store().listCampaignMembers(CAMPAIGN, Optional.empty(), new PageRequest(1, 1));
        assertThat(leadIds(second)).containsExactly("lead_a");
        assertThat(second.total()).isEqualTo(3);
        assertThat(store().listCampaignMembers("camp_missing", Optional.empty(), PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    default void removingALeadEndsItsOutreachInThatCampaignOnly() {
        membersAssignedAtMinutes("lead_1");
        store().saveCampaign(campaign("camp_2"));
        store().saveSequence(StoreFixtures.sequence("seq_2", "camp_2", 2));
        store().assignLead("camp_2", "lead_1", Optional.empty(), T0);
        enrolled("enr_1", "lead_1", minutes(60));
        store().enroll(SequenceEnrollment.start("enr_2", "seq_2", "lead_1", "camp_2", T0, minutes(60)), Duration.ZERO);
        store().insertAttempt(attempt("att_pending", "lead_1").dueAt(minutes(60)).build(), 100);
        store().insertAttempt(attempt("att_sent", "lead_1").status(AttemptStatus.SENT).build(), 100);
        store().insertAttempt(attempt("att_other", "lead_1").campaign("camp_2").dueAt(minutes(60)).build(), 100);

        assertThat(store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(5))).contains(1);

        SequenceEnrollment ended = enrollmentNow("enr_1");
        assertThat(ended.status()).isEqualTo(EnrollmentStatus.EXITED);
        assertThat(ended.exitReason()).contains(ExitReason.REMOVED_FROM_CAMPAIGN);
        assertThat(ended.completedAt()).contains(minutes(5));
        assertThat(enrollmentNow("enr_2").status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(store().findAttempt("att_pending").orElseThrow().status()).isEqualTo(AttemptStatus.CANCELLED);
        assertThat(store().findAttempt("att_sent").orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(store().findAttempt("att_other").orElseThrow().status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(store().countCampaignLeads("camp_2")).isEqualTo(1);

        assertThat(store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(6))).as("removed already").isEmpty();
        assertThat(store().listCampaignMembers(CAMPAIGN, Optional.empty(), PageRequest.first(5)).items().get(0)
                .membership().removedAt()).contains(minutes(5));
        assertThatThrownBy(() -> store().removeCampaignMember("camp_2", "lead_missing", minutes(6)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().removeCampaignMember("camp_missing", "lead_1", minutes(6)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void aTickHoldingTheEnrollmentOfARemovedLeadRecordsNothing() {
        membersAssignedAtMinutes("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(minutes(1), "engine-a", minutes(10));

        store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(2));

        StepOutcome.Result result = store().recordStepOutcomes(List.of(executedStep(claimed, "engine-a", "att_1",
                minutes(2)))).get(0);
        assertThat(result).isEqualTo(StepOutcome.Result.STALE);
        assertThat(store().findAttempt("att_1")).isEmpty();
        assertThat(store().claimDueEnrollments(minutes(100), 10, "engine-b", minutes(110))).isEmpty();
    }

    @Test
    default void aRemovedLeadStaysOutAndFreesItsPlaceUnderTheCap() {
        membersAssignedAtMinutes();
        savedLead("lead_1");
        savedLead("lead_2");
        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.of(1), T0)).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().assignLead(CAMPAIGN, "lead_2", Optional.of(1), T0)).isEqualTo(Assignment.CAP_REACHED);

        store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(1));

        assertThat(store().countCampaignLeads(CAMPAIGN)).isZero();
        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.of(1), minutes(2))).isEqualTo(Assignment.REMOVED);
        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.empty(), minutes(2))).isEqualTo(Assignment.REMOVED);
        assertThat(store().assignLead(CAMPAIGN, "lead_2", Optional.of(1), minutes(2))).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(1);
    }

    @Test
    default void aLeadRemovedFromTheCampaignIsNotEnrolledInItAgain() {
        membersAssignedAtMinutes("lead_1");
        store().saveCampaign(campaign("camp_2"));
        store().saveSequence(StoreFixtures.sequence("seq_2", "camp_2", 1));
        store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(1));

        EnrollResult refused = store().enroll(StoreFixtures.enrollment("enr_1", StoreFixtures.SEQUENCE, "lead_1",
                minutes(2), minutes(2)), Duration.ZERO);

        assertThat(refused.outcome()).isEqualTo(EnrollResult.Outcome.REMOVED_FROM_CAMPAIGN);
        assertThat(refused.enrollment()).isEmpty();
        assertThat(store().findEnrollment("enr_1")).isEmpty();
        assertThat(store().enroll(SequenceEnrollment.start("enr_2", "seq_2", "lead_1", "camp_2", minutes(2),
                minutes(2)), Duration.ZERO).outcome()).as("another campaign").isEqualTo(EnrollResult.Outcome.ENROLLED);
    }

    @Test
    default void aRemovalRacingAnEnrollmentNeverLeavesItRunning() {
        int leads = 40;
        String[] ids = new String[leads];
        for (int i = 0; i < leads; i++) {
            ids[i] = "lead_" + i;
        }
        membersAssignedAtMinutes(ids);

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        Race.run(2, thread -> {
            for (int i = 0; i < leads; i++) {
                await(together);
                if (thread == 0) {
                    store().removeCampaignMember(CAMPAIGN, ids[i], minutes(100));
                } else {
                    store().enroll(StoreFixtures.enrollment("enr_" + i, StoreFixtures.SEQUENCE, ids[i], minutes(100),
                            minutes(100)), Duration.ZERO);
                }
            }
            return List.of();
        });

        for (int i = 0; i < leads; i++) {
            Optional<SequenceEnrollment> e = store().findEnrollment("enr_" + i);
            assertThat(e.filter(x -> !x.status().isFinal())).as(ids[i]).isEmpty();
        }
        assertThat(store().claimDueEnrollments(minutes(200), 100, "engine", minutes(210))).isEmpty();
    }

    @Test
    default void campaignStatsCountMembersContactsSalesAndRevenueByChannel() {
        membersAssignedAtMinutes("lead_1", "lead_2", "lead_3");
        store().saveCampaign(campaign("camp_2"));
        store().removeCampaignMember(CAMPAIGN, "lead_3", minutes(5));
        store().insertAttempt(attempt("att_1", "lead_1").status(AttemptStatus.SENT).build(), 100);
        store().insertAttempt(attempt("att_2", "lead_1").channel(Channel.SMS).status(AttemptStatus.DELIVERED).build(),
                100);
        store().insertAttempt(attempt("att_3", "lead_2").status(AttemptStatus.OPENED).build(), 100);
        store().insertAttempt(attempt("att_4", "lead_2").status(AttemptStatus.FAILED).build(), 100);
        store().insertAttempt(attempt("att_5", "lead_3").build(), 100);
        store().insertAttempt(attempt("att_6", "lead_3").campaign("camp_2").status(AttemptStatus.SENT).build(), 100);
        store().recordConversion(postback("k1", PostbackKind.SALE, conversion("cnv_1", "lead_1", CAMPAIGN,
                minutes(10)), "45.00", minutes(10)));
        store().recordConversion(postback("k2", PostbackKind.LEAD, conversion("cnv_2", "lead_2", CAMPAIGN,
                minutes(11)), "3", minutes(11)));
        store().recordConversion(postback("k3", PostbackKind.SALE, conversion("cnv_3", "lead_3", "camp_2",
                minutes(12)), "99", minutes(12)));

        CampaignStats stats = store().campaignStats(CAMPAIGN);

        assertThat(stats.leads()).isEqualTo(3);
        assertThat(stats.removed()).isEqualTo(1);
        assertThat(stats.contacted()).isEqualTo(2);
        assertThat(stats.converted()).isEqualTo(1);
        assertThat(stats.conversionRate()).isEqualTo(1.0 / 3);
        assertThat(stats.revenue()).isEqualByComparingTo("45.00");
        assertThat(stats.byChannel()).containsOnlyKeys(Channel.EMAIL, Channel.SMS);
        ChannelStats email = stats.byChannel().get(Channel.EMAIL);
        assertThat(List.of(email.attempts(), email.contactedLeads(), email.conversions())).containsExactly(2L, 2L, 1L);
        assertThat(email.revenue()).isEqualByComparingTo("45.00");
        ChannelStats sms = stats.byChannel().get(Channel.SMS);
        assertThat(List.of(sms.attempts(), sms.contactedLeads(), sms.conversions())).containsExactly(1L, 1L, 0L);
        assertThat(sms.revenue()).isEqualByComparingTo(BigDecimal.ZERO);

        CampaignStats none = store().campaignStats("camp_missing");
        assertThat(List.of(none.leads(), none.contacted(), none.converted())).containsExactly(0L, 0L, 0L);
        assertThat(none.conversionRate()).isZero();
        assertThat(none.byChannel()).isEmpty();
    }

    @Test
    default void operatorPageCallsRejectMissingArguments() {
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> store().listCampaignMembers(" ", Optional.empty(), PageRequest.first(1)),
                () -> store().listCampaignMembers(CAMPAIGN, null, PageRequest.first(1)),
                () -> store().listCampaignMembers(CAMPAIGN, Optional.empty(), null),
                () -> store().removeCampaignMember(null, "lead_1", T0),
                () -> store().removeCampaignMember(CAMPAIGN, "", T0),
                () -> store().removeCampaignMember(CAMPAIGN, "lead_1", null),
                () -> store().campaignStats(null),
                () -> store().listConversions(null, PageRequest.first(1)),
                () -> store().listConversions(io.retentioncenter.core.conversion.ConversionQuery.all(), null),
                () -> store().conversionTotals(null),
                () -> store().findUnmatchedPostback(" "),
                () -> store().matchUnmatchedPostback(null, "lead_1", T0),
                () -> store().matchUnmatchedPostback("pb", " ", T0),
                () -> store().matchUnmatchedPostback("pb", "lead_1", null),
                () -> store().deleteScript(null));
        for (var call : calls) {
            assertThatThrownBy(call).isInstanceOf(io.retentioncenter.core.ValidationException.class);
        }
    }
}
