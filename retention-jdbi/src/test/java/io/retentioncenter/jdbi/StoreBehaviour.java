package io.retentioncenter.jdbi;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.CONTACT_LIMIT;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.StepCondition;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.store.Race;
import io.retentioncenter.core.store.StoreFixtures;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a database store must do beyond the contract kit: give back fully populated records exactly,
 * keep several engines (each with its own connection pool) correct on one database, stream scans and
 * report every database failure as {@link StoreException}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreBehaviour {
    private TestDatabase database;
    private JdbiRetentionStore store;

    /** The database of this run. */
    abstract TestDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        store = database.emptyStore();
    }

    @Test
    void fullyPopulatedRecordsComeBackEqual() {
        Lead lead = new Lead("lead_full", Optional.of("ext-1"), Optional.of("Zoë"), Optional.of("Ørsted"),
                Optional.of("zoe@example.com"), Optional.of("+4915112345678"), LeadSource.META, LeadStatus.NEW,
                Optional.of("sub-9"), Optional.of("click-7"), Optional.of(ZoneId.of("Europe/Berlin")),
                Map.of("city", "Köln", "quote", "\"yes\", she said"), 0, T0, minutes(1));
        Campaign campaign = new Campaign(CAMPAIGN, "Spring", CampaignStatus.PAUSED,
                AutoAssignRule.sources(EnumSet.of(LeadSource.META, LeadSource.BULK), 250),
                new Schedule(ZoneId.of("America/New_York"), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(9, 30), LocalTime.of(17, 45, 15)),
                Map.of(Channel.SMS, RateLimit.perMinute(30), Channel.CALL, new RateLimit(5, Duration.ofSeconds(90))),
                3, Optional.of(SEQUENCE), Map.of("vapi.assistantId", "asst_1"), T0, minutes(2));
        Script script = new Script("script_call", "Call brief", Channel.CALL, Optional.empty(), Optional.empty(),
                "Hi {{firstName}}, line one\nline two", Map.of("vapi.assistantId", "asst_2"));
        AbTest test = new AbTest("test_1", CAMPAIGN, Channel.SMS, List.of(new Variant("A", "script_a", 3),
                new Variant("B", "script_b", 1)), AbTestStatus.COMPLETED, Optional.of("B"), T0,
                Optional.of(minutes(90)));
        RetentionSequence sequence = new RetentionSequence(SEQUENCE, "Nurture", SequenceStatus.ACTIVE,
                Optional.of(CAMPAIGN), Duration.ofHours(36).plusMillis(5), List.of(
                        new SequenceStep(1, Channel.EMAIL, 0, DelayUnit.MINUTES, Optional.of("script_mail"),
                                Set.of(), 0),
                        new SequenceStep(2, Channel.SMS, 3, DelayUnit.HOURS, Optional.empty(),
                                EnumSet.of(StepCondition.EMAIL_NOT_OPENED, StepCondition.NO_REPLY), 4,
                                io.retentioncenter.core.sequence.DelayAnchor.ENROLLMENT, false)),
                true, T0, minutes(3));
        store.insertLeadIfAbsent(lead);
        store.saveCampaign(campaign);
        store.saveScript(script);
        store.saveAbTest(test);
        store.saveSequence(sequence);

        assertThat(store.findLead("lead_full")).contains(lead);
        assertThat(store.findCampaign(CAMPAIGN)).contains(campaign);
        assertThat(store.listScripts()).containsExactly(script);
        assertThat(store.listAbTests()).containsExactly(test);
        assertThat(store.listSequences()).containsExactly(sequence);
    }

    @Test
    void fullyPopulatedAttemptsEnrollmentsAndConversionsComeBackEqual() {
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_1"));
        store.saveSequence(StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 2));
        SequenceEnrollment ended = new SequenceEnrollment("enr_1", SEQUENCE, "lead_1", CAMPAIGN,
                EnrollmentStatus.PAUSED, Optional.of(ExitReason.MANUAL), 2, minutes(60), 1, T0,
                Optional.of(minutes(50)), Optional.of(minutes(40)), Optional.empty(), Optional.empty(), minutes(55));
        store.enroll(ended, Duration.ZERO);
        ContactAttempt attempt = new ContactAttempt("att_1", "lead_1", CAMPAIGN, Channel.CALL, AttemptKind.CALLBACK,
                AttemptStatus.ANSWERED, Optional.of("enr_1"), Optional.of(2), 3, "enr_1:2:3", Optional.of("script_call"),
                Optional.of("test_1"), Optional.of("B"), "+4915112345678", Optional.of("subject"), "",
                minutes(5), Optional.of("vapi"), Optional.of("call_9"), Optional.of(minutes(6)),
                Optional.of("busy first"), Optional.of("AI: Hello\nLead: call me later"), List.of("later", "price"),
                minutes(4), minutes(7));
        store.insertAttempt(attempt, CONTACT_LIMIT);
        Conversion candidate = new Conversion("conv_1", "lead_1", CAMPAIGN, Optional.of(Channel.CALL),
                Optional.of("att_1"), Optional.of("enr_1"), Optional.of(2), Optional.of("test_1"), Optional.of("B"),
                ConversionStatus.LEAD, BigDecimal.ZERO, Optional.of("EUR"), Optional.of("tx-1"), minutes(8),
                minutes(8), Map.of("status", "lead"));
        store.recordConversion(StoreFixtures.postback("pb_1", PostbackKind.LEAD,
                candidate, "10.50", minutes(9)));

        assertThat(store.findEnrollment("enr_1")).contains(ended);
        assertThat(store.findAttempt("att_1")).contains(attempt);
        Conversion stored = store.conversionsOfLead("lead_1").get(0);
        assertThat(stored.revenue()).isEqualTo(new BigDecimal("10.50"));
        assertThat(stored.currency()).contains("EUR");
        assertThat(stored.stepOrder()).contains(2);
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant precise = T0.plusNanos(123_456_789);
        Lead lead = StoreFixtures.lead("lead_1", "a@example.com", null, precise);

        store.insertLeadIfAbsent(lead);

        assertThat(store.findLead("lead_1").orElseThrow().createdAt()).isEqualTo(T0.plusMillis(123));
    }

    @Test
    void enginesWithTheirOwnPoolsRunEveryStepOnceAndDispatchEveryAttemptOnce() {
        int leads = 60;
        store.saveCampaign(StoreFixtures.campaign(CAMPAIGN));
        store.saveSequence(StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 1));
        for (int i = 0; i < leads; i++) {
            store.insertLeadIfAbsent(StoreFixtures.lead("lead_" + i));
            store.enroll(StoreFixtures.enrollment("enr_" + i, SEQUENCE, "lead_" + i, T0, minutes(-i)), Duration.ZERO);
        }
        List<JdbiRetentionStore> engines = List.of(database.newStore(), database.newStore(), database.newStore());

        List<String> dispatched = Race.run(6, thread -> tick(engines.get(thread % engines.size()), "engine_" + thread));

        assertThat(dispatched).hasSize(leads).doesNotHaveDuplicates();
        for (int i = 0; i < leads; i++) {
            assertThat(store.attemptsOfLead("lead_" + i)).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(AttemptStatus.SENT));
            assertThat(store.listExecutions("enr_" + i)).hasSize(1);
            assertThat(store.findLead("lead_" + i).orElseThrow().contactCount()).isEqualTo(1);
        }
    }

    /** One engine's ticks until nothing is due: claim, record, dispatch, complete; returns the attempts it sent. */
    @Test
    void aLeadRowTheStoreCannotReadIsSetAsideWhileEveryOtherLeadIsContacted() {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
        RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).channel(email).build();
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "hi", "Hi {{firstName|there}}").subject("Hi").build());
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("all")
                .autoAssign(AutoAssignRule.everything()).build());
        engine.sequences().activate(engine.sequences().create(NewSequence.builder("one").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            leads.add(engine.leads().ingest(NewLead.builder(LeadSource.API).email("l" + i + "@example.com").build())
                    .lead().id());
        }
        String poison = leads.get(17);
        database.execute(List.of("UPDATE " + database.table("rc_lead") + " SET status = 'NOT_A_STATUS' WHERE id = '"
                + poison + "'"));

        engine.tick();

        assertThat(email.count()).isEqualTo(49);
        assertThat(email.sent()).noneMatch(m -> m.leadId().equals(poison));
        var aside = engine.sequences().setAside(PageRequest.first(5));
        assertThat(aside.items()).singleElement().satisfies(a -> {
            assertThat(a.enrollment().leadId()).isEqualTo(poison);
            assertThat(a.error()).contains("StoreException");
        });
        assertThat(engine.stats().setAsideEnrollments()).isEqualTo(1);
    }

    private static List<String> tick(JdbiRetentionStore engine, String owner) {
        List<String> sent = new ArrayList<>();
        Instant now = minutes(1);
        while (true) {
            List<SequenceEnrollment> claimed = engine.claimDueEnrollments(now, 7, owner, minutes(30));
            List<StepOutcome> outcomes = claimed.stream()
                    .map(e -> StoreFixtures.executedStep(e, owner, "att_" + e.id(), now)).toList();
            assertThat(engine.recordStepOutcomes(outcomes)).allMatch(r -> r == StepOutcome.Result.APPLIED);
            List<ContactAttempt> due = engine.claimDispatchable(now, 5, owner, minutes(10));
            for (ContactAttempt attempt : due) {
                ContactAttempt sentAttempt = attempt.withStatus(AttemptStatus.SENT, now);
                assertThat(engine.completeDispatch(new DispatchCompletion(owner, sentAttempt, false))).isTrue();
                sent.add(attempt.id());
            }
            if (claimed.isEmpty() && due.isEmpty()) {
                return sent;
            }
        }
    }

    @Test
    void scansStreamEveryRowInTimeOrder() {
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_1"));
        int attempts = 2_500;
        for (int i = 0; i < attempts; i++) {
            store.insertAttempt(StoreFixtures.attempt(String.format("att_%05d", i), "lead_1")
                    .createdAt(T0.plusMillis(attempts - i)).build(), Integer.MAX_VALUE);
        }
        List<ContactAttempt> seen = new ArrayList<>();

        store.scanAttempts(T0, T0.plusSeconds(60), seen::add);

        assertThat(seen).hasSize(attempts);
        assertThat(seen).isSortedAccordingTo(Comparator.comparing(ContactAttempt::createdAt));
        assertThat(seen.get(0).id()).isEqualTo("att_02499");
    }

    @Test
    void aFailingSinkStopsTheScanWithItsOwnException() {
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_1"));
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_2"));
        IllegalStateException failure = new IllegalStateException("sink full");

        assertThatThrownBy(() -> store.scanLeads(T0, minutes(1), lead -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(store.findLead("lead_2")).isPresent();
    }

    @Test
    void aValueTheColumnCannotHoldIsAStoreExceptionAndChangesNothing() {
        Campaign tooLong = new Campaign(CAMPAIGN, "x".repeat(300), CampaignStatus.ACTIVE, AutoAssignRule.everything(),
                Schedule.always(), Map.of(), CONTACT_LIMIT, Optional.empty(), Map.of(), T0, T0);
        long version = store.configVersion();

        assertThatThrownBy(() -> store.saveCampaign(tooLong)).isInstanceOf(StoreException.class)
                .hasMessageContaining("saveCampaign").hasCauseInstanceOf(JdbiException.class);
        assertThat(store.findCampaign(CAMPAIGN)).isEmpty();
        assertThat(store.configVersion()).isEqualTo(version);
    }

    @Test
    void aClosedPoolIsAStoreExceptionWithTheCause() {
        HikariDataSource pool = database.pool(1);
        JdbiRetentionStore engine = JdbiRetentionStore.builder().dataSource(pool).migrate(false)
                .schema(database.schema().orElse("PUBLIC")).build();
        pool.close();

        assertThatThrownBy(() -> engine.findLead("lead_1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("findLead").hasCauseInstanceOf(JdbiException.class);
    }
}
