package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.attempt;
import static io.retentioncenter.core.store.StoreFixtures.conversion;
import static io.retentioncenter.core.store.StoreFixtures.executedStep;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static io.retentioncenter.core.store.StoreFixtures.unmatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.ConversionOutcome.Effect;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conversions from matched postbacks and unmatched postbacks. Pinned down here: a new conversion
 * takes its status from the postback kind and its revenue from the payout; a move to REJECTED keeps
 * the revenue; the first transaction id is kept while {@code raw} follows the latest postback; a
 * postback that is IGNORED does not consume its replay key; a lead that cannot move to CONVERTED or
 * REJECTED keeps its status while its enrollments still end; a missing lead throws
 * {@link NotFoundException}.
 */
public interface ConversionContract extends StoreUnderTest {

    /** {@code lead_1} with an ACTIVE, a PAUSED and a COMPLETED enrollment, a PENDING and a SENT attempt. */
    private void leadWithOutreach() {
        savedCampaignAndSequence();
        store().saveSequence(StoreFixtures.sequence("seq_2", CAMPAIGN, 1));
        store().saveSequence(StoreFixtures.sequence("seq_3", CAMPAIGN, 1));
        savedLead("lead_1");
        store().updateLeadStatus("lead_1", LeadStatus.CONTACTED, T0);
        enrolled("enr_active", "lead_1", minutes(60));
        SequenceEnrollment paused = store().enroll(StoreFixtures.enrollment("enr_paused", "seq_2", "lead_1", T0,
                minutes(60)), Duration.ZERO).enrollment().orElseThrow();
        store().updateEnrollment(paused.withStatus(EnrollmentStatus.PAUSED, minutes(60), T0), EnrollmentStatus.ACTIVE);
        SequenceEnrollment done = store().enroll(StoreFixtures.enrollment("enr_done", "seq_3", "lead_1", T0,
                minutes(60)), Duration.ZERO).enrollment().orElseThrow();
        store().updateEnrollment(done.finished(EnrollmentStatus.COMPLETED, Optional.empty(), minutes(1)),
                EnrollmentStatus.ACTIVE);
        store().insertAttempt(attempt("att_pending", "lead_1").dueAt(minutes(60)).build(), 100);
        store().insertAttempt(attempt("att_sent", "lead_1").status(AttemptStatus.SENT).build(), 100);
    }

    private Conversion candidate(String leadId) {
        return conversion("conv_" + leadId, leadId, CAMPAIGN, minutes(10));
    }

