package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.abTest;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.campaign;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.creditedTo;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static io.retentioncenter.core.store.StoreFixtures.script;
import static io.retentioncenter.core.store.StoreFixtures.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Configuration (campaigns, scripts, A/B tests, sequences and the config version), campaign
 * membership under a cap, and A/B arm counts. Pinned down here: {@code assignLead} throws
 * {@link NotFoundException} for a missing campaign or lead; {@code abTestCounts} lists every variant
 * of a saved test, unexposed ones as 0/0, and counts a lead as converted in a variant when it was
 * exposed to it and has a SALE conversion credited to that test and variant.
 */
public interface CampaignContract extends StoreUnderTest {

    @Test
    default void configurationIsListedAndReplacedById() {
        Campaign campaign = campaign(CAMPAIGN);
        store().saveCampaign(campaign);
        store().saveCampaign(campaign("camp_2"));
        Campaign paused = campaign.withStatus(CampaignStatus.PAUSED, minutes(1));
        store().saveCampaign(paused);
        store().saveScript(script("script_1"));
        store().saveAbTest(abTest("test_1", CAMPAIGN, "A", "B"));
        RetentionSequence sequence = sequence(SEQUENCE, CAMPAIGN, 3);
        store().saveSequence(sequence);
        RetentionSequence shorter = sequence.withSteps(sequence.steps().subList(0, 1), minutes(1));
        store().saveSequence(shorter);

        assertThat(store().findCampaign(CAMPAIGN)).contains(paused);
        assertThat(store().findCampaign("camp_missing")).isEmpty();
        assertThat(store().listCampaigns()).containsExactlyInAnyOrder(paused, campaign("camp_2"));
        assertThat(store().listScripts()).containsExactly(script("script_1"));
        assertThat(store().listAbTests()).containsExactly(abTest("test_1", CAMPAIGN, "A", "B"));
        assertThat(store().listSequences()).containsExactly(shorter);
    }

    @Test
    default void configVersionMovesOnEverySaveAndDelete() {
        List<Long> versions = new ArrayList<>();
        versions.add(store().configVersion());
        store().saveCampaign(campaign(CAMPAIGN));
        versions.add(store().configVersion());
        store().saveScript(script("script_1"));
        versions.add(store().configVersion());
        store().saveAbTest(abTest("test_1", CAMPAIGN, "A", "B"));
        versions.add(store().configVersion());
        store().saveSequence(sequence(SEQUENCE, CAMPAIGN, 2));
        versions.add(store().configVersion());
        store().saveCampaign(campaign(CAMPAIGN));
        versions.add(store().configVersion());
        assertThat(store().deleteSequence(SEQUENCE)).isTrue();
        versions.add(store().configVersion());

        assertThat(versions).doesNotHaveDuplicates();
        assertThat(store().listSequences()).isEmpty();
    }

    @Test
    default void deleteSequenceRefusesAnEnrolledOrUnknownSequenceAndChangesNothing() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        long version = store().configVersion();

        assertThat(store().deleteSequence(SEQUENCE)).isFalse();
        assertThat(store().deleteSequence("seq_missing")).isFalse();

