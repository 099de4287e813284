package io.retentioncenter.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leads page through the engine's public API on a given store: text search, filters, orders,
 * paging with a total, counts, and edits that are validated, normalized and deduplicated. Five
 * leads an hour apart; META leads join a campaign (IN_PROGRESS), the others stay NEW.
 */
public abstract class LeadsPageContract {
    private TestEngine t;
    private Campaign metaCampaign;
    private String maria;
    private String mario;
    private String ana;
    private String bob;
    private String phoneOnly;

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    @BeforeEach
    void fiveLeads() {
        t = TestEngine.on(newStore(), UnaryOperator.identity());
        metaCampaign = t.engine.campaigns().create(NewCampaign.builder("Meta only")
                .autoAssign(AutoAssignRule.sources(Set.of(LeadSource.META), null)).build());
        maria = ingest(NewLead.builder(LeadSource.META).fullName("Maria Garcia").email("Maria.Garcia@example.com")
                .phone("+1 415 555 0123").externalId("kt-1001").build());
        mario = ingest(NewLead.builder(LeadSource.API).firstName("Mario").lastName("Rossi").email("mario@example.org")
                .phone("+1 415 555 0188").build());
        ana = ingest(NewLead.builder(LeadSource.API).firstName("Ana").lastName("Lopez").email("ana_lopez@example.com")
                .build());
        bob = ingest(NewLead.builder(LeadSource.META).firstName("Bob").email("bob@example.net").externalId("KT-2002")
                .build());
        phoneOnly = ingest(NewLead.builder(LeadSource.MANUAL).phone("+1 415 555 0199").build());
    }

    private String ingest(NewLead lead) {
        String id = t.engine.leads().ingest(lead).lead().id();
        t.clock.advance(Duration.ofHours(1));
        return id;
    }

    private List<String> ids(LeadSearch.Builder search) {
        return t.engine.leads().search(search.build()).items().stream().map(Lead::id).toList();
    }

    private List<String> oldestFirst(LeadSearch.Builder search) {
        return ids(search.sort(LeadSort.CREATED, false));
    }

    private Instant hour(int n) {
        return Instant.parse(TestEngine.START).plus(Duration.ofHours(n));
    }

    @Test
    void textIsACaseInsensitiveSubstringOfNameEmailPhoneOrExternalId() {
        assertThat(oldestFirst(LeadSearch.builder().text("GARCIA"))).containsExactly(maria);
        assertThat(oldestFirst(LeadSearch.builder().text(" maria garcia "))).containsExactly(maria);
        assertThat(oldestFirst(LeadSearch.builder().text("example.com"))).containsExactly(maria, ana);
        assertThat(oldestFirst(LeadSearch.builder().text("5550188"))).containsExactly(mario);
        assertThat(oldestFirst(LeadSearch.builder().text("+1415555"))).containsExactly(maria, mario, phoneOnly);
        assertThat(oldestFirst(LeadSearch.builder().text("kt-"))).containsExactly(maria, bob);
        assertThat(oldestFirst(LeadSearch.builder().text("_"))).as("LIKE wildcards are plain characters")
                .containsExactly(ana);
        assertThat(oldestFirst(LeadSearch.builder().text("%"))).isEmpty();
        assertThat(oldestFirst(LeadSearch.builder().text("!"))).isEmpty();
        assertThat(oldestFirst(LeadSearch.builder().text("\\"))).isEmpty();
        assertThat(oldestFirst(LeadSearch.builder().text("nobody"))).isEmpty();
        assertThat(oldestFirst(LeadSearch.builder().text("  "))).hasSize(5);
    }

