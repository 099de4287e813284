package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.lead.BulkIngestReport;
import io.retentioncenter.core.lead.BulkIngestReport.Outcome;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.support.TestEngine;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk ingest of three chunks whose second chunk the database refuses (a trigger rejects one of its
 * leads): the chunks that committed (the first; on PostgreSQL also the third, written at the same
 * time on a second connection) are reported CREATED, every other row FAILED, and ingesting the same
 * rows again creates exactly the failed ones.
 */
class JdbiBulkIngestFailureTest {
    private static final String REFUSED = "row1500@example.com";
    private static final List<NewLead> ROWS = IntStream.range(0, 2_500)
            .mapToObj(i -> NewLead.of(LeadSource.BULK, "row" + i + "@example.com", null)).toList();

    /** The test, on a database made to refuse a lead by {@code refusing}. */
    abstract static class OnStore {
        @RegisterExtension
        final OpenDatabase db;
        private final BiConsumer<OpenDatabase, String> refusing;

        OnStore(OpenDatabase db, BiConsumer<OpenDatabase, String> refusing) {
            this.db = db;
            this.refusing = refusing;
        }

        /** From now on the database refuses to insert a lead with {@code email}. */
        private void refuse(String email) {
            refusing.accept(db, email);
        }

        @Test
        void rowsOfCommittedChunksAreCreatedTheOthersFailedAndASecondRunCreatesTheFailedOnes() {
            TestEngine t = TestEngine.on(db.emptyStore(), UnaryOperator.identity());
            Campaign everyone = t.engine.campaigns().create(NewCampaign.builder("everyone")
                    .autoAssign(AutoAssignRule.everything()).build());
            refuse(REFUSED);

            BulkIngestReport report = t.engine.leads().ingestAll(ROWS);

            assertThat(report.rows().subList(0, 1_000)).allMatch(r -> r.outcome() == Outcome.CREATED);
            assertThat(report.rows().subList(1_000, 2_000)).allMatch(r -> r.outcome() == Outcome.FAILED
                    && r.error().orElseThrow().startsWith("store failure:"));
            assertThat(report.rows()).allMatch(r -> r.outcome() == Outcome.CREATED || r.outcome() == Outcome.FAILED);
            long created = report.count(Outcome.CREATED);
            List<String> createdIds = report.rows().stream().filter(r -> r.outcome() == Outcome.CREATED)
                    .map(r -> r.leadId().orElseThrow()).toList();
            assertThat(t.store.findLeads(createdIds)).hasSize((int) created);
            assertThat(t.store.listLeads(PageRequest.first(1)).total()).isEqualTo(created);
            assertThat(t.store.findLeadByAddress(REFUSED)).isEmpty();

            refuse("nobody@example.com");
            BulkIngestReport again = t.engine.leads().ingestAll(ROWS);

            assertThat(again.count(Outcome.DUPLICATE)).isEqualTo(created);
            assertThat(again.count(Outcome.CREATED)).isEqualTo(ROWS.size() - created);
            assertThat(t.store.listLeads(PageRequest.first(1)).total()).isEqualTo(ROWS.size());
            assertThat(t.store.countCampaignLeads(everyone.id())).isEqualTo(ROWS.size());
            assertThat(t.store.listEnrollments(EnrollmentQuery.all(), PageRequest.first(1)).total())
                    .isEqualTo(ROWS.size());
        }
    }

    @Nested
    class OnH2 extends OnStore {
        OnH2() {
            super(OpenDatabase.h2(), RefusedLeads::onH2);
        }
    }

    @Nested
    class OnPostgres extends OnStore {
        OnPostgres() {
            super(OpenDatabase.postgres(), RefusedLeads::onPostgres);
        }
    }
}
