package io.retentioncenter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.ContactRefusedException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.LeadPacing;
import io.retentioncenter.core.contact.OneOffMessage;
import io.retentioncenter.core.contact.RouteDecision;
import io.retentioncenter.core.contact.TestSend;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventResult;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.spi.ConnectionCheck;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The operator's sends and the engine's lead-level rules through the public API on a given store,
 * with a {@code MutableClock}: test sends and provider checks, one-off messages under the contact
 * policy, per-lead pacing (one engine and two), and re-engagement rules (once per lead and target
 * sequence, one engine and two).
 */
public abstract class OutreachEndToEndContract {
    private static final String PHONE = "+14155550123";
    private static final LeadPacing TWO_A_DAY_AN_HOUR_APART = LeadPacing.of(2, Duration.ofHours(1));

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    private TestEngine engine(UnaryOperator<RetentionEngineBuilder> custom) {
        return TestEngine.on(newStore(), custom).withDefaultScripts();
    }

    private static Campaign campaign(TestEngine t, String name, UnaryOperator<NewCampaign.Builder> custom) {
        return t.engine.campaigns().create(custom.apply(NewCampaign.builder(name)
                .autoAssign(AutoAssignRule.manualOnly())).build());
    }

    private static String lead(TestEngine t, String email, String phone) {
        return t.engine.leads().ingest(NewLead.builder(LeadSource.API).email(email).phone(phone).firstName("Ana")
                .build()).lead().id();
    }

    private static List<ContactAttempt> attemptsOf(TestEngine t, String leadId) {
        return t.store.attemptsOfLead(leadId);
    }

    // ---- test sends and provider checks ----------------------------------------------------

    @Test
    void aTestSendGoesOutOnceThroughTheOutboxAndTouchesNoLead() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        Script script = t.engine.scripts().create(NewScript.builder(Channel.SMS, "offer", "Hi {{firstName}}, 20% off")
                .campaign(c.id()).build());