        assertThat(store().configVersion()).isEqualTo(version);
        assertThat(store().listSequences()).extracting(RetentionSequence::id).containsExactly(SEQUENCE);
    }

    @Test
    default void assignLeadAddsALeadOnce() {
        store().saveCampaign(campaign(CAMPAIGN));
        savedLead("lead_1");

        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.empty(), T0)).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.empty(), minutes(1)))
                .isEqualTo(Assignment.ALREADY_ASSIGNED);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(1);
        assertThat(store().countCampaignLeads("camp_empty")).isZero();
    }

    @Test
    default void assignLeadStopsAtTheCap() {
        store().saveCampaign(campaign(CAMPAIGN));
        store().saveCampaign(campaign("camp_closed"));
        for (int i = 1; i <= 3; i++) {
            savedLead("lead_" + i);
        }

        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.of(2), T0)).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().assignLead(CAMPAIGN, "lead_2", Optional.of(2), T0)).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().assignLead(CAMPAIGN, "lead_3", Optional.of(2), T0)).isEqualTo(Assignment.CAP_REACHED);
        assertThat(store().assignLead(CAMPAIGN, "lead_1", Optional.of(2), T0)).isEqualTo(Assignment.ALREADY_ASSIGNED);
        assertThat(store().assignLead(CAMPAIGN, "lead_3", Optional.empty(), T0)).isEqualTo(Assignment.ASSIGNED);
        assertThat(store().assignLead("camp_closed", "lead_1", Optional.of(0), T0))
                .isEqualTo(Assignment.CAP_REACHED);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(3);
        assertThat(store().countCampaignLeads("camp_closed")).isZero();
    }

    @Test
    default void assignLeadToAMissingCampaignOrOfAMissingLeadThrowsNotFound() {
        store().saveCampaign(campaign(CAMPAIGN));
        savedLead("lead_1");

        assertThatThrownBy(() -> store().assignLead("camp_missing", "lead_1", Optional.empty(), T0))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().assignLead(CAMPAIGN, "lead_missing", Optional.empty(), T0))
                .isInstanceOf(NotFoundException.class);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isZero();
    }

    @Test
    default void concurrentAssignmentsNeverExceedTheCap() {
        store().saveCampaign(campaign(CAMPAIGN));
        int leads = 200;
        for (int i = 0; i < leads; i++) {
            savedLead("lead_" + i);
        }

        List<Assignment> results = Race.run(Race.THREADS, thread -> {
            List<Assignment> mine = new ArrayList<>();
            for (int i = thread; i < leads; i += Race.THREADS) {
                mine.add(store().assignLead(CAMPAIGN, "lead_" + i, Optional.of(50), T0));
            }
            return mine;
        });

        assertThat(results).hasSize(leads);
        assertThat(results.stream().filter(Assignment.ASSIGNED::equals)).hasSize(50);
        assertThat(results.stream().filter(Assignment.CAP_REACHED::equals)).hasSize(150);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(50);
    }

    @Test
    default void abTestCountsCountDistinctExposedLeadsAndTheirSalesPerVariant() {
        store().saveCampaign(campaign(CAMPAIGN));
        AbTest test = abTest("test_1", CAMPAIGN, "A", "B", "C");
        store().saveAbTest(test);
        for (String lead : List.of("lead_a1", "lead_a2", "lead_a3", "lead_b1", "lead_b2")) {
            savedLead(lead);
        }
        store().insertAttempt(attempt("att_a1_1", "lead_a1").abTest("test_1", "A").build(), 100);
        store().insertAttempt(attempt("att_a1_2", "lead_a1").abTest("test_1", "A").createdAt(minutes(1)).build(),
                100);
        store().insertAttempt(attempt("att_a2", "lead_a2").abTest("test_1", "A").build(), 100);
        store().insertAttempt(attempt("att_a3", "lead_a3").abTest("test_1", "A").build(), 100);
        store().insertAttempt(attempt("att_b1", "lead_b1").abTest("test_1", "B").build(), 100);
        store().insertAttempt(attempt("att_b2", "lead_b2").abTest("test_1", "B").build(), 100);
        store().insertAttempt(attempt("att_other", "lead_b2").abTest("test_other", "A").build(), 100);
        store().recordConversion(postback("pb_a1", PostbackKind.SALE,
                creditedTo(conversion("conv_a1", "lead_a1", CAMPAIGN, minutes(5)), "test_1", "A"), "40", minutes(5)));
        store().recordConversion(postback("pb_a2", PostbackKind.SALE,
                creditedTo(conversion("conv_a2", "lead_a2", CAMPAIGN, minutes(5)), "test_other", "A"), "40",
                minutes(5)));
        store().recordConversion(postback("pb_a3", PostbackKind.LEAD,
                creditedTo(conversion("conv_a3", "lead_a3", CAMPAIGN, minutes(5)), "test_1", "A"), "0", minutes(5)));
        store().recordConversion(postback("pb_b1", PostbackKind.SALE,
                creditedTo(conversion("conv_b1", "lead_b1", CAMPAIGN, minutes(5)), "test_1", "B"), "40", minutes(5)));

        Map<String, ArmCounts> counts = store().abTestCounts("test_1");

        assertThat(counts).containsOnly(Map.entry("A", new ArmCounts(3, 1)), Map.entry("B", new ArmCounts(2, 1)),
                Map.entry("C", new ArmCounts(0, 0)));
        assertThat(store().abTestCounts("test_other")).containsOnly(Map.entry("A", new ArmCounts(1, 0)));
    }
}
