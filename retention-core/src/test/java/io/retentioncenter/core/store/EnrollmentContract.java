package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.enrollment;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.skippedStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Enrolling (running, cooldown, contactability, concurrency), claiming due enrollments under a lease,
 * compare-and-set updates, listings and stats. Pinned down here: a lease is valid while
 * {@code now < leaseUntil}; the cooldown counts from the earlier enrollment's {@code completedAt}
 * and a re-enrollment exactly one cooldown later is allowed; {@code updateEnrollment} compares status
 * and current step.
 */
public interface EnrollmentContract extends StoreUnderTest {

    @Test
    default void enrollCreatesAnActiveEnrollmentWithoutLease() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment proposed = enrollment("enr_1", SEQUENCE, "lead_1", T0, minutes(5));

        EnrollResult result = store().enroll(proposed, Duration.ofDays(30));

        assertThat(result.outcome()).isEqualTo(EnrollResult.Outcome.ENROLLED);
        assertThat(result.enrollment()).contains(proposed);
        assertThat(store().findEnrollment("enr_1")).contains(proposed);
        assertThat(store().findEnrollment("enr_missing")).isEmpty();
    }

    @Test
    default void enrollRefusesALeadThatIsActiveOrPausedInTheSequence() {
        savedCampaignAndSequence();
        store().saveSequence(StoreFixtures.sequence("seq_2", CAMPAIGN, 1));
        savedLead("lead_1");
        SequenceEnrollment first = enrolled("enr_1", "lead_1", T0);

        EnrollResult again = store().enroll(enrollment("enr_2", SEQUENCE, "lead_1", minutes(1), minutes(1)),
                Duration.ZERO);
        SequenceEnrollment paused = first.withStatus(EnrollmentStatus.PAUSED, T0, minutes(2));
        assertThat(store().updateEnrollment(paused, EnrollmentStatus.ACTIVE)).isTrue();
        EnrollResult whilePaused = store().enroll(enrollment("enr_3", SEQUENCE, "lead_1", minutes(3), minutes(3)),
                Duration.ZERO);
        EnrollResult otherSequence = store().enroll(enrollment("enr_4", "seq_2", "lead_1", minutes(3), minutes(3)),
                Duration.ZERO);

        assertThat(again.outcome()).isEqualTo(EnrollResult.Outcome.ALREADY_ENROLLED);
        assertThat(again.enrollment()).contains(first);
        assertThat(whilePaused.outcome()).isEqualTo(EnrollResult.Outcome.ALREADY_ENROLLED);
        assertThat(whilePaused.enrollment()).contains(paused);
        assertThat(otherSequence.outcome()).isEqualTo(EnrollResult.Outcome.ENROLLED);
        assertThat(store().findEnrollment("enr_2")).isEmpty();
        assertThat(store().findEnrollment("enr_3")).isEmpty();
    }

    @Test
    default void enrollWaitsForTheCooldownAfterAnEnrollmentEnded() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment first = enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment ended = first.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.MANUAL), minutes(60));
        assertThat(store().updateEnrollment(ended, EnrollmentStatus.ACTIVE)).isTrue();
        Duration cooldown = Duration.ofDays(30);

        EnrollResult tooSoon = store().enroll(enrollment("enr_2", SEQUENCE, "lead_1",
                minutes(60).plus(cooldown).minusSeconds(1), minutes(60).plus(cooldown)), cooldown);
        EnrollResult inTime = store().enroll(enrollment("enr_3", SEQUENCE, "lead_1", minutes(60).plus(cooldown),
                minutes(60).plus(cooldown)), cooldown);

        assertThat(tooSoon.outcome()).isEqualTo(EnrollResult.Outcome.COOLDOWN);
        assertThat(tooSoon.enrollment()).contains(ended);
        assertThat(store().findEnrollment("enr_2")).isEmpty();
        assertThat(inTime.outcome()).isEqualTo(EnrollResult.Outcome.ENROLLED);
    }

    @Test
    default void enrollRefusesLeadsThatCannotBeContacted() {
        savedCampaignAndSequence();
        List<LeadStatus> closed = List.of(LeadStatus.CONVERTED, LeadStatus.REJECTED, LeadStatus.DO_NOT_CONTACT);
        for (LeadStatus status : closed) {
            String lead = "lead_" + status;
            savedLead(lead);
            store().updateLeadStatus(lead, status, T0);

            EnrollResult result = store().enroll(enrollment("enr_" + status, SEQUENCE, lead, T0, T0), Duration.ZERO);

            assertThat(result.outcome()).as(status.name()).isEqualTo(EnrollResult.Outcome.NOT_CONTACTABLE);
            assertThat(store().findEnrollment("enr_" + status)).isEmpty();
        }
    }

    @Test
    default void enrollReportsAMissingLead() {
        savedCampaignAndSequence();

        EnrollResult result = store().enroll(enrollment("enr_1", SEQUENCE, "lead_missing", T0, T0), Duration.ZERO);

        assertThat(result.outcome()).isEqualTo(EnrollResult.Outcome.LEAD_NOT_FOUND);
        assertThat(result.enrollment()).isEmpty();
        assertThat(store().findEnrollment("enr_1")).isEmpty();
    }

    @Test
    default void concurrentEnrollmentsOfOneLeadCreateOne() {
        savedCampaignAndSequence();
        savedLead("lead_1");

        List<EnrollResult> results = Race.run(Race.THREADS, thread -> {
            List<EnrollResult> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(store().enroll(enrollment("enr_" + thread + "_" + i, SEQUENCE, "lead_1", T0, T0),
                        Duration.ofDays(30)));
            }
            return mine;
        });

        assertThat(results.stream().filter(r -> r.outcome() == EnrollResult.Outcome.ENROLLED)).hasSize(1);
        assertThat(results.stream().filter(r -> r.outcome() == EnrollResult.Outcome.ALREADY_ENROLLED))
                .hasSize(results.size() - 1);
        assertThat(store().listEnrollments(EnrollmentQuery.ofLead("lead_1"), PageRequest.first(100)).total())
                .isEqualTo(1);
    }

    @Test
    default void claimTakesDueActiveEnrollmentsEarliestFirstUpToTheLimit() {
        savedCampaignAndSequence();
        for (int i = 1; i <= 5; i++) {
            savedLead("lead_" + i);
        }
        enrolled("enr_due_3", "lead_1", minutes(3));
        enrolled("enr_due_1", "lead_2", minutes(1));
        enrolled("enr_due_2", "lead_3", minutes(2));
        enrolled("enr_later", "lead_4", minutes(30));
        enrolled("enr_due_0", "lead_5", T0);

        List<SequenceEnrollment> first = store().claimDueEnrollments(minutes(10), 2, "tick_a", minutes(15));
        List<SequenceEnrollment> rest = store().claimDueEnrollments(minutes(10), 10, "tick_b", minutes(15));

        assertThat(first).extracting(SequenceEnrollment::id).containsExactly("enr_due_0", "enr_due_1");
        assertThat(first).allSatisfy(e -> {
            assertThat(e.leaseOwner()).contains("tick_a");
            assertThat(e.leaseUntil()).contains(minutes(15));
        });
        assertThat(enrollmentNow("enr_due_0")).isEqualTo(first.get(0));
        assertThat(rest).extracting(SequenceEnrollment::id).containsExactly("enr_due_2", "enr_due_3");
        assertThat(store().claimDueEnrollments(minutes(10), 10, "tick_c", minutes(15))).isEmpty();
    }

    @Test
    default void aValidLeaseKeepsOtherOwnersOutUntilItExpires() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        claimedOne(T0, "tick_a", minutes(5));

        assertThat(store().claimDueEnrollments(minutes(4), 10, "tick_b", minutes(9))).isEmpty();
        SequenceEnrollment reclaimed = claimedOne(minutes(6), "tick_b", minutes(11));

        assertThat(reclaimed.id()).isEqualTo("enr_1");
        assertThat(reclaimed.leaseOwner()).contains("tick_b");
        assertThat(reclaimed.leaseUntil()).contains(minutes(11));
    }

    @Test
    default void pausedEnrollmentsAreNeverClaimed() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment enrollment = enrolled("enr_1", "lead_1", T0);
        store().updateEnrollment(enrollment.withStatus(EnrollmentStatus.PAUSED, T0, T0), EnrollmentStatus.ACTIVE);

        assertThat(store().claimDueEnrollments(minutes(60), 10, "tick_a", minutes(65))).isEmpty();

        store().updateEnrollment(enrollmentNow("enr_1").withStatus(EnrollmentStatus.ACTIVE, minutes(61), minutes(61)),
                EnrollmentStatus.PAUSED);
        assertThat(store().claimDueEnrollments(minutes(60), 10, "tick_a", minutes(65))).isEmpty();
        assertThat(store().claimDueEnrollments(minutes(61), 10, "tick_a", minutes(65))).hasSize(1);
    }

    @Test
    default void concurrentClaimersClaimEachDueEnrollmentExactlyOnce() {
        savedCampaignAndSequence();
        int leads = 40;
        int sequences = 50;
        for (int s = 0; s < sequences; s++) {
            store().saveSequence(StoreFixtures.sequence("seq_" + s, CAMPAIGN, 1));
        }
        for (int l = 0; l < leads; l++) {
            savedLead("lead_" + l);
            for (int s = 0; s < sequences; s++) {
                String id = "enr_" + l + "_" + s;
                store().enroll(enrollment(id, "seq_" + s, "lead_" + l, T0, minutes(-(l * sequences + s) % 97)),
                        Duration.ZERO);
            }
        }

        List<String> claimed = Race.run(Race.THREADS, thread -> {
            List<String> mine = new ArrayList<>();
            List<SequenceEnrollment> batch;
            do {
                batch = store().claimDueEnrollments(T0, 37, "tick_" + thread, minutes(30));
                batch.forEach(e -> mine.add(e.id()));
            } while (!batch.isEmpty());
            return mine;
        });

        assertThat(claimed).hasSize(leads * sequences).doesNotHaveDuplicates();
    }

    /**
     * Capability {@link io.retentioncenter.core.spi.RetentionStore#concurrentClaims()}: claimers racing
     * for due enrollments each take a full batch of rows the others did not lock, so one round of
     * four claims of ten takes all forty. Stores whose claims serialise (H2) skip this test.
     */
    @Test
    default void withConcurrentClaimsRacingClaimersEachTakeAFullBatch() {
        org.junit.jupiter.api.Assumptions.assumeTrue(store().concurrentClaims(), "claims serialise on this store");
        savedCampaignAndSequence();
        for (int l = 0; l < 40; l++) {
            savedLead("lead_" + l);
            enrolled("enr_" + l, "lead_" + l, minutes(-l));
        }

        List<Integer> sizes = Race.run(4, thread -> List.of(
                store().claimDueEnrollments(T0, 10, "tick_" + thread, minutes(30)).size()));

        assertThat(sizes).containsExactly(10, 10, 10, 10);
    }

    @Test
    default void updateEnrollmentComparesStatusAndStepAndReleasesTheLease() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        SequenceEnrollment enrollment = enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(T0, "tick_a", minutes(5));
        SequenceEnrollment paused = enrollment.withStatus(EnrollmentStatus.PAUSED, T0, minutes(1));

        assertThat(store().updateEnrollment(paused, EnrollmentStatus.PAUSED)).isFalse();
        assertThat(store().updateEnrollment(paused.advanced(minutes(1), minutes(2)), EnrollmentStatus.ACTIVE))
                .as("a copy at another step").isFalse();
        assertThat(enrollmentNow("enr_1")).isEqualTo(claimed);

        assertThat(store().updateEnrollment(paused, EnrollmentStatus.ACTIVE)).isTrue();

        SequenceEnrollment stored = enrollmentNow("enr_1");
        assertThat(stored.status()).isEqualTo(EnrollmentStatus.PAUSED);
        assertThat(stored.leaseOwner()).isEmpty();
        assertThat(stored.leaseUntil()).isEmpty();
        assertThat(store().recordStepOutcomes(List.of(executedStep(claimed, "tick_a", "att_1", minutes(2)))))
                .containsExactly(StepOutcome.Result.STALE);
        assertThat(store().updateEnrollment(enrollment("enr_missing", SEQUENCE, "lead_1", T0, T0),
                EnrollmentStatus.ACTIVE)).isFalse();
    }

    @Test
    default void listEnrollmentsFiltersAndPagesOldestFirst() {
        savedCampaignAndSequence();
        store().saveCampaign(StoreFixtures.campaign("camp_2"));
        store().saveSequence(StoreFixtures.sequence("seq_2", "camp_2", 1));
        savedLead("lead_1");
        savedLead("lead_2");
        store().enroll(enrollment("enr_c", SEQUENCE, "lead_1", minutes(3), minutes(3)), Duration.ZERO);
        store().enroll(enrollment("enr_a", SEQUENCE, "lead_2", minutes(1), minutes(1)), Duration.ZERO);
        SequenceEnrollment other = SequenceEnrollment.start("enr_b", "seq_2", "lead_1", "camp_2", minutes(2),
                minutes(2));
        store().enroll(other, Duration.ZERO);
        store().updateEnrollment(other.withStatus(EnrollmentStatus.PAUSED, minutes(2), minutes(2)),
                EnrollmentStatus.ACTIVE);

        Page<SequenceEnrollment> all = store().listEnrollments(EnrollmentQuery.all(), new PageRequest(0, 2));
        Page<SequenceEnrollment> rest = store().listEnrollments(EnrollmentQuery.all(), new PageRequest(2, 2));

        assertThat(all.items()).extracting(SequenceEnrollment::id).containsExactly("enr_a", "enr_b");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.hasMore()).isTrue();
        assertThat(rest.items()).extracting(SequenceEnrollment::id).containsExactly("enr_c");
        assertThat(ids(EnrollmentQuery.ofSequence(SEQUENCE))).containsExactly("enr_a", "enr_c");
        assertThat(ids(EnrollmentQuery.ofLead("lead_1"))).containsExactly("enr_b", "enr_c");
        assertThat(ids(EnrollmentQuery.all().withCampaign("camp_2"))).containsExactly("enr_b");
        assertThat(ids(EnrollmentQuery.all().withStatus(EnrollmentStatus.ACTIVE))).containsExactly("enr_a", "enr_c");
        assertThat(ids(EnrollmentQuery.ofLead("lead_1").withStatus(EnrollmentStatus.ACTIVE))).containsExactly("enr_c");
        assertThat(ids(EnrollmentQuery.ofLead("lead_missing"))).isEmpty();
    }

    private List<String> ids(EnrollmentQuery query) {
        Page<SequenceEnrollment> page = store().listEnrollments(query, PageRequest.first(100));
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(SequenceEnrollment::id).toList();
    }

    @Test
    default void sequenceStatsCountEnrollmentsByStatusAndExecutionsByStepAndStatus() {
        savedCampaignAndSequence();
        for (int i = 1; i <= 3; i++) {
            savedLead("lead_" + i);
            enrolled("enr_" + i, "lead_" + i, T0);
        }
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(T0, 10, "tick", minutes(5));
        assertThat(store().recordStepOutcomes(List.of(executedStep(claimed.get(0), "tick", "att_1", T0),
                executedStep(claimed.get(1), "tick", "att_2", T0), skippedStep(claimed.get(2), "tick", "exec_s", T0))))
                .containsOnly(StepOutcome.Result.APPLIED);
        SequenceEnrollment third = enrollmentNow(claimed.get(2).id());
        store().updateEnrollment(third.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.MANUAL), minutes(1)),
                EnrollmentStatus.ACTIVE);

        SequenceStats stats = store().sequenceStats(SEQUENCE);

        assertThat(stats.enrollments(EnrollmentStatus.ACTIVE)).isEqualTo(2);
        assertThat(stats.enrollments(EnrollmentStatus.EXITED)).isEqualTo(1);
        assertThat(stats.enrollments(EnrollmentStatus.PAUSED)).isZero();
        assertThat(stats.executions(1, ExecutionStatus.EXECUTED)).isEqualTo(2);
        assertThat(stats.executions(1, ExecutionStatus.SKIPPED)).isEqualTo(1);
        assertThat(stats.executions(2, ExecutionStatus.EXECUTED)).isZero();
        assertThat(store().sequenceStats("seq_missing").enrollmentsByStatus()).isEmpty();
    }
}
