package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Lead intake ({@code LeadIntakeStore}): one lead or many, each all or nothing, with exactly one lead
 * per person and exact campaign caps under concurrency, and nothing written on stale configuration.
 */
public interface LeadIntakeContract extends StoreUnderTest {
    Duration FIRST_DELAY = Duration.ofMinutes(5);

    /** A route to {@link StoreFixtures#CAMPAIGN} with {@code cap}, enrolling in {@link StoreFixtures#SEQUENCE}. */
    private static IntakeRoute route(Optional<Integer> cap) {
        return new IntakeRoute(CAMPAIGN, cap, Optional.of(new IntakeRoute.Sequence(SEQUENCE, FIRST_DELAY,
                Duration.ofDays(30))));
    }

    private static LeadIntake intake(Lead candidate, Optional<Integer> cap) {
        return new LeadIntake(candidate, List.of(route(cap)));
    }

    private List<SequenceEnrollment> enrollmentsOf(String leadId) {
        return store().listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(10)).items();
    }

    /** Even threads take their intakes in with one bulk call, odd ones one by one. */
    private List<IntakeOutcome> ingested(List<LeadIntake> intakes, int thread, long version) {
        if (thread % 2 == 0) {
            return store().ingestLeads(intakes, version);
        }
        return intakes.stream().map(i -> store().ingestLead(i, version).orElseThrow()).toList();
    }

    private void assertNothingStored() {
        assertThat(store().listLeads(PageRequest.first(1)).total()).isZero();
        assertThat(store().countCampaignLeads(CAMPAIGN)).isZero();
    }

    @Test
    default void aNewLeadIsStoredAssignedEnrolledAndInProgressInOneCall() {
        savedCampaignAndSequence();

        IntakeOutcome outcome = store().ingestLead(intake(lead("lead_1"), Optional.empty()),
                store().configVersion()).orElseThrow();

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.lead().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(store().findLead("lead_1")).contains(outcome.lead());
        assertThat(outcome.campaignIds()).containsExactly(CAMPAIGN);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(1);
        assertThat(outcome.enrollments()).hasSize(1);
        SequenceEnrollment e = outcome.enrollments().get(0);
        assertThat(e.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(e.currentStep()).isEqualTo(1);
        assertThat(e.nextExecuteAt()).isEqualTo(T0.plus(FIRST_DELAY));
        assertThat(store().findEnrollment(e.id())).contains(e);
    }

    @Test
    default void everyMoveToInProgressIsRecordedWithTheLead() {
        savedCampaignAndSequence();
        long version = store().configVersion();

        store().ingestLead(intake(lead("lead_1"), Optional.empty()), version).orElseThrow();
        store().ingestLeads(List.of(intake(lead("lead_2"), Optional.of(5)), intake(lead("lead_3"), Optional.empty()),
                new LeadIntake(lead("lead_4"), List.of())), version);

        for (String id : List.of("lead_1", "lead_2", "lead_3")) {
            assertThat(store().leadStatusChanges(id)).extracting(LeadStatusChange::leadId, LeadStatusChange::from,
                    LeadStatusChange::to, LeadStatusChange::at)
                    .containsExactly(tuple(id, LeadStatus.NEW, LeadStatus.IN_PROGRESS, T0));
        }
        assertThat(store().leadStatusChanges("lead_4")).isEmpty();
    }

    @Test
    default void aLeadRemovedFromACampaignIsNeitherTakenBackNorCountedAgainstItsCap() {
        savedCampaignAndSequence();
        saved(lead("lead_1"));
        store().assignLead(CAMPAIGN, "lead_1", Optional.of(1), minutes(1));
        assertThat(store().removeCampaignMember(CAMPAIGN, "lead_1", minutes(2))).isPresent();
        long version = store().configVersion();

        IntakeOutcome single = store().ingestLead(intake(lead("dup_1", "lead_1@example.com", null, minutes(3)),
                Optional.of(1)), version).orElseThrow();
        IntakeOutcome bulk = store().ingestLeads(List.of(intake(lead("dup_2", "lead_1@example.com", null, minutes(3)),
                Optional.of(1)), intake(lead("lead_2"), Optional.of(1))), version).get(0);

        for (IntakeOutcome again : List.of(single, bulk)) {
            assertThat(again.created()).isFalse();
            assertThat(again.campaignIds()).isEmpty();
            assertThat(again.enrollments()).isEmpty();
            assertThat(again.lead().status()).isEqualTo(LeadStatus.NEW);
        }
        assertThat(enrollmentsOf("lead_1")).isEmpty();
        assertThat(store().findLead("lead_1").orElseThrow().status()).isEqualTo(LeadStatus.NEW);
        assertThat(enrollmentsOf("lead_2")).hasSize(1);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(1);
    }

    @Test
    default void aStaleConfigurationVersionWritesNothing() {
        savedCampaignAndSequence();
        long stale = store().configVersion();
        store().saveCampaign(StoreFixtures.campaign("campaign_other"));

        assertThat(store().ingestLead(intake(lead("lead_1"), Optional.empty()), stale)).isEmpty();
        assertThat(store().ingestLeads(List.of(intake(lead("lead_2"), Optional.empty())), stale)).isEmpty();

        assertNothingStored();
    }

    @Test
    default void aDuplicateOfALeadInProgressChangesNothing() {
        savedCampaignAndSequence();
        IntakeOutcome first = store().ingestLead(intake(lead("lead_1"), Optional.empty()), store().configVersion())
                .orElseThrow();

        IntakeOutcome again = store().ingestLead(intake(lead("lead_2", "lead_1@example.com", null, minutes(1)),
                Optional.empty()), store().configVersion()).orElseThrow();

        assertThat(again.created()).isFalse();
        assertThat(again.lead()).isEqualTo(first.lead());
        assertThat(again.campaignIds()).isEmpty();
        assertThat(again.enrollments()).isEmpty();
        assertThat(enrollmentsOf("lead_1")).hasSize(1);
        assertThat(store().findLead("lead_2")).isEmpty();
    }

    @Test
    default void anIntakeRunAgainAfterItsCommitReportsThatCreationAndWritesNothingMore() {
        savedCampaignAndSequence();
        long version = store().configVersion();
        LeadIntake intake = intake(lead("lead_1"), Optional.empty());
        IntakeOutcome first = store().ingestLead(intake, version).orElseThrow();

        IntakeOutcome single = store().ingestLead(intake, version).orElseThrow();
        IntakeOutcome bulk = store().ingestLeads(List.of(intake, intake(lead("lead_2"), Optional.empty())), version)
                .get(0);

        for (IntakeOutcome again : List.of(single, bulk)) {
            assertThat(again.created()).isTrue();
            assertThat(again.lead()).isEqualTo(first.lead());
            assertThat(again.campaignIds()).containsExactly(CAMPAIGN);
            assertThat(again.enrollments()).isEqualTo(first.enrollments());
        }
        assertThat(enrollmentsOf("lead_1")).isEqualTo(first.enrollments());
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(2);
        assertThat(store().leadStatusChanges("lead_1")).hasSize(1);
    }

    @Test
    default void aDuplicateOfALeadStillNewIsRoutedToItsCampaigns() {
        savedCampaignAndSequence();
        Lead waiting = saved(lead("lead_1"));

        IntakeOutcome outcome = store().ingestLead(intake(lead("lead_2", "lead_1@example.com", null, minutes(1)),
                Optional.empty()), store().configVersion()).orElseThrow();

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.lead().id()).isEqualTo(waiting.id());
        assertThat(outcome.lead().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(outcome.campaignIds()).containsExactly(CAMPAIGN);
        assertThat(enrollmentsOf("lead_1")).hasSize(1);
        assertThat(store().findLead("lead_1").orElseThrow().status()).isEqualTo(LeadStatus.IN_PROGRESS);
    }

    @Test
    default void aLeadBeyondTheCapStaysNewOutsideTheCampaign() {
        savedCampaignAndSequence();
        long version = store().configVersion();
        IntakeOutcome first = store().ingestLead(intake(lead("lead_1"), Optional.of(1)), version).orElseThrow();

        IntakeOutcome second = store().ingestLead(intake(lead("lead_2"), Optional.of(1)), version).orElseThrow();

        assertThat(first.lead().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(store().findLead("lead_1").orElseThrow().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(second.created()).isTrue();
        assertThat(second.campaignIds()).isEmpty();
        assertThat(second.enrollments()).isEmpty();
        assertThat(store().findLead("lead_2").orElseThrow().status()).isEqualTo(LeadStatus.NEW);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(1);
    }

    @Test
    default void aMissingSequenceRejectsTheIntakeAndWritesNothing() {
        store().saveCampaign(StoreFixtures.campaign(CAMPAIGN));
        long version = store().configVersion();

        assertThatThrownBy(() -> store().ingestLead(intake(lead("lead_1"), Optional.empty()), version))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().ingestLeads(List.of(intake(lead("lead_2"), Optional.empty())), version))
                .isInstanceOf(NotFoundException.class);

        assertNothingStored();
    }

    @Test
    default void manyLeadsAreTakenInInOrderWithDuplicatesOfStoredAndOfEarlierRows() {
        savedCampaignAndSequence();
        Lead stored = saved(lead("lead_stored", "known@example.com", null, T0));
        int n = 2_500;
        List<LeadIntake> intakes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = i == 7 ? "known@example.com" : i % 100 == 99 ? "bulk" + (i - 1) + "@example.com"
                    : "bulk" + i + "@example.com";
            intakes.add(intake(lead("lead_bulk_" + i, email, null, T0), i < 1_200 ? Optional.empty() : Optional.of(2_000)));
        }

        List<IntakeOutcome> outcomes = store().ingestLeads(intakes, store().configVersion());

        assertThat(outcomes).hasSize(n);
        assertThat(outcomes.get(7).created()).isFalse();
        assertThat(outcomes.get(7).lead().id()).isEqualTo(stored.id());
        assertThat(outcomes.get(99).created()).isFalse();
        assertThat(outcomes.get(99).lead().id()).isEqualTo("lead_bulk_98");
        assertThat(outcomes.get(0).created()).isTrue();
        assertThat(outcomes.get(0).lead().id()).isEqualTo("lead_bulk_0");
        long created = outcomes.stream().filter(IntakeOutcome::created).count();
        assertThat(created).isEqualTo(n - 1 - n / 100);
        assertThat(store().listLeads(PageRequest.first(1)).total()).isEqualTo(created + 1);
        // the stored lead was NEW, so its duplicate routed it: the cap of 2,000 is reached exactly
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(2_000);
        IntakeOutcome last = outcomes.get(n - 1);
        assertThat(last.campaignIds()).isEmpty();
        assertThat(store().findLead(last.lead().id()).orElseThrow().status()).isEqualTo(LeadStatus.NEW);
        IntakeOutcome firstCapped = outcomes.get(1_200);
        assertThat(firstCapped.campaignIds()).containsExactly(CAMPAIGN);
        assertThat(enrollmentsOf(firstCapped.lead().id())).containsExactlyElementsOf(firstCapped.enrollments());
    }

    /**
     * Rows without a cap over several chunks (which a store may write in parallel): rows repeating
     * rows of other chunks are still duplicates in input order, also when the earlier row was itself a
     * duplicate and left its other address free.
     */
    @Test
    default void manyLeadsWithoutCapsAcrossChunksAreTakenInAsInInputOrder() {
        savedCampaignAndSequence();
        Lead stored = saved(lead("lead_stored", "known@example.com", "+4915100000001", T0));
        int n = 4_500;
        List<LeadIntake> intakes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = switch (i) {
                case 10 -> "known@example.com";
                case 2_100 -> "bulk100@example.com";
                default -> "bulk" + i + "@example.com";
            };
            String phone = switch (i) {
                case 10, 1_000, 4_000 -> "+4915100000010";
                case 3_500 -> "+4915100000001";
                default -> null;
            };
            intakes.add(intake(lead("lead_bulk_" + i, email, phone, T0), Optional.empty()));
        }

        List<IntakeOutcome> outcomes = store().ingestLeads(intakes, store().configVersion());

        assertThat(outcomes).hasSize(n);
        // row 10 duplicates the stored lead (by email), so its phone stays free for row 1,000
        assertThat(outcomes.get(10).lead().id()).isEqualTo(stored.id());
        assertThat(outcomes.get(1_000).created()).isTrue();
        assertThat(outcomes.get(4_000).lead().id()).isEqualTo("lead_bulk_1000");
        assertThat(outcomes.get(2_100).lead().id()).isEqualTo("lead_bulk_100");
        assertThat(outcomes.get(3_500).lead().id()).isEqualTo(stored.id());
        List<Integer> duplicates = IntStream.range(0, n).filter(i -> !outcomes.get(i).created()).boxed().toList();
        assertThat(duplicates).containsExactly(10, 2_100, 3_500, 4_000);
        assertThat(IntStream.range(0, n).filter(i -> outcomes.get(i).created())
                .allMatch(i -> outcomes.get(i).lead().id().equals("lead_bulk_" + i))).isTrue();
        assertThat(store().listLeads(PageRequest.first(1)).total()).isEqualTo(n - 4 + 1);
        // the stored lead was NEW: its first duplicate routed it
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(n - 4 + 1);
        assertThat(enrollmentsOf(stored.id())).hasSize(1);
        assertThat(enrollmentsOf("lead_bulk_4499")).containsExactlyElementsOf(outcomes.get(n - 1).enrollments());
    }

    @Test
    default void aStaleConfigurationVersionWritesNoChunk() {
        savedCampaignAndSequence();
        long stale = store().configVersion();
        store().saveCampaign(StoreFixtures.campaign("campaign_other"));

        assertThat(store().ingestLeads(IntStream.range(0, 2_500).mapToObj(i -> intake(lead("lead_" + i),
                Optional.empty())).toList(), stale)).isEmpty();

        assertNothingStored();
    }

    @Test
    default void concurrentIntakesOfTheSamePeopleCreateOneLeadEachAndEnrollItOnce() {
        savedCampaignAndSequence();
        long version = store().configVersion();
        int people = 20;

        List<IntakeOutcome> outcomes = Race.run(Race.THREADS, thread -> {
            List<LeadIntake> mine = IntStream.range(0, people).mapToObj(p -> intake(lead("lead_" + thread + "_" + p,
                    "person" + p + "@example.com", "+49151000000" + (10 + p), T0), Optional.empty())).toList();
            return ingested(mine, thread, version);
        });

        assertThat(outcomes).hasSize(people * Race.THREADS);
        assertThat(outcomes.stream().filter(IntakeOutcome::created)).hasSize(people);
        assertThat(store().listLeads(PageRequest.first(1)).total()).isEqualTo(people);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(people);
        for (int p = 0; p < people; p++) {
            Lead lead = store().findLeadByAddress("person" + p + "@example.com").orElseThrow();
            assertThat(enrollmentsOf(lead.id())).hasSize(1);
        }
    }

    @Test
    default void concurrentIntakesNeverFillACampaignBeyondItsCap() {
        savedCampaignAndSequence();
        long version = store().configVersion();
        int leads = 160;

        List<IntakeOutcome> outcomes = Race.run(Race.THREADS, thread -> {
            List<LeadIntake> mine = new ArrayList<>();
            for (int i = thread; i < leads; i += Race.THREADS) {
                mine.add(intake(lead("lead_" + i), Optional.of(50)));
            }
            return ingested(mine, thread, version);
        });

        assertThat(outcomes.stream().filter(o -> !o.campaignIds().isEmpty())).hasSize(50);
        assertThat(store().countCampaignLeads(CAMPAIGN)).isEqualTo(50);
        assertThat(outcomes.stream().mapToLong(o -> o.enrollments().size()).sum()).isEqualTo(50);
    }

    @Test
    default void aSequenceDeletedWhileLeadsAreTakenInKeepsNoEnrollment() {
        savedCampaignAndSequence();
        long version = store().configVersion();

        List<Boolean> deleted = Race.run(Race.THREADS, thread -> {
            if (thread == 0) {
                return List.of(store().deleteSequence(SEQUENCE));
            }
            for (int i = 0; i < 20; i++) {
                store().ingestLead(intake(lead("lead_" + thread + "_" + i), Optional.empty()), version);
            }
            return List.of();
        });

        List<SequenceEnrollment> left = store().listEnrollments(EnrollmentQuery.ofSequence(SEQUENCE),
                PageRequest.first(1_000)).items();
        boolean gone = store().listSequences().stream().noneMatch(s -> s.id().equals(SEQUENCE));
        assertThat(deleted).containsExactly(gone);
        if (gone) {
            assertThat(left).isEmpty();
        } else {
            assertThat(left).isNotEmpty();
        }
    }
}
