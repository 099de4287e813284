package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.CONTACT_LIMIT;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.campaign;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static io.retentioncenter.core.store.StoreFixtures.skippedStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.SendWindow;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Timing tests ({@code ArmAssignmentStore} and the timing side of {@code abTestCounts}): a timing
 * test keeps its step and typed arms; a step outcome stores its arm only when applied, and the first
 * stored arm of a test and lead stays; counts come from the arms and the SALEs in the assignment's
 * campaign at or after the assignment.
 */
public interface ArmAssignmentContract extends StoreUnderTest {

    /** A RUNNING 12 h / 48 h delay test of step 2 of {@link StoreFixtures#SEQUENCE}. */
    private static AbTest delayTest(String id) {
        return new AbTest(id, CAMPAIGN, Channel.EMAIL, List.of(Variant.delay("short", Duration.ofHours(12), 1),
                Variant.delay("long", Duration.ofHours(48), 1)), AbTestStatus.RUNNING, Optional.empty(), T0,
                Optional.empty(), Optional.of(new StepTarget(SEQUENCE, 2)));
    }

    /** {@code skippedStep} of {@code claimed} at {@code at} carrying the arm {@code variant} of {@code testId}. */
    private static StepOutcome withArm(SequenceEnrollment claimed, String testId, String variant, Instant at) {
        StepOutcome plain = skippedStep(claimed, "tick_a", "exe_" + claimed.id() + "_" + claimed.currentStep(), at);
        return new StepOutcome(plain.leaseOwner(), plain.expectedStep(), plain.updated(), plain.attempt(),
                plain.execution(), CONTACT_LIMIT, Optional.of(new ArmAssignment(testId, claimed.leadId(), CAMPAIGN,
                        claimed.id(), variant, at)));
    }

    @Test
    default void aTimingTestKeepsItsStepAndTypedArms() {
        store().saveCampaign(campaign(CAMPAIGN));
        AbTest delays = delayTest("test_delay");
        AbTest windows = new AbTest("test_window", CAMPAIGN, Channel.EMAIL, List.of(
                Variant.window("morning", new SendWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)), 2),
                Variant.window("night", new SendWindow(LocalTime.of(22, 0), LocalTime.of(2, 0)), 1)),
                AbTestStatus.PAUSED, Optional.empty(), T0, Optional.empty(), Optional.of(new StepTarget(SEQUENCE, 3)));
        store().saveAbTest(delays);
        store().saveAbTest(windows);

        assertThat(store().listAbTests()).containsExactlyInAnyOrder(delays, windows);
        assertThat(store().abTestCounts("test_delay")).containsExactly(Map.entry("short", new ArmCounts(0, 0)),
                Map.entry("long", new ArmCounts(0, 0)));
    }

    @Test
    default void anAppliedOutcomeStoresItsArmAndTheFirstArmOfATestAndLeadStays() {
        savedCampaignAndSequence();
        store().saveAbTest(delayTest("test_1"));
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment first = claimedOne(T0, "tick_a", minutes(5));

        assertThat(store().recordStepOutcomes(List.of(withArm(first, "test_1", "long", minutes(1)))))
                .containsExactly(StepOutcome.Result.APPLIED);
        SequenceEnrollment second = claimedOne(minutes(1).plus(Duration.ofDays(1)), "tick_a",
                minutes(5).plus(Duration.ofDays(1)));
        assertThat(store().recordStepOutcomes(List.of(withArm(second, "test_1", "short", minutes(2)))))
                .containsExactly(StepOutcome.Result.APPLIED);

        assertThat(store().armAssignment("test_1", "lead_1"))
                .contains(new ArmAssignment("test_1", "lead_1", CAMPAIGN, "enr_1", "long", minutes(1)));
        assertThat(store().armAssignment("test_1", "lead_2")).isEmpty();
        assertThat(store().armAssignment("test_2", "lead_1")).isEmpty();
    }

    @Test
    default void aStaleOutcomeStoresNoArm() {
        savedCampaignAndSequence();
        store().saveAbTest(delayTest("test_1"));
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(T0, "tick_a", minutes(5));
        StepOutcome fine = withArm(claimed, "test_1", "long", minutes(1));
        StepOutcome stale = new StepOutcome("tick_b", fine.expectedStep(), fine.updated(), fine.attempt(),
                fine.execution(), CONTACT_LIMIT, fine.assignment());

        assertThat(store().recordStepOutcomes(List.of(stale))).containsExactly(StepOutcome.Result.STALE);

        assertThat(store().armAssignment("test_1", "lead_1")).isEmpty();
    }

    @Test
    default void timingCountsAreAssignedLeadsAndTheirSalesFromTheAssignmentOn() {
        savedCampaignAndSequence();
        store().saveCampaign(campaign("camp_other"));
        store().saveAbTest(delayTest("test_1"));
        List<String> leads = List.of("lead_s1", "lead_s2", "lead_s3", "lead_l1", "lead_l2");
        for (int i = 0; i < leads.size(); i++) {
            savedLead(leads.get(i));
            enrolled("enr_" + i, leads.get(i), T0);
        }
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(T0, 10, "tick_a", minutes(5));
        assertThat(store().recordStepOutcomes(claimed.stream().map(e -> withArm(e, "test_1",
                e.leadId().startsWith("lead_s") ? "short" : "long", minutes(1))).toList()))
                .containsOnly(StepOutcome.Result.APPLIED);
        // counted: a sale after the assignment (before the tested step is sent)
        sale("lead_s1", CAMPAIGN, minutes(30));
        sale("lead_l1", CAMPAIGN, minutes(1));
        // not counted: a sale before the assignment, a mere lead, a sale in another campaign
        sale("lead_s2", CAMPAIGN, T0);
        store().recordConversion(postback("pb_s3", PostbackKind.LEAD, conversion("conv_s3", "lead_s3", CAMPAIGN,
                minutes(20)), "0", minutes(20)));
        sale("lead_l2", "camp_other", minutes(20));

        assertThat(store().abTestCounts("test_1")).containsOnly(Map.entry("short", new ArmCounts(3, 1)),
                Map.entry("long", new ArmCounts(2, 1)));
    }

    private void sale(String leadId, String campaignId, Instant at) {
        store().recordConversion(postback("pb_" + leadId, PostbackKind.SALE,
                conversion("conv_" + leadId, leadId, campaignId, at), "40", at));
    }
}
