package io.retentioncenter.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.lead.BulkIngestReport.Outcome;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.support.FaultyStore;
import io.retentioncenter.core.support.TestEngine;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bulk ingest whose store fails after committing part of the rows: the rows taken in are reported
 * as created, with their leads and enrollments, the others FAILED, and no exception loses that
 * report; ingesting the same rows again creates the failed ones and writes nothing twice.
 */
class BulkIngestStoreFailureTest {
    private static final List<NewLead> ROWS = Arrays.asList(
            NewLead.of(LeadSource.BULK, "first@example.com", null),
            NewLead.of(LeadSource.BULK, "second@example.com", null),
            NewLead.of(LeadSource.BULK, "not-an-email", null),
            NewLead.of(LeadSource.BULK, "third@example.com", null),
            NewLead.of(LeadSource.BULK, null, "+14155550111"),
            NewLead.of(LeadSource.BULK, "fourth@example.com", null));

    private final InMemoryRetentionStore store = new InMemoryRetentionStore();
    /** The next bulk store call takes in its first two intakes only, then fails. */
    private final AtomicBoolean failAfterTwo = new AtomicBoolean(true);
    private final AtomicBoolean lookupsFail = new AtomicBoolean();
    private TestEngine t;
    private Campaign everyone;

    @BeforeEach
    void engine() {
        t = TestEngine.on(FaultyStore.wrap(store, (method, args) -> {
            if (method.getName().equals("findLeads") && lookupsFail.get()) {
                return new StoreException("the database went away");
            }
            if (!method.getName().equals("ingestLeads") || !failAfterTwo.getAndSet(false)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<LeadIntake> intakes = (List<LeadIntake>) args[0];
            if (store.ingestLeads(intakes.subList(0, 2), (long) args[1]).isEmpty()) {
                failAfterTwo.set(true); // planned on an older configuration: nothing taken, the call goes through
                return null;
            }
            return new StoreException("connection refused after the first chunk");
        }), UnaryOperator.identity());
        everyone = t.engine.campaigns().create(NewCampaign.builder("everyone")
                .autoAssign(AutoAssignRule.everything()).build());
    }

    @Test
    void rowsTakenInBeforeTheStoreFailedAreCreatedAndTheOthersFailed() {
        BulkIngestReport report = t.engine.leads().ingestAll(ROWS);

        assertThat(report.rows()).extracting(BulkIngestReport.Row::outcome).containsExactly(Outcome.CREATED,
                Outcome.CREATED, Outcome.REJECTED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED);
        for (BulkIngestReport.Row created : report.rows().subList(0, 2)) {
            String leadId = created.leadId().orElseThrow();
            assertThat(store.findLead(leadId)).isPresent();
            assertThat(enrollmentsOf(leadId)).isEqualTo(1);
        }
        assertThat(report.rows().subList(3, 6)).allSatisfy(failed -> {
            assertThat(failed.leadId()).isEmpty();
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).startsWith("store failure:")
                    .contains("connection refused"));
        });
        assertThat(storedLeads()).isEqualTo(2);
        assertThat(store.countCampaignLeads(everyone.id())).isEqualTo(2);
    }

    @Test
    void ingestingTheSameRowsAgainCreatesTheFailedOnesAndWritesNothingTwice() {
        BulkIngestReport first = t.engine.leads().ingestAll(ROWS);

        BulkIngestReport again = t.engine.leads().ingestAll(ROWS);

        assertThat(again.rows()).extracting(BulkIngestReport.Row::outcome).containsExactly(Outcome.DUPLICATE,
                Outcome.DUPLICATE, Outcome.REJECTED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED);
        assertThat(again.rows().get(0).leadId()).isEqualTo(first.rows().get(0).leadId());
        assertThat(storedLeads()).isEqualTo(5);
        assertThat(store.countCampaignLeads(everyone.id())).isEqualTo(5);
        for (BulkIngestReport.Row row : again.rows()) {
            row.leadId().ifPresent(id -> assertThat(enrollmentsOf(id)).as("enrollments of %s", id).isEqualTo(1));
        }
    }

    @Test
    void aStoreThatCannotTellWhatItStoredFailsTheCallWithBothFailures() {
        lookupsFail.set(true);

        assertThatThrownBy(() -> t.engine.leads().ingestAll(ROWS)).isInstanceOf(StoreException.class)
                .hasMessageContaining("connection refused")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("went away")));
        assertThat(storedLeads()).isEqualTo(2);
    }

    private long storedLeads() {
        return store.listLeads(PageRequest.first(1)).total();
    }

    private long enrollmentsOf(String leadId) {
        return store.listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(10)).total();
    }
}
