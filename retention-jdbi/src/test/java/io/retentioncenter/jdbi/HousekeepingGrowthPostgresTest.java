package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many simulated days of traffic on PostgreSQL, with and without the tick's housekeeping: with it, the
 * processed-event keys, unmatched postbacks, replay keys and rate windows stay within the retention
 * period; a tight rate limit writes one DEFERRED execution per deferred step, not one per
 * postponement. Prints the row counts of both runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HousekeepingGrowthPostgresTest {
    private static final int DAYS = 30;
    private static final int LEADS_PER_DAY = 8;
    private static final int UNMATCHED_PER_DAY = 4;
    private static final Duration RETENTION = Duration.ofDays(5);
    private static final List<String> TABLES = List.of("rc_processed_event", "rc_unmatched_postback",
            "rc_conversion_replay", "rc_rate_bucket", "rc_execution", "rc_attempt", "rc_lead");

    private TestDatabase db;

    @BeforeAll
    void open() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void housekeepingKeepsTheTablesBounded() throws SQLException {
        Map<String, Long> without = simulate(Duration.ofDays(100_000));
        Map<String, Long> with = simulate(Duration.ofHours(1));
        System.out.println("GROWTH after " + DAYS + " simulated days, retention " + RETENTION.toDays()
                + " days: without purge " + without + "; with purge " + with);

        long perDayEvents = without.get("rc_processed_event") / DAYS;
        assertThat(with.get("rc_processed_event")).isLessThanOrEqualTo((RETENTION.toDays() + 1) * (perDayEvents + 2));
        assertThat(with.get("rc_unmatched_postback")).isLessThanOrEqualTo((RETENTION.toDays() + 1) * UNMATCHED_PER_DAY);
        assertThat(with.get("rc_rate_bucket")).isLessThan(without.get("rc_rate_bucket"));
        assertThat(without.get("rc_unmatched_postback")).isEqualTo((long) DAYS * UNMATCHED_PER_DAY);
        // history is never purged
        assertThat(with.get("rc_attempt")).isEqualTo(without.get("rc_attempt"));
        assertThat(with.get("rc_lead")).isEqualTo(without.get("rc_lead"));
        // at most one DEFERRED row per (enrollment, step): two steps per lead
        assertThat(deferredRows()).isLessThanOrEqualTo(2L * DAYS * LEADS_PER_DAY);
    }

    private Map<String, Long> simulate(Duration housekeepingInterval) throws SQLException {
        JdbiRetentionStore store = db.emptyStore();
        MutableClock clock = MutableClock.at("2026-01-05T00:00:00Z");
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
        RecordingChannelProvider sms = RecordingChannelProvider.of(Channel.SMS);
        RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).channel(email).channel(sms)
                .keitaro(KeitaroPostbackParser.builder().sharedSecret("pb").build())
                .housekeepingRetention(RETENTION).housekeepingInterval(housekeepingInterval).build();
        engine.scripts().declare("mail", NewScript.builder(Channel.EMAIL, "mail", "Hi").subject("Hi").build());
        engine.scripts().declare("text", NewScript.builder(Channel.SMS, "text", "Hi").build());
        Campaign campaign = engine.campaigns().declare("growth", NewCampaign.builder("growth")
                .autoAssign(AutoAssignRule.everything()).contactLimit(6)
                .schedule(Schedule.daily(ZoneId.of("Europe/Madrid"), LocalTime.of(9, 0), LocalTime.of(21, 0)))
                .rateLimit(Channel.SMS, RateLimit.perHour(2)).build());
        engine.sequences().activate(engine.sequences().declare("two", NewSequence.builder("two")
                .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 1, DelayUnit.HOURS)
                .build()).id());
        int lead = 0;
        for (int day = 0; day < DAYS; day++) {
            for (int i = 0; i < LEADS_PER_DAY; i++, lead++) {
                engine.leads().ingest(NewLead.builder(LeadSource.API).email("l" + lead + "@example.com")
                        .phone(String.format("+1415555%04d", lead)).build());
            }
            for (int i = 0; i < UNMATCHED_PER_DAY; i++) {
                engine.inbound().keitaro(Map.of("sub_id", "unknown-" + day + "-" + i, "status", "sale",
                        "secret", "pb"), Optional.empty());
            }
            for (int hour = 0; hour < 24; hour += 2) {
                engine.tick();
                for (var m : email.sent()) {
                    engine.inbound().providerEvents(List.of(ProviderEvent.builder("dlr:" + m.attemptId(), Channel.EMAIL,
                            email.name(), ProviderEventType.DELIVERED, clock.instant()).attemptId(m.attemptId()).build()));
                }
                email.clear();
                clock.advance(Duration.ofHours(2));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count("SELECT COUNT(*) FROM " + db.table(table)));
        }
        return counts;
    }

    private long deferredRows() throws SQLException {
        return count("SELECT COUNT(*) FROM " + db.table("rc_execution") + " WHERE status = 'DEFERRED'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
