package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL keeps each lead's search text in {@code rc_lead_search} (migration V12): every way a lead
 * is stored writes its row, an edit rewrites it, a status move or a contact leaves it untouched (so
 * the trigram index is not written again), text searches can read the trigram index, and leads
 * stored before V12 are found after it.
 */
class PostgresLeadSearchTest {
    @RegisterExtension
    final OpenDatabase db = OpenDatabase.postgres();

    @Test
    void everyIntakePathWritesTheSearchTextAndAnEditRewritesIt() throws SQLException {
        RetentionEngine engine = engine(MutableClock.at("2026-01-05T10:00:00Z"), RecordingChannelProvider.of(
                Channel.EMAIL));
        engine.campaigns().create(NewCampaign.builder("capped").autoAssign(AutoAssignRule.sources(
                EnumSet.of(LeadSource.MANUAL), 1)).build());
        engine.campaigns().create(NewCampaign.builder("everyone").autoAssign(AutoAssignRule.sources(
                EnumSet.of(LeadSource.API, LeadSource.BULK), null)).build());

        String single = engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana.single@example.com")
                .firstName("Ana").lastName("Solo").build()).lead().id();
        String capped = engine.leads().ingest(NewLead.builder(LeadSource.MANUAL).phone("+14155550101")
                .firstName("Carl").build()).lead().id();
        List<NewLead> rows = IntStream.range(0, 1_500).mapToObj(i -> NewLead.builder(LeadSource.BULK)
                .email("bulk" + i + "@example.com").externalId("ext-" + i).build()).toList();
        engine.leads().ingestAll(rows);

        assertThat(found(engine, "ana.sing")).containsExactly(single);
        assertThat(found(engine, "5550101")).containsExactly(capped);
        assertThat(found(engine, "ext-1499")).hasSize(1);
        assertThat(found(engine, "bulk1@")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM " + db.table("rc_lead_search") + " s JOIN " + db.table("rc_lead")
                + " l ON l.id = s.lead_id")).isEqualTo(2 + rows.size());

        Lead before = engine.leads().find(single).orElseThrow();
        engine.leads().edit(single, LeadEdit.of(before).withFirstName("Beatriz").withEmail("bea@example.com"));

        assertThat(found(engine, "beatriz solo bea@example.com")).containsExactly(single);
        assertThat(found(engine, "ana.sing")).isEmpty();
    }

    @Test
    void statusMovesAndContactsLeaveTheSearchRowAsItIs() throws SQLException {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
        RetentionEngine engine = engine(clock, email);
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "mail", "Hi").subject("Hi").build());
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("mail")
                .autoAssign(AutoAssignRule.everything()).build());
        engine.sequences().activate(engine.sequences().create(NewSequence.builder("one")
                .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        String contacted = engine.leads().ingest(NewLead.of(LeadSource.API, "contacted@example.com", null))
                .lead().id();
        String moved = engine.leads().ingest(NewLead.of(LeadSource.API, "moved@example.com", null)).lead().id();
        String contactedRow = rowVersion(contacted);
        String movedRow = rowVersion(moved);

        engine.tick();
        engine.leads().doNotContact(moved);

        assertThat(email.count()).isEqualTo(2);
        assertThat(engine.leads().find(contacted).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(rowVersion(contacted)).as("the contact did not rewrite the search row").isEqualTo(contactedRow);
        assertThat(rowVersion(moved)).as("the status move did not rewrite the search row").isEqualTo(movedRow);
        assertThat(found(engine, "contacted@")).containsExactly(contacted);
    }

    @Test
    void aTextSearchCanReadTheTrigramIndex() throws SQLException {
        engine(MutableClock.at("2026-01-05T10:00:00Z"), RecordingChannelProvider.of(Channel.EMAIL));
        List<String> plan = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // on a near-empty table a scan is cheapest: leave the planner only bitmap scans to choose from
            s.execute("SET LOCAL enable_seqscan = off");
            s.execute("SET LOCAL enable_indexscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM " + db.table("rc_lead") + " l WHERE l.id IN"
                    + " (SELECT s.lead_id FROM " + db.table("rc_lead_search") + " s WHERE s.search_text LIKE '%garcia%')")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            c.rollback();
        }

        assertThat(String.join("\n", plan)).contains("rc_lead_search_trgm_ix");
    }

    @Test
    void leadsStoredBeforeTheSearchTableAreFoundAfterIt() {
        String schema = "rc_search_" + Long.toHexString(System.nanoTime());
        HikariDataSource pool = db.pool(2);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(pool).table("rc_schema_history")
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .schemas(schema).defaultSchema(schema).target("11").load().migrate();
            db.execute(List.of("INSERT INTO \"" + schema + "\".rc_lead (id, email, first_name, source, status,"
                    + " attributes, contact_count, created_at, updated_at) VALUES ('lead_old', 'old@example.com',"
                    + " 'Olga', 'API', 'NEW', '{}', 0, now(), now())"));

            JdbiRetentionStore store = JdbiRetentionStore.builder().dataSource(pool).schema(schema).build();

            assertThat(store.searchLeads(LeadSearch.builder().text("OLGA").build()).items())
                    .extracting(Lead::id).containsExactly("lead_old");
        } finally {
            db.execute(List.of("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE"));
        }
    }

    private RetentionEngine engine(MutableClock clock, RecordingChannelProvider provider) {
        return RetentionEngine.builder().store(db.emptyStore()).clock(clock).channel(provider).build();
    }

    private static List<String> found(RetentionEngine engine, String text) {
        return engine.leads().search(LeadSearch.builder().text(text).page(PageRequest.first(50)).build()).items()
                .stream().map(Lead::id).toList();
    }

    /** The physical version of the lead's search row: changes whenever the row is written again. */
    private String rowVersion(String leadId) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT xmin::text || ctid::text FROM " + db.table("rc_lead_search")
                        + " WHERE lead_id = '" + leadId + "'")) {
            assertThat(rs.next()).as("search row of %s", leadId).isTrue();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