        ContactAttempt test = t.engine.outreach().sendTest(TestSend.of(script.id(), "+1 (415) 555-0199")
                .named("Operator", null).requestKey("form-1"));
        assertThat(test.kind()).isEqualTo(AttemptKind.TEST);
        assertThat(test.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(test.recipient()).isEqualTo("+14155550199");
        assertThat(test.body()).isEqualTo("Hi Operator, 20% off");

        t.engine.tick();
        t.engine.tick();
        assertThat(t.engine.outreach().sendTest(TestSend.of(script.id(), "+14155550199").requestKey("form-1")))
                .as("a replayed request").extracting(ContactAttempt::id).isEqualTo(test.id());
        t.engine.tick();

        assertThat(t.sms.count()).isEqualTo(1);
        assertThat(t.sms.sent().get(0).recipient()).isEqualTo("+14155550199");
        assertThat(t.store.findAttempt(test.id()).orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(t.store.listLeads(PageRequest.first(10)).items()).isEmpty();
        List<ContactAttempt> scanned = new ArrayList<>();
        t.store.scanAttempts(Instant.EPOCH, t.clock.instant().plusSeconds(1), scanned::add);
        assertThat(scanned).as("analytics never see a test").isEmpty();
    }

    @Test
    void aTestSendWithoutAnAnswerEndsUnknownAndIsNeverSentAgain() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        Script script = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "offer", "Hello")
                .subject("Offer").campaign(c.id()).build());
        t.email.respondWith(m -> SendResult.unknown("timeout"));

        ContactAttempt test = t.engine.outreach().sendTest(TestSend.of(script.id(), "Ops@Example.com"));
        for (int i = 0; i < 3; i++) {
            t.engine.tick();
            t.clock.advance(Duration.ofHours(1));
        }

        assertThat(t.email.count()).isEqualTo(1);
        assertThat(t.store.findAttempt(test.id()).orElseThrow().status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(t.email.sent().get(0).recipient()).isEqualTo("ops@example.com");
    }

    @Test
    void aTestSendOfAnEndedCampaignStillReachesTheOperator() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "over", UnaryOperator.identity());
        Script script = t.engine.scripts().create(NewScript.builder(Channel.SMS, "offer", "Hi").campaign(c.id())
                .build());
        ContactAttempt test = t.engine.outreach().sendTest(TestSend.of(script.id(), PHONE));
        t.engine.campaigns().end(c.id());

        t.engine.tick();

        assertThat(t.store.findAttempt(test.id()).orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
    }

    @Test
    void aProviderEventOfATestSendMovesOnlyTheTestAttempt() {
        TestEngine t = engine(b -> b.reengageOpenedWithSms(Duration.ofMinutes(5)));
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        Script script = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "offer", "Hello")
                .subject("Offer").campaign(c.id()).build());
        String leadId = lead(t, "ana@example.com", PHONE);
        ContactAttempt test = t.engine.outreach().sendTest(TestSend.of(script.id(), "ana@example.com"));
        t.engine.tick();

        List<ProviderEventResult> results = t.engine.inbound().providerEvents(List.of(ProviderEvent.builder(
                "open-1", Channel.EMAIL, "recording-email", ProviderEventType.OPENED, t.clock.instant())
                .attemptId(test.id()).recipient("ana@example.com").build()));
        t.clock.advance(Duration.ofHours(1));
        t.engine.tick();

        assertThat(results.get(0).outcome()).isEqualTo(ProviderEventResult.Outcome.APPLIED);
        assertThat(results.get(0).followUpAttemptId()).as("no re-engagement for a test").isEmpty();
        assertThat(t.store.findAttempt(test.id()).orElseThrow().status()).isEqualTo(AttemptStatus.OPENED);
        assertThat(attemptsOf(t, leadId)).as("the lead with the same address is not touched").isEmpty();
        assertThat(t.sms.count()).isZero();
    }

    @Test
    void testSendsAndChecksRefuseBadInputWithTypedExceptions() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        Script sms = t.engine.scripts().create(NewScript.builder(Channel.SMS, "offer", "Hi").campaign(c.id()).build());
        Script shared = t.engine.scripts().create(NewScript.builder(Channel.SMS, "shared", "Hi").build());

        assertThatThrownBy(() -> t.engine.outreach().sendTest(TestSend.of("scr_missing", PHONE)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.outreach().sendTest(TestSend.of(sms.id(), "not a phone")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> t.engine.outreach().sendTest(TestSend.of(shared.id(), PHONE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("campaignId");
        assertThatThrownBy(() -> t.engine.outreach().sendTest(null)).isInstanceOf(ValidationException.class);
        assertThat(t.engine.outreach().sendTest(TestSend.of(shared.id(), PHONE).campaign(c.id())).campaignId())
                .isEqualTo(c.id());
        assertThat(t.engine.outreach().checkConnection(Channel.SMS).status())
                .as("a provider without a check").isEqualTo(ConnectionCheck.Status.UNSUPPORTED);
        assertThatThrownBy(() -> t.engine.outreach().checkConnection(null)).isInstanceOf(ValidationException.class);
    }

    // ---- one-off messages ------------------------------------------------------------------

    @Test
    void aOneOffMessageIsAnAttemptUnderTheContactPolicy() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "spring", b -> b.contactLimit(2));
        String leadId = lead(t, "ana@example.com", PHONE);

        ContactAttempt sms = t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS,
                "Hi {{firstName}}, call us back").requestKey("lead-page-1"));
        assertThat(sms.kind()).isEqualTo(AttemptKind.ONE_OFF);
        assertThat(sms.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(sms.body()).isEqualTo("Hi Ana, call us back");
        assertThat(t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "again")
                .requestKey("lead-page-1")).id()).as("a replayed request").isEqualTo(sms.id());
        String other = lead(t, "bo@example.com", "+14155550124");
        assertThat(t.engine.outreach().sendMessage(OneOffMessage.of(other, c.id(), Channel.SMS, "Hi")
                .requestKey("lead-page-1")).leadId()).as("the same key on another lead's page").isEqualTo(other);
        t.engine.tick();

        assertThat(t.sms.count()).as("one for each lead").isEqualTo(2);
        assertThat(t.sms.sendsPerAttempt()).containsEntry(sms.id(), 1L);
        assertThat(t.store.findAttempt(sms.id()).orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(t.store.findLead(leadId).orElseThrow().contactCount()).isEqualTo(1);
        assertThat(t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTED);

        t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.EMAIL, "Details").subject("Offer"));
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "3rd")))
                .isInstanceOf(ContactRefusedException.class)
                .extracting(e -> ((ContactRefusedException) e).reason()).isEqualTo(RouteDecision.Reason.CONTACT_LIMIT);
        assertThat(attemptsOf(t, leadId)).hasSize(2);
    }

    @Test
    void aOneOffMessageToALeadWhoOptedOutIsRefusedAndBadInputIsTyped() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        String leadId = lead(t, "ana@example.com", PHONE);
        String emailOnly = lead(t, "bo@example.com", null);
        t.engine.leads().doNotContact(leadId);

        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "Hi")))
                .isInstanceOf(ContactRefusedException.class)
                .extracting(e -> ((ContactRefusedException) e).reason()).isEqualTo(RouteDecision.Reason.NOT_CONTACTABLE);
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(emailOnly, c.id(), Channel.SMS,
                "Hi"))).isInstanceOf(ContactRefusedException.class)
                .extracting(e -> ((ContactRefusedException) e).reason())
                .isEqualTo(RouteDecision.Reason.CHANNEL_NOT_VIABLE);
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(emailOnly, c.id(), Channel.EMAIL,
                "Hi"))).as("an email needs a subject").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of("lead_missing", c.id(),
                Channel.SMS, "Hi"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(emailOnly, c.id(), Channel.EMAIL,
                "a\u0000b").subject("x"))).isInstanceOf(ValidationException.class);
        t.engine.campaigns().end(c.id());
        assertThatThrownBy(() -> t.engine.outreach().sendMessage(OneOffMessage.of(emailOnly, c.id(), Channel.EMAIL,
                "Hi").subject("x"))).as("an ended campaign").isInstanceOf(ConflictException.class);
        assertThat(attemptsOf(t, leadId)).isEmpty();
        assertThat(attemptsOf(t, emailOnly)).isEmpty();
    }

    @Test
    void aOneOffMessageOutsideHoursIsQueuedForTheNextAllowedHour() {
        TestEngine t = engine(UnaryOperator.identity());
        Campaign c = campaign(t, "office hours", b -> b.schedule(Schedule.daily(ZoneOffset.UTC, LocalTime.of(12, 0),
                LocalTime.of(18, 0))));
        String leadId = lead(t, "ana@example.com", PHONE);

        ContactAttempt queued = t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "Hi"));
        assertThat(queued.status()).isEqualTo(AttemptStatus.SCHEDULED);
        assertThat(queued.dueAt()).isEqualTo(Instant.parse("2026-01-05T12:00:00Z"));
        t.engine.tick();
        assertThat(t.sms.count()).isZero();

        t.clock.advance(Duration.ofHours(2));
        t.engine.tick();
        assertThat(t.sms.count()).isEqualTo(1);
    }

    // ---- pacing ----------------------------------------------------------------------------

    @Test
    void pacingDefersStepsToTheGapAndTheNextDayNeverDroppingThem() {
        TestEngine t = engine(b -> b.leadPacing(TWO_A_DAY_AN_HOUR_APART));
        Campaign c = campaign(t, "nurture", b -> b.autoAssign(AutoAssignRule.everything()));
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("three touches").campaign(c.id())
                .step(Channel.SMS, 0, DelayUnit.MINUTES)
                .step(Channel.EMAIL, 10, DelayUnit.MINUTES)
                .step(Channel.SMS, 20, DelayUnit.MINUTES).build());
        t.engine.sequences().activate(s.id());
        String leadId = lead(t, "ana@example.com", PHONE);

        t.engine.tick();                                   // 10:00 step 1
        t.clock.advance(Duration.ofMinutes(10));
        t.engine.tick();                                   // 10:10 step 2 is paced to 11:00
        assertThat(t.totalSends()).isEqualTo(1);
        t.clock.advance(Duration.ofMinutes(50));
        t.engine.tick();                                   // 11:00 step 2
        assertThat(t.totalSends()).isEqualTo(2);
        t.clock.advance(Duration.ofMinutes(20));
        t.engine.tick();                                   // 11:20 step 3: the day's two contacts are used
        t.clock.set(Instant.parse("2026-01-05T23:59:00Z"));
        t.engine.tick();
        assertThat(t.totalSends()).isEqualTo(2);
        t.clock.set(Instant.parse("2026-01-06T00:00:00Z"));
        t.engine.tick();                                   // next day
        assertThat(t.totalSends()).isEqualTo(3);

        SequenceEnrollment e = t.store.listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(5))
                .items().get(0);
        List<SequenceStepExecution> deferred = t.store.listExecutions(e.id()).stream()
                .filter(x -> x.status() == ExecutionStatus.DEFERRED).toList();
        assertThat(deferred).extracting(SequenceStepExecution::stepOrder).containsExactly(2, 3);
        assertThat(deferred).allSatisfy(x -> assertThat(x.result()).contains("PACED"));
        assertThat(t.store.listExecutions(e.id())).filteredOn(x -> x.status() == ExecutionStatus.EXECUTED).hasSize(3);
    }

    @Test
    void twoEnginesNeverContactALeadTwiceInsideTheGap() {
        TestEngine a = engine(b -> b.leadPacing(TWO_A_DAY_AN_HOUR_APART).instanceId("engine-a"));
        TestEngine b = TestEngine.sharing(a, x -> x.leadPacing(TWO_A_DAY_AN_HOUR_APART).instanceId("engine-b"));
        for (String name : List.of("first", "second")) {
            Campaign c = campaign(a, name, x -> x.autoAssign(AutoAssignRule.everything()));
            RetentionSequence s = a.engine.sequences().create(NewSequence.builder(name + " sms").campaign(c.id())
                    .step(Channel.SMS, 0, DelayUnit.MINUTES).build());
            a.engine.sequences().activate(s.id());
        }
        String leadId = lead(a, "ana@example.com", PHONE);

        b.engine.tick();
        a.engine.tick();
        b.engine.tick();
        assertThat(a.sms.count() + b.sms.count()).isEqualTo(1);

        a.clock.advance(Duration.ofMinutes(59));
        a.engine.tick();
        b.engine.tick();
        assertThat(a.sms.count() + b.sms.count()).isEqualTo(1);
        a.clock.advance(Duration.ofMinutes(1));
        b.engine.tick();
        a.engine.tick();
        assertThat(a.sms.count() + b.sms.count()).isEqualTo(2);
        assertThat(attemptsOf(a, leadId)).hasSize(2);
    }

    @Test
    void aOneOffMessageIsPacedButATestSendIsNot() {
        TestEngine t = engine(b -> b.leadPacing(TWO_A_DAY_AN_HOUR_APART));
        Campaign c = campaign(t, "spring", UnaryOperator.identity());
        Script script = t.engine.scripts().create(NewScript.builder(Channel.SMS, "offer", "Hi").campaign(c.id())
                .build());
        String leadId = lead(t, "ana@example.com", PHONE);

        ContactAttempt first = t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "One"));
        ContactAttempt test = t.engine.outreach().sendTest(TestSend.of(script.id(), PHONE));
        ContactAttempt second = t.engine.outreach().sendMessage(OneOffMessage.of(leadId, c.id(), Channel.SMS, "Two"));

        assertThat(first.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(test.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(second.status()).isEqualTo(AttemptStatus.SCHEDULED);
        assertThat(second.dueAt()).isEqualTo(t.clock.instant().plus(Duration.ofHours(1)));
    }

    // ---- re-engagement ---------------------------------------------------------------------

    /** A campaign whose one-SMS sequence every lead joins, and a one-EMAIL target sequence outside it. */
    private record Reengagement(TestEngine t, RetentionSequence source, RetentionSequence target) {
        static Reengagement on(TestEngine t) {
            Campaign c = campaign(t, "nurture", b -> b.autoAssign(AutoAssignRule.everything()));
            RetentionSequence source = t.engine.sequences().create(NewSequence.builder("first touch").campaign(c.id())
                    .step(Channel.SMS, 0, DelayUnit.MINUTES).build());
            t.engine.sequences().activate(source.id());
            RetentionSequence target = t.engine.sequences().create(NewSequence.builder("win back")
                    .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
            t.engine.sequences().activate(target.id());
            return new Reengagement(t, source, target);
        }

        List<SequenceEnrollment> inTarget(String leadId) {
            return t.store.listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(10)).items().stream()
                    .filter(e -> e.sequenceId().equals(target.id())).toList();
        }
    }

    @Test
    void leadsThatHaveNotConvertedAfterNHoursMoveIntoTheTargetSequenceOnce() {
        TestEngine t = engine(UnaryOperator.identity());
        Reengagement r = Reengagement.on(t);
        t.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(48),
                r.target().id());
        String waiting = lead(t, "ana@example.com", PHONE);
        String converted = lead(t, "bo@example.com", "+14155550124");
        t.engine.tick();
        t.store.updateLeadStatus(converted, LeadStatus.CONVERTED, t.clock.instant());

        t.clock.advance(Duration.ofHours(47));
        t.engine.tick();
        assertThat(r.inTarget(waiting)).isEmpty();
        t.clock.advance(Duration.ofHours(1));
        t.engine.tick();
        assertThat(r.inTarget(waiting)).hasSize(1);
        assertThat(t.email.count()).as("the target's first step went out in the same tick").isEqualTo(1);
        for (int day = 0; day < 40; day++) {
            t.clock.advance(Duration.ofDays(1));
            t.engine.tick();
        }

        assertThat(r.inTarget(waiting)).as("at most once, even after the cooldown").hasSize(1);
        assertThat(r.inTarget(converted)).isEmpty();
        assertThat(t.email.count()).isEqualTo(1);
    }

    @Test
    void leadsMoveAfterTheSourceSequenceCompletedAndTheCooldownKeepsOthersOut() {
        TestEngine t = engine(UnaryOperator.identity());
        Reengagement r = Reengagement.on(t);
        t.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_COMPLETION, Duration.ofHours(2),
                r.target().id());
        String fresh = lead(t, "ana@example.com", PHONE);
        String recent = lead(t, "bo@example.com", "+14155550124");
        String campaignId = t.store.listEnrollments(EnrollmentQuery.ofLead(recent), PageRequest.first(1)).items()
                .get(0).campaignId();
        SequenceEnrollment earlier = t.engine.sequences().exit(t.engine.sequences().enroll(r.target().id(),
                campaignId, List.of(recent)).rows().get(0).enrollmentId().orElseThrow());
        t.engine.tick();                                   // the source's only step: both complete

        t.clock.advance(Duration.ofMinutes(119));
        t.engine.tick();
        assertThat(r.inTarget(fresh)).isEmpty();
        t.clock.advance(Duration.ofMinutes(1));
        t.engine.tick();

        assertThat(r.inTarget(fresh)).hasSize(1);
        assertThat(r.inTarget(recent)).as("inside the target's cooldown").hasSize(1)
                .extracting(SequenceEnrollment::id).containsExactly(earlier.id());
        assertThat(t.engine.reengagement().list()).hasSize(1);
    }

    @Test
    void aNewRuleMovesLeadsOfTheLastWeekOnly() {
        TestEngine t = engine(UnaryOperator.identity());
        Reengagement r = Reengagement.on(t);
        String old = lead(t, "ana@example.com", PHONE);
        t.clock.advance(Duration.ofDays(7));
        String recent = lead(t, "bo@example.com", "+14155550124");
        t.engine.tick();
        t.clock.advance(Duration.ofDays(1));

        t.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(1),
                r.target().id());
        t.engine.tick();

        assertThat(r.inTarget(recent)).hasSize(1);
        assertThat(r.inTarget(old)).as("anchored more than a week before its due time").isEmpty();
    }

    @Test
    void twoEnginesMoveALeadOnce() {
        TestEngine a = engine(b -> b.instanceId("engine-a"));
        TestEngine b = TestEngine.sharing(a, x -> x.instanceId("engine-b"));
        Reengagement r = Reengagement.on(a);
        a.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(1),
                r.target().id());
        String leadId = lead(a, "ana@example.com", PHONE);
        a.engine.tick();

        a.clock.advance(Duration.ofHours(1));
        b.engine.tick();
        a.engine.tick();
        b.engine.tick();

        assertThat(r.inTarget(leadId)).hasSize(1);
        assertThat(a.email.count() + b.email.count()).isEqualTo(1);
    }

    @Test
    void reengagementRulesRefuseBadInputWithTypedExceptions() {
        TestEngine t = engine(UnaryOperator.identity());
        Reengagement r = Reengagement.on(t);

        assertThatThrownBy(() -> t.engine.reengagement().create("seq_missing", ReengagementTrigger.AFTER_ENROLLMENT,
                Duration.ofHours(1), r.target().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_ENROLLMENT,
                Duration.ofHours(-1), r.target().id())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.reengagement().create(r.source().id(), null, Duration.ofHours(1),
                r.target().id())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.reengagement().create(r.source().id(), ReengagementTrigger.AFTER_ENROLLMENT,
                Duration.ofHours(1), r.source().id())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.reengagement().delete("rer_missing")).isInstanceOf(NotFoundException.class);
        assertThat(t.engine.reengagement().list()).isEmpty();
    }
}
