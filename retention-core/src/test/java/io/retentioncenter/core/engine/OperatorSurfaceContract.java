package io.retentioncenter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.inbound.KeitaroResult;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.support.TestEngine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator's screens through the engine's public calls on a given store: a campaign's members
 * (manual assignment under the cap, removal that stops the lead's outreach there, deletion that
 * keeps history, results), the conversions page (listing, totals for today and this week, re-matching
 * an unmatched postback once), and the remaining CRUD of scripts, A/B tests and sequences.
 */
public abstract class OperatorSurfaceContract {
    private static final String SECRET = "keitaro-secret";

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    private TestEngine engine() {
        return TestEngine.on(newStore(), b -> b.keitaro(KeitaroPostbackParser.builder().sharedSecret(SECRET).build()))
                .withDefaultScripts();
    }

    /** A campaign running email now, SMS a day later and email two days later. */
    private static Campaign campaignWithSequence(TestEngine t, NewCampaign spec) {
        Campaign c = t.engine.campaigns().create(spec);
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("Nurture " + spec.name())
                .campaign(c.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 1, DelayUnit.DAYS)
                .step(Channel.EMAIL, 2, DelayUnit.DAYS).build());
        t.engine.sequences().activate(s.id());
        return c;
    }

    private static String ingest(TestEngine t, String name) {
        return t.engine.leads().ingest(NewLead.builder(LeadSource.API).firstName(name)
                .email(name + "@example.com")
                .phone("+1415555" + String.format("%04d", Math.abs(name.hashCode()) % 10_000)).build()).lead().id();
    }

    private static void runDays(TestEngine t, int days) {
        for (int i = 0; i < days * 4; i++) {
            t.clock.advance(Duration.ofHours(6));
            t.engine.tick();
        }
    }

    @Test
    void aRemovedLeadIsSentNothingMoreByThatCampaign() {
        TestEngine t = engine();
        Campaign c = campaignWithSequence(t, NewCampaign.builder("Spring").build());
        String leadId = ingest(t, "ada");
        t.engine.tick();
        assertThat(t.totalSends()).as("the first email").isEqualTo(1);

        assertThat(t.engine.campaigns().remove(c.id(), leadId)).isEqualTo(1);
        runDays(t, 5);

        assertThat(t.totalSends()).as("nothing after the removal").isEqualTo(1);
        SequenceEnrollment e = t.engine.sequences().enrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(5))
                .items().get(0);
        assertThat(e.status()).isEqualTo(EnrollmentStatus.EXITED);
        assertThat(e.exitReason()).contains(ExitReason.REMOVED_FROM_CAMPAIGN);
        List<CampaignMember> removed = t.engine.campaigns().members(c.id(), Optional.of(MemberStatus.REMOVED),
                PageRequest.first(5)).items();
        assertThat(removed).extracting(m -> m.lead().id()).containsExactly(leadId);
        assertThat(t.engine.campaigns().members(c.id(), Optional.of(MemberStatus.ACTIVE), PageRequest.first(5))
                .items()).isEmpty();
        assertThatThrownBy(() -> t.engine.campaigns().remove(c.id(), leadId)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.campaigns().assign(c.id(), leadId)).isInstanceOf(ConflictException.class);
        CampaignStats stats = t.engine.campaigns().stats(c.id());
        assertThat(List.of(stats.leads(), stats.removed(), stats.contacted())).containsExactly(1L, 1L, 1L);
        assertThat(stats.byChannel().get(Channel.EMAIL).attempts()).isEqualTo(1);
    }

    @Test
    void manualAssignmentRespectsTheCapAndEnrolls() {
        TestEngine t = engine();
        Campaign c = campaignWithSequence(t, NewCampaign.builder("By hand")
                .autoAssign(new AutoAssignRule(false, Set.of(), Optional.of(1))).build());
        String first = ingest(t, "ada");
        String second = ingest(t, "grace");
        assertThat(t.engine.campaigns().members(c.id(), Optional.empty(), PageRequest.first(5)).total()).isZero();

        assertThat(t.engine.campaigns().assign(c.id(), first)).isEqualTo(Assignment.ASSIGNED);
        assertThat(t.engine.campaigns().assign(c.id(), first)).isEqualTo(Assignment.ALREADY_ASSIGNED);
        assertThatThrownBy(() -> t.engine.campaigns().assign(c.id(), second)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cap");
        t.engine.tick();

        assertThat(t.email.sent()).extracting(m -> m.recipient()).containsExactly("ada@example.com");
        assertThat(t.engine.leads().find(first).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTED);
        t.engine.campaigns().remove(c.id(), first);
        assertThat(t.engine.campaigns().assign(c.id(), second)).as("the removal freed the place")
                .isEqualTo(Assignment.ASSIGNED);
        assertThatThrownBy(() -> t.engine.campaigns().assign(c.id(), "lead_missing"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.campaigns().assign("cmp_missing", first))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.campaigns().assign(c.id(), " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.campaigns().remove(c.id(), "lead_missing"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.campaigns().members(c.id(), null, PageRequest.first(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void deletingACampaignIsRefusedWhileActiveAndKeepsItsHistory() {
        TestEngine t = engine();
        Campaign c = campaignWithSequence(t, NewCampaign.builder("Old").build());
        String leadId = ingest(t, "ada");
        t.engine.tick();

        assertThatThrownBy(() -> t.engine.campaigns().delete(c.id())).isInstanceOf(ConflictException.class);
        t.engine.campaigns().pause(c.id());
        Campaign deleted = t.engine.campaigns().delete(c.id());
        runDays(t, 4);

        assertThat(deleted.status()).isEqualTo(CampaignStatus.DELETED);
        assertThat(t.totalSends()).isEqualTo(1);
        assertThat(t.engine.campaigns().list()).extracting(Campaign::id).doesNotContain(c.id());
        assertThat(t.engine.campaigns().get(c.id()).status()).isEqualTo(CampaignStatus.DELETED);
        assertThat(t.engine.campaigns().delete(c.id())).as("again: nothing changes").isEqualTo(deleted);
        assertThat(t.store.attemptsOfLead(leadId)).extracting(ContactAttempt::campaignId).containsExactly(c.id());
        assertThat(t.engine.campaigns().members(c.id(), Optional.empty(), PageRequest.first(5)).total()).isEqualTo(1);
        assertThat(t.engine.campaigns().stats(c.id()).contacted()).isEqualTo(1);
        SequenceEnrollment e = t.engine.sequences().enrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(5))
                .items().get(0);
        assertThat(e.exitReason()).contains(ExitReason.CAMPAIGN_ENDED);
        assertThatThrownBy(() -> t.engine.campaigns().resume(c.id()))
                .isInstanceOf(IllegalStateTransitionException.class);
        assertThatThrownBy(() -> t.engine.campaigns().assign(c.id(), leadId)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.campaigns().update(deleted)).isInstanceOf(ConflictException.class);
        assertThat(t.engine.campaigns().declare("old", NewCampaign.builder("Declared").build()).status())
                .isEqualTo(CampaignStatus.ACTIVE);
        Campaign declared = t.engine.campaigns().pause("cmp.old");
        t.engine.campaigns().delete(declared.id());
        assertThat(t.engine.campaigns().declare("old", NewCampaign.builder("Declared again").build()).status())
                .as("a deleted declared campaign stays deleted").isEqualTo(CampaignStatus.DELETED);
    }

    @Test
    void reMatchingAnUnmatchedPostbackConvertsTheLeadOnce() {
        TestEngine t = engine();
        Campaign c = campaignWithSequence(t, NewCampaign.builder("Sales").build());
        String leadId = ingest(t, "ada");
        String other = ingest(t, "grace");
        t.engine.tick();
        int sends = t.totalSends();
        KeitaroResult unmatched = t.engine.inbound().keitaroQuery("sub_id=lost-click&status=sale&payout=45.00"
                + "&currency=usd&tid=t-1", Optional.of(SECRET));
        assertThat(unmatched.outcome()).isEqualTo(KeitaroResult.Outcome.UNMATCHED);
        UnmatchedPostback kept = t.engine.conversions().unmatched(PageRequest.first(5)).items().get(0);
        assertThat(kept.matchedLeadId()).isEmpty();

        KeitaroResult matched = t.engine.conversions().rematch(kept.replayKey(), leadId);

        assertThat(matched.outcome()).isEqualTo(KeitaroResult.Outcome.CREATED);
        assertThat(matched.exitedEnrollments()).isEqualTo(1);
        Conversion conversion = matched.conversion().orElseThrow();
        assertThat(conversion.leadId()).isEqualTo(leadId);
        assertThat(conversion.campaignId()).isEqualTo(c.id());
        assertThat(conversion.channel()).contains(Channel.EMAIL);
        assertThat(conversion.revenue()).isEqualByComparingTo("45.00");
        assertThat(t.engine.leads().find(leadId).orElseThrow().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(t.engine.conversions().rematch(kept.replayKey(), leadId).outcome()).as("again")
                .isEqualTo(KeitaroResult.Outcome.REPLAY);
        assertThat(t.engine.inbound().keitaroQuery("sub_id=lost-click&status=sale&payout=45.00&currency=usd&tid=t-1",
                Optional.of(SECRET)).outcome()).as("Keitaro sends it again").isEqualTo(KeitaroResult.Outcome.REPLAY);
        assertThatThrownBy(() -> t.engine.conversions().rematch(kept.replayKey(), other))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.conversions().rematch("missing", leadId))
                .isInstanceOf(NotFoundException.class);
        assertThat(t.engine.conversions().unmatched(PageRequest.first(5)).items().get(0).matchedLeadId())
                .contains(leadId);
        assertThat(t.engine.conversions().list(ConversionQuery.all(), PageRequest.first(5)).items())
                .containsExactly(conversion);
        runDays(t, 4);
        assertThat(t.totalSends() - sends).as("only the other lead's steps").isEqualTo(2);
        assertThat(t.store.attemptsOfLead(leadId)).hasSize(1);
    }

    @Test
    void totalsForTodayAndThisWeekFollowTheZoneAndTheEngineClock() {
        TestEngine t = engine();
        campaignWithSequence(t, NewCampaign.builder("Totals").build());
        String leadId = ingest(t, "ada");
        t.engine.tick();
        ContactAttempt email = t.store.attemptsOfLead(leadId).get(0);
        t.engine.inbound().keitaroQuery("sub_id=" + email.id() + "&status=sale&payout=20&currency=eur",
                Optional.of(SECRET));                          // Monday 10:00 UTC = 19:00 in Tokyo
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(t.engine.conversions().today(tokyo).sales()).isEqualTo(1);
        assertThat(t.engine.conversions().today(ZoneId.of("UTC")).revenue()).isEqualByComparingTo("20");

        t.clock.advance(Duration.ofHours(6));                  // Tuesday 01:00 in Tokyo, still Monday in UTC
        ConversionTotals tokyoToday = t.engine.conversions().today(tokyo);
        assertThat(tokyoToday.conversions()).isZero();
        assertThat(tokyoToday.revenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(t.engine.conversions().today(ZoneId.of("UTC")).conversions()).isEqualTo(1);
        assertThat(t.engine.conversions().thisWeek(tokyo).revenueByCurrency()).containsOnlyKeys("EUR");
        assertThat(t.engine.conversions().thisWeek(tokyo, ConversionQuery.all().withChannel(Channel.EMAIL)).sales())
                .isEqualTo(1);
        assertThat(t.engine.conversions().today(ZoneId.of("UTC"), ConversionQuery.all().withCampaign("cmp_other"))
                .conversions()).isZero();
        t.clock.advance(Duration.ofDays(7));
        assertThat(t.engine.conversions().thisWeek(tokyo).conversions()).isZero();
        assertThat(t.engine.conversions().totals(ConversionQuery.all().withStatus(ConversionStatus.SALE)
                .withSource(LeadSource.API)).sales()).isEqualTo(1);
        assertThatThrownBy(() -> t.engine.conversions().totals(t.clock.instant(), t.clock.instant()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.conversions().today(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void scriptsAreListedByChannelDuplicatedAndDeletedWhenNothingUsesThem() {
        TestEngine t = engine();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("Scripts").build());
        Script sms = t.engine.scripts().create(NewScript.builder(Channel.SMS, "Promo", "Hi {{firstName}}")
                .campaign(c.id()).build());
        Script copy = t.engine.scripts().duplicate(sms.id());

        assertThat(copy.id()).isNotEqualTo(sms.id());
        assertThat(copy.name()).isEqualTo("Promo (copy)");
        assertThat(List.of(copy.channel(), copy.body(), copy.campaignId()))
                .containsExactly(sms.channel(), sms.body(), sms.campaignId());
        assertThat(t.engine.scripts().list(Channel.SMS)).extracting(Script::name)
                .containsExactlyInAnyOrder("default sms", "Promo", "Promo (copy)");
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("Uses copy").campaign(c.id())
                .step(new SequenceStep(1, Channel.SMS, 0, DelayUnit.MINUTES, Optional.of(copy.id()), Set.of(), 1))
                .build());
        t.engine.experiments().start(c.id(), Channel.SMS, List.of(new Variant("A", sms.id(), 1),
                new Variant("B", t.engine.scripts().list(Channel.SMS).stream()
                        .filter(x -> x.name().equals("default sms")).findFirst().orElseThrow().id(), 1)));

        assertThatThrownBy(() -> t.engine.scripts().delete(copy.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining(s.id());
        assertThatThrownBy(() -> t.engine.scripts().delete(sms.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("A/B test");
        t.engine.sequences().removeStep(s.id(), 1);
        t.engine.scripts().delete(copy.id());
        assertThatThrownBy(() -> t.engine.scripts().get(copy.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.scripts().delete(copy.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.scripts().list(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void abTestsPauseResumeAndDeleteWhileAttemptsKeepTheirVariant() {
        TestEngine t = engine();
        Campaign c = campaignWithSequence(t, NewCampaign.builder("AB").build());
        Script a = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "A", "Plan A").subject("A")
                .campaign(c.id()).build());
        Script b = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "B", "Plan B").subject("B")
                .campaign(c.id()).build());
        AbTest test = t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 1)));
        String exposed = ingest(t, "ada");
        t.engine.tick();

        assertThat(t.engine.experiments().pause(test.id()).status()).isEqualTo(AbTestStatus.PAUSED);
        assertThatThrownBy(() -> t.engine.experiments().pause(test.id())).isInstanceOf(ConflictException.class);
        String held = ingest(t, "grace");
        t.engine.tick();
        assertThat(t.store.attemptsOfLead(held).get(0).variant()).as("no variant while paused").isEmpty();
        AbTest other = t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("X", a.id(), 1), new Variant("Y", b.id(), 1)));
        assertThatThrownBy(() -> t.engine.experiments().resume(test.id())).isInstanceOf(ConflictException.class);
        t.engine.experiments().stop(other.id(), Optional.empty());
        assertThat(t.engine.experiments().resume(test.id()).status()).isEqualTo(AbTestStatus.RUNNING);

        AbTest deleted = t.engine.experiments().delete(test.id());

        assertThat(deleted.status()).isEqualTo(AbTestStatus.DELETED);
        assertThat(deleted.endedAt()).isPresent();
        assertThat(t.engine.experiments().list()).extracting(AbTest::id).containsExactly(other.id());
        assertThat(t.engine.experiments().get(test.id()).status()).isEqualTo(AbTestStatus.DELETED);
        assertThat(t.engine.experiments().counts(test.id()).values().stream().mapToLong(n -> n.exposed()).sum())
                .isEqualTo(1);
        assertThat(t.store.attemptsOfLead(exposed).get(0).variant()).isPresent();
        assertThat(t.engine.experiments().delete(test.id())).isEqualTo(deleted);
        assertThatThrownBy(() -> t.engine.experiments().resume(test.id())).isInstanceOf(ConflictException.class);
        String after = ingest(t, "linus");
        t.engine.tick();
        assertThat(t.store.attemptsOfLead(after).get(0).variant()).as("a deleted test assigns nothing").isEmpty();
    }

    @Test
    void sequencesAreFilteredByStatusAndCampaign() {
        TestEngine t = engine();
        Campaign one = campaignWithSequence(t, NewCampaign.builder("One").build());
        Campaign two = t.engine.campaigns().create(NewCampaign.builder("Two").build());
        RetentionSequence draft = t.engine.sequences().create(NewSequence.builder("Draft").campaign(two.id())
                .step(Channel.SMS, 0, DelayUnit.MINUTES).build());
        RetentionSequence loose = t.engine.sequences().create(NewSequence.builder("Loose")
                .step(Channel.SMS, 0, DelayUnit.MINUTES).build());
        t.engine.sequences().archive(t.engine.sequences().activate(loose.id()).id());

        assertThat(t.engine.sequences().list(Optional.of(SequenceStatus.DRAFT), Optional.empty()))
                .extracting(RetentionSequence::id).containsExactly(draft.id());
        assertThat(t.engine.sequences().list(Optional.empty(), Optional.of(one.id())))
                .extracting(RetentionSequence::name).containsExactly("Nurture One");
        assertThat(t.engine.sequences().list(Optional.of(SequenceStatus.ACTIVE), Optional.of(two.id()))).isEmpty();
        assertThat(t.engine.sequences().list(Optional.of(SequenceStatus.ARCHIVED), Optional.empty()))
                .extracting(RetentionSequence::id).containsExactly(loose.id());
        assertThat(t.engine.sequences().list()).hasSize(3);
        assertThatThrownBy(() -> t.engine.sequences().list(null, Optional.empty()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.sequences().list(Optional.empty(), Optional.of(" ")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void descriptionsAreSetOnCreateDeclareAndUpdateUnderTheInputTextRules() {
        TestEngine t = engine();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("Described")
                .description("  For ES leads\r\nsecond\u0007 line\t(tab)  ").build());
        assertThat(c.description()).contains("For ES leads\nsecond line\t(tab)");
        assertThat(t.engine.campaigns().get(c.id())).isEqualTo(c);
        Campaign changed = t.engine.campaigns().update(new Campaign(c.id(), c.name(), c.status(), c.autoAssign(),
                c.schedule(), c.rateLimits(), c.contactLimit(), c.sequenceId(), c.settings(), c.createdAt(),
                c.updatedAt(), Optional.of("Now for all leads")));
        assertThat(t.engine.campaigns().get(c.id()).description()).contains("Now for all leads");
        assertThat(t.engine.campaigns().declare("desc", NewCampaign.builder("D").description("v1").build())
                .description()).contains("v1");
        assertThat(t.engine.campaigns().declare("desc", NewCampaign.builder("D").build()).description()).isEmpty();

        Script script = t.engine.scripts().create(NewScript.builder(Channel.SMS, "S", "Hi").description("Short promo")
                .build());
        assertThat(t.engine.scripts().duplicate(script.id()).description()).contains("Short promo");
        t.engine.scripts().update(new Script(script.id(), script.name(), script.channel(), script.campaignId(),
                script.subject(), script.body(), script.settings(), Optional.of("Longer promo")));
        assertThat(t.engine.scripts().get(script.id()).description()).contains("Longer promo");
        assertThat(t.engine.scripts().declare("promo", NewScript.builder(Channel.SMS, "P", "Hi").description("Declared")
                .build()).description()).contains("Declared");

        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("Seq").campaign(changed.id())
                .description("Three touches").step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
        assertThat(t.engine.sequences().get(s.id()).description()).contains("Three touches");
        t.engine.sequences().update(s.id(), "Seq", Duration.ofDays(1));
        assertThat(t.engine.sequences().get(s.id()).description()).as("kept").contains("Three touches");
        t.engine.sequences().update(s.id(), "Seq", Duration.ofDays(1), Optional.of("Two touches"));
        t.engine.sequences().activate(s.id());
        assertThat(t.engine.sequences().get(s.id()).description()).contains("Two touches");
        assertThat(t.engine.sequences().declare("seq", NewSequence.builder("Declared").description("Declared")
                .step(Channel.SMS, 0, DelayUnit.MINUTES).build()).description()).contains("Declared");

        assertThatThrownBy(() -> NewCampaign.builder("x").description("a\u0000b"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> NewScript.builder(Channel.SMS, "x", "y").description("d".repeat(2_001)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> t.engine.sequences().update(s.id(), "Seq", Duration.ofDays(1), null))
                .isInstanceOf(ValidationException.class);
        assertThat(NewSequence.builder("x").description(" \n ").build().description()).isEmpty();
    }

    @Test
    void badArgumentsGetTypedExceptionsAndChangeNothing() {
        TestEngine t = engine();
        long version = t.store.configVersion();
        PageRequest page = PageRequest.first(5);
        java.util.Map<Class<? extends Exception>, List<org.assertj.core.api.ThrowableAssert.ThrowingCallable>> calls =
                java.util.Map.of(ValidationException.class, List.of(
                        () -> t.engine.campaigns().members(null, Optional.empty(), page),
                        () -> t.engine.campaigns().assign(null, "lead"),
                        () -> t.engine.campaigns().remove(" ", "lead"),
                        () -> t.engine.campaigns().delete(null),
                        () -> t.engine.conversions().list(null, page),
                        () -> t.engine.conversions().list(ConversionQuery.all(), null),
                        () -> t.engine.conversions().totals(null),
                        () -> t.engine.conversions().totals(null, t.clock.instant()),
                        () -> t.engine.conversions().thisWeek(null),
                        () -> t.engine.conversions().unmatched(null),
                        () -> t.engine.conversions().rematch(null, "lead"),
                        () -> ConversionQuery.all().withCampaign(" "),
                        () -> ConversionQuery.all().between(t.clock.instant(), t.clock.instant().minusSeconds(1)),
                        () -> t.engine.scripts().duplicate(null),
                        () -> t.engine.scripts().delete(" "),
                        () -> t.engine.experiments().pause(null)),
                NotFoundException.class, List.of(
                        () -> t.engine.campaigns().members("cmp_missing", Optional.empty(), page),
                        () -> t.engine.campaigns().delete("cmp_missing"),
                        () -> t.engine.campaigns().stats("cmp_missing"),
                        () -> t.engine.conversions().rematch("missing", "lead"),
                        () -> t.engine.scripts().duplicate("scr_missing"),
                        () -> t.engine.experiments().resume("abt_missing"),
                        () -> t.engine.experiments().delete("abt_missing")));
        calls.forEach((type, list) -> list.forEach(call -> assertThatThrownBy(call).isInstanceOf(type)));
        assertThat(t.store.configVersion()).isEqualTo(version);
    }
}