    @Test
    void filtersByStatusSourceCampaignAndCreationTime() {
        assertThat(oldestFirst(LeadSearch.builder().statuses(LeadStatus.IN_PROGRESS))).containsExactly(maria, bob);
        assertThat(oldestFirst(LeadSearch.builder().statuses(LeadStatus.NEW))).containsExactly(mario, ana, phoneOnly);
        assertThat(oldestFirst(LeadSearch.builder().sources(LeadSource.API, LeadSource.MANUAL)))
                .containsExactly(mario, ana, phoneOnly);
        assertThat(oldestFirst(LeadSearch.builder().campaignId(metaCampaign.id()))).containsExactly(maria, bob);
        assertThat(oldestFirst(LeadSearch.builder().campaignId("camp_unknown"))).isEmpty();
        assertThat(oldestFirst(LeadSearch.builder().createdFrom(hour(1)).createdTo(hour(3))))
                .containsExactly(mario, ana);
        assertThat(oldestFirst(LeadSearch.builder().text("example").statuses(LeadStatus.NEW, LeadStatus.CONTACTED)
                .sources(LeadSource.API))).containsExactly(mario, ana);
        assertThat(oldestFirst(LeadSearch.builder().text("lopez").statuses(LeadStatus.NEW).sources(LeadSource.API)
                .createdFrom(hour(0)))).containsExactly(ana);
    }

