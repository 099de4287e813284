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
import static org.assertj.core.api.Assertions.tuple;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSort;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The leads page's store role ({@code LeadDirectory}): search order with ties by creation time and
 * id (reversed when descending), paging totals, counts, edits that keep the dedupe indexes true
 * (also under racing edits), and a status-change row for every status move any unit of work makes.
 */
public interface LeadDirectoryContract extends StoreUnderTest {

    private List<String> ids(LeadSearch search) {
        return store().searchLeads(search).items().stream().map(Lead::id).toList();
    }

    @Test
    default void searchesBreakTiesByCreationTimeThenIdBothWays() {
        saved(lead("lead_b", "b@example.com", null, T0));
        saved(lead("lead_a", "a@example.com", null, T0));
        saved(lead("lead_c", "c@example.com", null, minutes(1)));

        assertThat(ids(LeadSearch.builder().sort(LeadSort.NAME, false).build()))
                .as("same name: creation time, then id").containsExactly("lead_a", "lead_b", "lead_c");
        assertThat(ids(LeadSearch.builder().sort(LeadSort.NAME, true).build()))
                .containsExactly("lead_c", "lead_b", "lead_a");
        assertThat(ids(LeadSearch.builder().sort(LeadSort.UPDATED, false).build()))
                .containsExactly("lead_a", "lead_b", "lead_c");
        Page<Lead> page = store().searchLeads(LeadSearch.builder().sort(LeadSort.STATUS, false)
                .page(new PageRequest(2, 1)).build());
        assertThat(page.items()).extracting(Lead::id).containsExactly("lead_c");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.offset()).isEqualTo(2);
        assertThat(store().searchLeads(LeadSearch.builder().text("B@EXAMPLE").build()).items()).extracting(Lead::id)
                .containsExactly("lead_b");
    }

    @Test
    default void campaignMembersAreFoundAndCountedByStatusAndSource() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        savedLead("lead_2");
        store().assignLead(CAMPAIGN, "lead_2", Optional.empty(), T0);
        store().updateLeadStatus("lead_2", LeadStatus.IN_PROGRESS, minutes(1));

        LeadSearch members = LeadSearch.builder().campaignId(CAMPAIGN).build();
        assertThat(ids(members)).containsExactly("lead_2");
        assertThat(store().countLeads(members).byStatus()).containsEntry(LeadStatus.IN_PROGRESS, 1L)
                .containsEntry(LeadStatus.NEW, 0L);
        assertThat(store().countLeads(LeadSearch.all()).bySource()).containsEntry(LeadSource.API, 2L);
        assertThat(store().countLeads(LeadSearch.builder().text("nobody").build()).total()).isZero();
    }

    @Test
    default void anEditReplacesTheContactDetailsAndMovesTheDedupeIndexes() {
        saved(lead("lead_1", "ada@example.com", "+4915112345678", T0));

        Lead edited = store().editLead("lead_1", new LeadEdit(Optional.of("Ada"), Optional.empty(),
                Optional.of("countess@example.com"), Optional.empty(), Optional.of("two lines\nof notes")), minutes(5));

        assertThat(edited.lastName()).isEmpty();
        assertThat(edited.notes()).contains("two lines\nof notes");
        assertThat(edited.updatedAt()).isEqualTo(minutes(5));
        assertThat(edited.createdAt()).isEqualTo(T0);
        assertThat(leadNow("lead_1")).isEqualTo(edited);
        assertThat(store().findLeadByAddress("countess@example.com")).contains(edited);
        assertThat(store().findLeadByAddress("ada@example.com")).isEmpty();
        assertThat(store().findLeadByAddress("+4915112345678")).isEmpty();
        assertThat(store().insertLeadIfAbsent(lead("lead_2", "ada@example.com", "+4915112345678", T0)).created())
                .as("the old email and phone are free").isTrue();
        assertThat(store().insertLeadIfAbsent(lead("lead_3", "countess@example.com", null, T0)).lead().id())
                .isEqualTo("lead_1");
        assertThat(store().leadStatusChanges("lead_1")).as("an edit is no status move").isEmpty();
    }

    @Test
    default void anEditTakingAnotherLeadsEmailOrPhoneIsAConflict() {
        saved(lead("lead_1", "ada@example.com", "+4915112345678", T0));
        Lead other = saved(lead("lead_2", "bob@example.com", null, T0));

        assertThatThrownBy(() -> store().editLead("lead_2", LeadEdit.of(other).withEmail("ada@example.com"),
                minutes(1))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store().editLead("lead_2", LeadEdit.of(other).withPhone("+4915112345678"),
                minutes(1))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store().editLead("lead_missing", LeadEdit.of(other), minutes(1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(leadNow("lead_2")).isEqualTo(other);
    }

    @Test
    default void racingEditsToOneEmailLeaveItWithOneLead() {
        IntStream.range(0, Race.THREADS).forEach(i -> savedLead("lead_" + i));

        List<String> winners = Race.run(Race.THREADS, thread -> {
            Lead mine = leadNow("lead_" + thread);
            try {
                store().editLead(mine.id(), LeadEdit.of(mine).withEmail("shared@example.com"), minutes(1));
                return List.of(mine.id());
            } catch (ConflictException lost) {
                return List.of();
            }
        });

        assertThat(winners).hasSize(1);
        assertThat(store().findLeadByAddress("shared@example.com")).map(Lead::id).contains(winners.get(0));
        assertThat(store().searchLeads(LeadSearch.builder().text("shared@").build()).total()).isEqualTo(1);
    }

    @Test
    default void missingArgumentsAreRefused() {
        Lead lead = savedLead("lead_1");
        assertThatThrownBy(() -> store().searchLeads(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().countLeads(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().editLead(null, LeadEdit.of(lead), T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().editLead("lead_1", null, T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().editLead("lead_1", LeadEdit.of(lead), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().leadStatusChanges(" ")).isInstanceOf(ValidationException.class);
        assertThat(leadNow("lead_1")).isEqualTo(lead);
    }

    @Test
    default void everyStatusMoveIsKeptInOrder() {
        savedCampaignAndSequence();
        savedLead("lead_1");
        savedLead("lead_2");
        store().updateLeadStatus("lead_1", LeadStatus.IN_PROGRESS, minutes(1));
        store().updateLeadStatus("lead_1", LeadStatus.IN_PROGRESS, minutes(2));
        enrolled("enr_1", "lead_1", minutes(3));
        SequenceEnrollment claimed = claimedOne(minutes(3), "engine-a", minutes(10));
        store().recordStepOutcomes(List.of(executedStep(claimed, "engine-a", "att_1", minutes(3))));
        store().insertAttempt(attempt("att_2", "lead_1").createdAt(minutes(4)).build(), CONTACT_LIMIT);
        store().recordConversion(postback("pb_1", PostbackKind.SALE, conversion("conv_1", "lead_1", CAMPAIGN,
                minutes(5)), "10", minutes(5)));
        store().endOutreach("lead_1", LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                minutes(6));
        store().insertAttempt(attempt("att_3", "lead_2").createdAt(minutes(7)).build(), CONTACT_LIMIT);

        assertThat(store().leadStatusChanges("lead_1")).extracting(LeadStatusChange::from, LeadStatusChange::to,
                LeadStatusChange::at).containsExactly(
                        tuple(LeadStatus.NEW, LeadStatus.IN_PROGRESS, minutes(1)),
                        tuple(LeadStatus.IN_PROGRESS, LeadStatus.CONTACTED, minutes(3)),
                        tuple(LeadStatus.CONTACTED, LeadStatus.CONVERTED, minutes(5)),
                        tuple(LeadStatus.CONVERTED, LeadStatus.DO_NOT_CONTACT,
                                minutes(6)));
        assertThat(store().leadStatusChanges("lead_2")).extracting(LeadStatusChange::to)
                .containsExactly(LeadStatus.CONTACTED);
        assertThat(store().leadStatusChanges("lead_missing")).isEmpty();
    }
}