    private void assertOutreachEnded(EnrollmentStatus status, ExitReason reason) {
        for (String id : List.of("enr_active", "enr_paused")) {
            SequenceEnrollment ended = enrollmentNow(id);
            assertThat(ended.status()).as(id).isEqualTo(status);
            assertThat(ended.exitReason()).as(id).contains(reason);
        }
        assertThat(enrollmentNow("enr_done").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(store().findAttempt("att_pending").orElseThrow().status()).isEqualTo(AttemptStatus.CANCELLED);
        assertThat(store().findAttempt("att_sent").orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
    }

    @Test
    default void aSaleCreatesTheConversionConvertsTheLeadAndEndsItsOutreach() {
        leadWithOutreach();

        ConversionOutcome outcome = store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"),
                "42.50", minutes(11)));

        assertThat(outcome.effect()).isEqualTo(Effect.CREATED);
        assertThat(outcome.exitedEnrollments()).isEqualTo(2);
        Conversion sale = outcome.conversion().orElseThrow();
        assertThat(sale.status()).isEqualTo(ConversionStatus.SALE);
        assertThat(sale.revenue()).isEqualByComparingTo("42.50");
        assertThat(sale.transactionId()).contains("tx-pb_1");
        assertThat(store().conversionsOfLead("lead_1")).containsExactly(sale);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.CONVERTED);
        assertOutreachEnded(EnrollmentStatus.CONVERTED, ExitReason.CONVERTED);
    }

    @Test
    default void aReplayedPostbackChangesNothing() {
        leadWithOutreach();
        Conversion sale = store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"), "40",
                minutes(11))).conversion().orElseThrow();

        ConversionOutcome replay = store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"),
                "99", minutes(12)));

        assertThat(replay.effect()).isEqualTo(Effect.REPLAY);
        assertThat(replay.conversion()).contains(sale);
        assertThat(replay.exitedEnrollments()).isZero();
        assertThat(store().conversionsOfLead("lead_1")).containsExactly(sale);
    }

    @Test
    default void aLeadPostbackIsRecordedAndUpgradedByASale() {
        leadWithOutreach();

        ConversionOutcome registered = store().recordConversion(postback("pb_lead", PostbackKind.LEAD,
                candidate("lead_1"), "0", minutes(11)));

        assertThat(registered.effect()).isEqualTo(Effect.CREATED);
        assertThat(registered.exitedEnrollments()).isZero();
        assertThat(registered.conversion().orElseThrow().status()).isEqualTo(ConversionStatus.LEAD);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(enrollmentNow("enr_active").status()).isEqualTo(EnrollmentStatus.ACTIVE);

        ConversionOutcome sale = store().recordConversion(postback("pb_sale", PostbackKind.SALE,
                conversion("conv_other_id", "lead_1", CAMPAIGN, minutes(20)), "30", minutes(21)));

        assertThat(sale.effect()).isEqualTo(Effect.UPDATED);
        assertThat(sale.exitedEnrollments()).isEqualTo(2);
        Conversion upgraded = sale.conversion().orElseThrow();
        assertThat(upgraded.id()).isEqualTo(registered.conversion().orElseThrow().id());
        assertThat(upgraded.status()).isEqualTo(ConversionStatus.SALE);
        assertThat(upgraded.revenue()).isEqualByComparingTo("30");
        assertThat(upgraded.occurredAt()).isEqualTo(minutes(10));
        assertThat(upgraded.updatedAt()).isEqualTo(minutes(21));
        assertThat(upgraded.transactionId()).as("the first postback's").contains("tx-pb_lead");
        assertThat(upgraded.raw()).containsEntry("status", "sale");
        assertThat(store().conversionsOfLead("lead_1")).containsExactly(upgraded);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.CONVERTED);
        assertOutreachEnded(EnrollmentStatus.CONVERTED, ExitReason.CONVERTED);
    }

    @Test
    default void aRebillAddsRevenueToASaleOnly() {
        savedLead("lead_1");
        savedLead("lead_2");

        ConversionOutcome orphan = store().recordConversion(postback("pb_r0", PostbackKind.REBILL,
                candidate("lead_1"), "5", minutes(11)));
        store().recordConversion(postback("pb_lead2", PostbackKind.LEAD, candidate("lead_2"), "0", minutes(11)));
        ConversionOutcome onLead = store().recordConversion(postback("pb_r1", PostbackKind.REBILL,
                candidate("lead_2"), "5", minutes(12)));
        store().recordConversion(postback("pb_sale", PostbackKind.SALE, candidate("lead_1"), "40", minutes(12)));
        ConversionOutcome rebill = store().recordConversion(postback("pb_r2", PostbackKind.REBILL,
                candidate("lead_1"), "10.25", minutes(13)));

        assertThat(orphan.effect()).isEqualTo(Effect.IGNORED);
        assertThat(orphan.conversion()).isEmpty();
        assertThat(onLead.effect()).isEqualTo(Effect.IGNORED);
        assertThat(onLead.conversion().orElseThrow().status()).isEqualTo(ConversionStatus.LEAD);
        assertThat(rebill.effect()).isEqualTo(Effect.UPDATED);
        assertThat(rebill.exitedEnrollments()).isZero();
        assertThat(rebill.conversion().orElseThrow().status()).isEqualTo(ConversionStatus.SALE);
        assertThat(rebill.conversion().orElseThrow().revenue()).isEqualByComparingTo("50.25");
        assertThat(store().conversionsOfLead("lead_1")).singleElement()
                .satisfies(c -> assertThat(c.revenue()).isEqualByComparingTo("50.25"));
    }

    @Test
    default void anIgnoredPostbackDoesNotConsumeItsReplayKey() {
        savedLead("lead_1");
        assertThat(store().recordConversion(postback("pb_rebill", PostbackKind.REBILL, candidate("lead_1"), "5",
                minutes(11))).effect()).isEqualTo(Effect.IGNORED);
        store().recordConversion(postback("pb_sale", PostbackKind.SALE, candidate("lead_1"), "40", minutes(12)));

        ConversionOutcome retried = store().recordConversion(postback("pb_rebill", PostbackKind.REBILL,
                candidate("lead_1"), "5", minutes(13)));

        assertThat(retried.effect()).isEqualTo(Effect.UPDATED);
        assertThat(retried.conversion().orElseThrow().revenue()).isEqualByComparingTo("45");
    }

    @Test
    default void aRejectionRejectsTheLeadAndExitsItsEnrollments() {
        leadWithOutreach();
        store().recordConversion(postback("pb_lead", PostbackKind.LEAD, candidate("lead_1"), "12", minutes(11)));

        ConversionOutcome rejected = store().recordConversion(postback("pb_rej", PostbackKind.REJECTED,
                candidate("lead_1"), "0", minutes(12)));

        assertThat(rejected.effect()).isEqualTo(Effect.UPDATED);
        assertThat(rejected.exitedEnrollments()).isEqualTo(2);
        assertThat(rejected.conversion().orElseThrow().status()).isEqualTo(ConversionStatus.REJECTED);
        assertThat(rejected.conversion().orElseThrow().revenue()).as("kept").isEqualByComparingTo("12");
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.REJECTED);
        assertOutreachEnded(EnrollmentStatus.EXITED, ExitReason.REJECTED);
    }

    @Test
    default void aSaleCanBeRejectedButARejectionIsNeverUndone() {
        savedLead("lead_1");
        store().recordConversion(postback("pb_sale", PostbackKind.SALE, candidate("lead_1"), "40", minutes(11)));

        ConversionOutcome rejected = store().recordConversion(postback("pb_rej", PostbackKind.REJECTED,
                candidate("lead_1"), "0", minutes(12)));
        ConversionOutcome saleAgain = store().recordConversion(postback("pb_sale2", PostbackKind.SALE,
                candidate("lead_1"), "40", minutes(13)));
        ConversionOutcome leadAgain = store().recordConversion(postback("pb_lead", PostbackKind.LEAD,
                candidate("lead_1"), "0", minutes(14)));

        assertThat(rejected.effect()).isEqualTo(Effect.UPDATED);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.REJECTED);
        assertThat(saleAgain.effect()).isEqualTo(Effect.IGNORED);
        assertThat(leadAgain.effect()).isEqualTo(Effect.IGNORED);
        assertThat(saleAgain.conversion()).isEqualTo(rejected.conversion());
        assertThat(store().conversionsOfLead("lead_1")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ConversionStatus.REJECTED));
    }

    @Test
    default void aSecondSaleIsIgnored() {
        savedLead("lead_1");
        Conversion sale = store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"), "40",
                minutes(11))).conversion().orElseThrow();

        ConversionOutcome second = store().recordConversion(postback("pb_2", PostbackKind.SALE, candidate("lead_1"),
                "80", minutes(12)));

        assertThat(second.effect()).isEqualTo(Effect.IGNORED);
        assertThat(store().conversionsOfLead("lead_1")).containsExactly(sale);
    }

    @Test
    default void aSaleOfADoNotContactLeadKeepsItsStatusButEndsItsOutreach() {
        leadWithOutreach();
        store().updateLeadStatus("lead_1", LeadStatus.DO_NOT_CONTACT, minutes(5));

        ConversionOutcome outcome = store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"),
                "40", minutes(11)));

        assertThat(outcome.effect()).isEqualTo(Effect.CREATED);
        assertThat(outcome.exitedEnrollments()).isEqualTo(2);
        assertThat(leadNow("lead_1").status()).isEqualTo(LeadStatus.DO_NOT_CONTACT);
        assertOutreachEnded(EnrollmentStatus.CONVERTED, ExitReason.CONVERTED);
    }

    @Test
    default void eachCampaignHoldsItsOwnConversion() {
        savedLead("lead_1");

        ConversionOutcome first = store().recordConversion(postback("pb_1", PostbackKind.LEAD,
                conversion("conv_1", "lead_1", CAMPAIGN, minutes(1)), "0", minutes(1)));
        ConversionOutcome second = store().recordConversion(postback("pb_2", PostbackKind.LEAD,
                conversion("conv_2", "lead_1", "camp_2", minutes(2)), "0", minutes(2)));

        assertThat(first.effect()).isEqualTo(Effect.CREATED);
        assertThat(second.effect()).isEqualTo(Effect.CREATED);
        assertThat(store().conversionsOfLead("lead_1")).extracting(Conversion::id).containsExactly("conv_1", "conv_2");
        assertThat(store().conversionsOfLead("lead_missing")).isEmpty();
    }

    @Test
    default void aClaimedEnrollmentsLaterOutcomeIsStaleAfterASale() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        enrolled("enr_1", "lead_1", T0);
        SequenceEnrollment claimed = claimedOne(T0, "tick", minutes(5));

        store().recordConversion(postback("pb_1", PostbackKind.SALE, candidate("lead_1"), "40", minutes(1)));

        assertThat(store().recordStepOutcomes(List.of(executedStep(claimed, "tick", "att_1", minutes(2)))))
                .containsExactly(StepOutcome.Result.STALE);
        assertThat(store().findAttempt("att_1")).isEmpty();
        assertThat(enrollmentNow("enr_1").status()).isEqualTo(EnrollmentStatus.CONVERTED);
    }

    @Test
    default void concurrentDeliveriesOfOnePostbackCreateOneConversion() {
        savedLead("lead_1");

        List<Effect> effects = Race.run(Race.THREADS, thread -> {
            List<Effect> mine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                mine.add(store().recordConversion(postback("pb_1", PostbackKind.SALE,
                        conversion("conv_" + thread + "_" + i, "lead_1", CAMPAIGN, minutes(1)), "40", minutes(1)))
                        .effect());
            }
            return mine;
        });

        assertThat(effects.stream().filter(Effect.CREATED::equals)).hasSize(1);
        assertThat(effects.stream().filter(Effect.REPLAY::equals)).hasSize(effects.size() - 1);
        assertThat(store().conversionsOfLead("lead_1")).singleElement()
                .satisfies(c -> assertThat(c.revenue()).isEqualByComparingTo(new BigDecimal("40")));
    }

    @Test
    default void aConversionOfAMissingLeadThrowsNotFound() {
        assertThatThrownBy(() -> store().recordConversion(postback("pb_1", PostbackKind.SALE,
                candidate("lead_missing"), "40", minutes(1)))).isInstanceOf(NotFoundException.class);
        assertThat(store().conversionsOfLead("lead_missing")).isEmpty();
    }

    @Test
    default void unmatchedPostbacksAreStoredOncePerReplayKeyOldestFirst() {
        store().recordUnmatchedPostback(unmatched("pb_b", minutes(2)));
        store().recordUnmatchedPostback(unmatched("pb_a", minutes(1)));
        store().recordUnmatchedPostback(unmatched("pb_c", minutes(3)));
        store().recordUnmatchedPostback(new UnmatchedPostback("pb_a", "other", Map.of(), minutes(4)));

        Page<UnmatchedPostback> first = store().listUnmatchedPostbacks(new PageRequest(0, 2));
        Page<UnmatchedPostback> rest = store().listUnmatchedPostbacks(new PageRequest(2, 2));

        assertThat(first.items()).containsExactly(unmatched("pb_a", minutes(1)), unmatched("pb_b", minutes(2)));
        assertThat(first.total()).isEqualTo(3);
        assertThat(rest.items()).containsExactly(unmatched("pb_c", minutes(3)));
    }
}