    @Test
    void sortsEitherWayAndPagesWithATotal() {
        assertThat(ids(LeadSearch.builder())).as("default: newest first")
                .containsExactly(phoneOnly, bob, ana, mario, maria);
        assertThat(ids(LeadSearch.builder().sort(LeadSort.NAME, false)))
                .as("no name first, then 'ana lopez', 'bob ', 'maria garcia', 'mario rossi'")
                .containsExactly(phoneOnly, ana, bob, maria, mario);
        assertThat(ids(LeadSearch.builder().sort(LeadSort.NAME, true))).containsExactly(mario, maria, bob, ana, phoneOnly);
        assertThat(ids(LeadSearch.builder().text("a").statuses(LeadStatus.NEW).sort(LeadSort.NAME, false)))
                .containsExactly(ana, mario);
        assertThat(ids(LeadSearch.builder().sort(LeadSort.STATUS, false)))
                .containsExactly(maria, bob, mario, ana, phoneOnly);

        Page<Lead> second = t.engine.leads().search(LeadSearch.builder().sort(LeadSort.CREATED, false)
                .page(new PageRequest(1, 2)).build());
        assertThat(second.items()).extracting(Lead::id).containsExactly(mario, ana);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasMore()).isTrue();
        Page<Lead> last = t.engine.leads().search(LeadSearch.builder().sort(LeadSort.CREATED, false)
                .page(new PageRequest(4, 2)).build());
        assertThat(last.items()).extracting(Lead::id).containsExactly(phoneOnly);
        assertThat(last.total()).isEqualTo(5);
        Page<Lead> beyond = t.engine.leads().search(LeadSearch.builder().page(new PageRequest(10, 2)).build());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(t.engine.leads().search(LeadSearch.builder().statuses(LeadStatus.NEW).page(PageRequest.first(1))
                .build()).total()).isEqualTo(3);
    }

    @Test
    void countsByStatusAndSourceUnderTheSearchFilters() {
        LeadCounts all = t.engine.leads().counts(LeadSearch.all());
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.byStatus()).containsEntry(LeadStatus.IN_PROGRESS, 2L).containsEntry(LeadStatus.NEW, 3L)
                .containsEntry(LeadStatus.CONVERTED, 0L).hasSize(LeadStatus.values().length);
        assertThat(all.bySource()).containsEntry(LeadSource.META, 2L).containsEntry(LeadSource.API, 2L)
                .containsEntry(LeadSource.MANUAL, 1L).containsEntry(LeadSource.BULK, 0L);
        LeadCounts withEmail = t.engine.leads().counts(LeadSearch.builder().text("@").build());
        assertThat(withEmail.total()).isEqualTo(4);
        assertThat(withEmail.bySource()).containsEntry(LeadSource.MANUAL, 0L);
    }

    @Test
    void anEditIsNormalizedStoredAndFoundAgain() {
        t.clock.advance(Duration.ofMinutes(5));
        Lead before = t.engine.leads().find(mario).orElseThrow();

        Lead edited = t.engine.leads().edit(mario, LeadEdit.of(before).withFirstName("  Marco ")
                .withEmail("  Marco.Rossi@Example.ORG ").withPhone("+1 (415) 555-0177")
                .withNotes("called twice\r\nprefers SMS\u0007"));

        assertThat(edited.firstName()).contains("Marco");
        assertThat(edited.lastName()).contains("Rossi");
        assertThat(edited.email()).contains("marco.rossi@example.org");
        assertThat(edited.phone()).contains("+14155550177");
        assertThat(edited.notes()).contains("called twice\nprefers SMS");
        assertThat(edited.status()).isEqualTo(before.status());
        assertThat(edited.updatedAt()).isEqualTo(t.clock.instant());
        assertThat(t.engine.leads().find(mario)).contains(edited);
        assertThat(ids(LeadSearch.builder().text("marco"))).containsExactly(mario);
        assertThat(ids(LeadSearch.builder().sort(LeadSort.UPDATED, true)).get(0)).isEqualTo(mario);

        IngestResult sameEmail = t.engine.leads().ingest(NewLead.of(LeadSource.API, "marco.rossi@example.org", null));
        assertThat(sameEmail.created()).as("the new email dedupes").isFalse();
        assertThat(sameEmail.lead().id()).isEqualTo(mario);
        IngestResult samePhone = t.engine.leads().ingest(NewLead.of(LeadSource.API, null, "+14155550177"));
        assertThat(samePhone.lead().id()).isEqualTo(mario);
        assertThat(t.engine.leads().ingest(NewLead.of(LeadSource.API, "mario@example.org", null)).created())
                .as("the old email is free again").isTrue();

        Lead cleared = t.engine.leads().edit(mario, LeadEdit.of(edited).withPhone(null).withNotes(" "));
        assertThat(cleared.phone()).isEmpty();
        assertThat(cleared.notes()).isEmpty();
        assertThat(t.engine.leads().ingest(NewLead.of(LeadSource.API, null, "+14155550177")).created()).isTrue();
    }

    @Test
    void anEditThatWouldDuplicateAnotherLeadIsAConflictAndChangesNothing() {
        Lead before = t.engine.leads().find(ana).orElseThrow();

        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withEmail("MARIA.GARCIA@example.com")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withPhone("+1 (415) 555-0123")))
                .isInstanceOf(ConflictException.class);

        assertThat(t.engine.leads().find(ana)).contains(before);
        Lead same = t.engine.leads().edit(ana, LeadEdit.of(before).withLastName("López"));
        assertThat(same.email()).as("a lead keeps its own email without conflict").isEqualTo(before.email());
    }

    @Test
    void badEditsAreRefusedNamingTheField() {
        Lead before = t.engine.leads().find(ana).orElseThrow();

        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withEmail("not-an-email")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withPhone("12")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> LeadEdit.of(before).withEmail(null))
                .as("neither email nor phone").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withNotes("x".repeat(10_001))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("notes"));
        assertThatThrownBy(() -> t.engine.leads().edit(ana, LeadEdit.of(before).withFirstName("a\0b")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.leads().edit(ana, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.leads().edit(" ", LeadEdit.of(before))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.leads().edit("lead_missing", LeadEdit.of(before)))
                .isInstanceOf(NotFoundException.class);
        assertThat(t.engine.leads().find(ana)).contains(before);
    }

    @Test
    void badSearchesAreRefused() {
        assertThatThrownBy(() -> t.engine.leads().search(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LeadSearch.builder().createdFrom(hour(2)).createdTo(hour(2)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("createdTo"));
        assertThatThrownBy(() -> LeadSearch.builder().createdTo(Instant.MAX).build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LeadSearch.builder().createdFrom(Instant.MIN).build())
                .isInstanceOf(ValidationException.class);
        assertThat(t.engine.leads().search(LeadSearch.builder().createdFrom(Instant.parse("0001-01-01T00:00:00Z"))
                .createdTo(Instant.parse("9999-12-31T23:59:59.999Z")).build()).total()).isEqualTo(5);
        assertThatThrownBy(() -> LeadSearch.builder().text("x".repeat(101)).build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LeadSearch.builder().statuses((LeadStatus) null).build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LeadSearch.builder().sort(null, true)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LeadSearch.builder().page(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(0, 1001)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.leads().counts(null)).isInstanceOf(ValidationException.class);
    }
}
