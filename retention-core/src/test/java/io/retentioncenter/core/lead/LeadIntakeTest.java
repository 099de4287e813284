package io.retentioncenter.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.support.TestEngine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LeadIntakeTest {
    private final TestEngine t = TestEngine.create();

    @Test
    void normalizesEmailAndPhoneAndSplitsFullName() {
        IngestResult r = t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("  Maria.Garcia@Example.COM ")
                .phone("(415) 555-0123").fullName("Maria de la Garcia").build());
        assertThat(r.created()).isTrue();
        assertThat(r.lead().email()).contains("maria.garcia@example.com");
        assertThat(r.lead().phone()).contains("+14155550123");
        assertThat(r.lead().firstName()).contains("Maria");
        assertThat(r.lead().lastName()).contains("de la Garcia");
        assertThat(r.lead().status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void phoneWithCountryCodeIgnoresDefaultRegion() {
        IngestResult r = t.engine.leads().ingest(NewLead.of(LeadSource.API, null, "+34 612 34 56 78"));
        assertThat(r.lead().phone()).contains("+34612345678");
    }

    @Test
    void dedupesByEmailOrPhone() {
        IngestResult first = t.engine.leads().ingest(NewLead.of(LeadSource.API, "a@example.com", "+14155550123"));
        IngestResult sameEmail = t.engine.leads().ingest(NewLead.of(LeadSource.META, "A@example.com", null));
        IngestResult samePhone = t.engine.leads().ingest(NewLead.of(LeadSource.BULK, "other@example.com", "4155550123"));
        assertThat(sameEmail.created()).isFalse();
        assertThat(samePhone.created()).isFalse();
        assertThat(sameEmail.lead().id()).isEqualTo(first.lead().id());
        assertThat(samePhone.lead().id()).isEqualTo(first.lead().id());
        assertThat(t.engine.leads().list(PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void concurrentIngestsOfOnePersonCreateOneLead() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IngestResult>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                // Every call shares the phone; half also carry the email: one person, one lead.
                String email = i % 2 == 0 ? "same@example.com" : null;
                String phone = i % 3 == 0 ? "+1 415 555 0199" : "+14155550199";
                calls.add(() -> t.engine.leads().ingest(NewLead.of(LeadSource.API, email, phone)));
            }
            long created = 0;
            for (Future<IngestResult> f : pool.invokeAll(calls)) {
                created += f.get().created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(t.engine.leads().list(PageRequest.first(10)).total()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadInputWithTypedExceptionAndStoresNothing() {
        assertRejected(NewLead.of(LeadSource.API, null, null), "email");
        assertRejected(NewLead.of(LeadSource.API, "not-an-email", null), "email");
        assertRejected(NewLead.of(LeadSource.API, "a@b", null), "email");
        assertRejected(NewLead.of(LeadSource.API, "ok@example.com", "12"), "phone");
        assertRejected(NewLead.of(LeadSource.API, "ok@example.com", "call me maybe"), "phone");
        assertRejected(NewLead.builder(LeadSource.API).email("ok@example.com").firstName("x".repeat(501)).build(),
                "firstName");
        assertThatThrownBy(() -> t.engine.leads().ingest(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewLead.of(null, "a@example.com", null)).isInstanceOf(ValidationException.class);
        java.util.Map<String, String> nullName = new java.util.HashMap<>();
        nullName.put(null, "x");
        assertThatThrownBy(() -> new NewLead(LeadSource.API, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("a@example.com"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                nullName)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("attributes"));
        assertThat(t.engine.leads().list(PageRequest.first(10)).total()).isZero();
    }

    private void assertRejected(NewLead lead, String field) {
        assertThatThrownBy(() -> t.engine.leads().ingest(lead)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void bulkIngestReportsPerRowAndKeepsGoodRows() {
        BulkIngestReport report = t.engine.leads().ingestAll(java.util.Arrays.asList(
                NewLead.of(LeadSource.BULK, "one@example.com", null),
                NewLead.of(LeadSource.BULK, "bad-email", null),
                null,
                NewLead.of(LeadSource.BULK, "ONE@example.com", null),
                NewLead.of(LeadSource.BULK, null, "+14155550111")));
        assertThat(report.rows()).extracting(BulkIngestReport.Row::outcome).containsExactly(
                BulkIngestReport.Outcome.CREATED, BulkIngestReport.Outcome.REJECTED, BulkIngestReport.Outcome.REJECTED,
                BulkIngestReport.Outcome.DUPLICATE, BulkIngestReport.Outcome.CREATED);
        assertThat(report.rows().get(1).field()).contains("email");
        assertThat(t.engine.leads().list(PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    void routesNewLeadsToMatchingActiveCampaignsOnly() {
        Campaign meta = t.engine.campaigns().create(NewCampaign.builder("meta only")
                .autoAssign(AutoAssignRule.sources(EnumSet.of(LeadSource.META), null)).build());
        Campaign all = t.engine.campaigns().create(NewCampaign.builder("all").build());
        Campaign paused = t.engine.campaigns().create(NewCampaign.builder("paused").status(CampaignStatus.PAUSED).build());
        t.engine.campaigns().create(NewCampaign.builder("manual").autoAssign(AutoAssignRule.manualOnly()).build());

        IngestResult api = t.engine.leads().ingest(NewLead.of(LeadSource.API, "api@example.com", null));
        IngestResult fromMeta = t.engine.leads().ingest(NewLead.of(LeadSource.META, "meta@example.com", null));

        assertThat(api.campaignIds()).containsExactly(all.id());
        assertThat(fromMeta.campaignIds()).containsExactlyInAnyOrder(meta.id(), all.id());
        assertThat(fromMeta.enrollmentIds()).hasSize(2);
        assertThat(fromMeta.lead().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(t.store.countCampaignLeads(paused.id())).isZero();
        IngestResult dup = t.engine.leads().ingest(NewLead.of(LeadSource.META, "meta@example.com", null));
        assertThat(dup.campaignIds()).isEmpty();
        assertThat(t.engine.sequences().enrollments(EnrollmentQuery.ofLead(fromMeta.lead().id()),
                PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    void campaignCapIsExactUnderConcurrency() throws Exception {
        Campaign capped = t.engine.campaigns().create(NewCampaign.builder("capped")
                .autoAssign(AutoAssignRule.sources(Set.of(), 25)).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IngestResult>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String email = "lead" + i + "@example.com";
                calls.add(() -> t.engine.leads().ingest(NewLead.of(LeadSource.API, email, null)));
            }
            long joined = 0;
            for (Future<IngestResult> f : pool.invokeAll(calls)) {
                joined += f.get().campaignIds().contains(capped.id()) ? 1 : 0;
            }
            assertThat(joined).isEqualTo(25);
            assertThat(t.store.countCampaignLeads(capped.id())).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doNotContactIsTerminal() {
        IngestResult r = t.engine.leads().ingest(NewLead.of(LeadSource.API, "dnc@example.com", null));
        t.engine.leads().doNotContact(r.lead().id());
        assertThat(t.engine.leads().find(r.lead().id()).orElseThrow().status()).isEqualTo(LeadStatus.DO_NOT_CONTACT);
        assertThatThrownBy(() -> t.store.updateLeadStatus(r.lead().id(), LeadStatus.CONTACTED, t.clock.instant()))
                .isInstanceOf(io.retentioncenter.core.IllegalStateTransitionException.class);
        assertThat(LeadStatus.DO_NOT_CONTACT.successors()).isEmpty();
    }

    @Test
    void aDuplicateOfANeverRoutedLeadFinishesItsRouting() {
        IngestResult first = t.engine.leads().ingest(NewLead.of(LeadSource.API, "early@example.com", null));
        assertThat(first.campaignIds()).isEmpty();
        Campaign later = t.engine.campaigns().create(NewCampaign.builder("later").build());
        IngestResult again = t.engine.leads().ingest(NewLead.of(LeadSource.API, "early@example.com", null));
        assertThat(again.created()).isFalse();
        assertThat(again.campaignIds()).containsExactly(later.id());
        assertThat(t.engine.leads().find(first.lead().id()).orElseThrow().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        IngestResult third = t.engine.leads().ingest(NewLead.of(LeadSource.API, "early@example.com", null));
        assertThat(third.campaignIds()).isEmpty();
        assertThat(t.engine.sequences().enrollments(EnrollmentQuery.ofLead(first.lead().id()), PageRequest.first(5))
                .total()).isEqualTo(1);
    }
}
