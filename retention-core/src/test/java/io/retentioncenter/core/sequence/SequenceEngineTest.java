package io.retentioncenter.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceEngineTest {

    private static SequenceEnrollment only(SequenceFixture f, String leadId) {
        return f.t.engine.sequences().enrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(10)).items().get(0);
    }

    @Test
    void runsEveryStepAtItsDelayCountedFromTheActualExecution() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", "+14155550123");
        TickResult first = f.t.engine.tick();
        assertThat(first.executed()).isEqualTo(1);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(f.t.email.count()).isEqualTo(1);

        // 11h59m later nothing is due; at 12h the SMS goes.
        f.t.clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(f.t.engine.tick().executed()).isZero();
        f.t.clock.advance(Duration.ofMinutes(1));
        assertThat(f.t.engine.tick().executed()).isEqualTo(1);
        assertThat(f.t.sms.count()).isEqualTo(1);

        // Run late: the next delay counts from when the SMS actually ran.
        SequenceEnrollment e = only(f, lead);
        assertThat(e.currentStep()).isEqualTo(3);
        assertThat(e.nextExecuteAt()).isEqualTo(f.t.clock.instant().plus(Duration.ofHours(24)));

        for (int day = 0; day < 20; day++) {
            f.t.clock.advance(Duration.ofHours(6));
            f.t.engine.tick();
            f.t.clock.advance(Duration.ofHours(18));
            f.t.engine.tick();
        }
        assertThat(f.t.email.count()).isEqualTo(3);
        assertThat(f.t.sms.count()).isEqualTo(2);
        assertThat(f.t.call.count()).isEqualTo(1);
        SequenceEnrollment done = only(f, lead);
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(done.completedSteps()).isEqualTo(6);
        SequenceStats stats = f.t.engine.sequences().stats(f.sequence.id());
        assertThat(stats.enrollments(EnrollmentStatus.COMPLETED)).isEqualTo(1);
        for (int step = 1; step <= 6; step++) {
            assertThat(stats.executions(step, ExecutionStatus.EXECUTED)).as("step %d", step).isEqualTo(1);
        }
    }

    @Test
    void tickingTwiceNeverSendsTwice() {
        SequenceFixture f = SequenceFixture.create();
        for (int i = 0; i < 20; i++) {
            f.ingest("l" + i + "@example.com", null);
        }
        f.t.engine.tick();
        f.t.engine.tick();
        assertThat(f.t.email.count()).isEqualTo(20);
        assertThat(f.t.email.sendsPerAttempt().values()).allMatch(n -> n == 1);
    }

    @Test
    void stepForAChannelTheLeadLacksIsSkippedNotFailed() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", null);
        f.t.engine.tick();
        f.t.clock.advance(Duration.ofHours(12));
        TickResult r = f.t.engine.tick();
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(f.t.sms.count()).isZero();
        assertThat(f.t.engine.sequences().executions(only(f, lead).id()))
                .extracting(SequenceStepExecution::status, SequenceStepExecution::result)
                .contains(org.assertj.core.groups.Tuple.tuple(ExecutionStatus.SKIPPED, "channel-not-viable"));
    }

    @Test
    void falseConditionSkipsTheStep() {
        TestEngine t = TestEngine.create().withDefaultScripts();
        var c = t.engine.campaigns().create(io.retentioncenter.core.campaign.NewCampaign.builder("c").build());
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("cond").campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(new SequenceStep(2, Channel.EMAIL, 1, DelayUnit.HOURS, Optional.empty(),
                        Set.of(StepCondition.EMAIL_NOT_OPENED), 2))
                .build());
        t.engine.sequences().activate(s.id());
        String opened = t.engine.leads().ingest(io.retentioncenter.core.lead.NewLead.of(
                io.retentioncenter.core.lead.LeadSource.API, "opened@example.com", null)).lead().id();
        t.engine.leads().ingest(io.retentioncenter.core.lead.NewLead.of(
                io.retentioncenter.core.lead.LeadSource.API, "quiet@example.com", null));
        t.engine.tick();
        ContactAttempt firstMail = t.store.attemptsOfLead(opened).get(0);
        t.store.advanceAttempt(new io.retentioncenter.core.contact.AttemptChange(firstMail.id(), AttemptStatus.OPENED,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()), t.clock.instant());
        t.clock.advance(Duration.ofHours(1));
        TickResult r = t.engine.tick();
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.executed()).isEqualTo(1);
        assertThat(t.store.attemptsOfLead(opened)).hasSize(1);
    }

    @Test
    void outsideHoursDefersAndNeverSkips() {
        SequenceFixture f = new SequenceFixture(TestEngine.create(), b -> b.schedule(
                Schedule.daily(ZoneId.of("UTC"), LocalTime.of(12, 0), LocalTime.of(14, 0))));
        String lead = f.ingest("ana@example.com", null);
        TickResult r = f.t.engine.tick();
        assertThat(r.deferred()).isEqualTo(1);
        assertThat(f.t.email.count()).isZero();
        assertThat(only(f, lead).nextExecuteAt()).isEqualTo(Instant.parse("2026-01-05T12:00:00Z"));
        f.t.clock.set(Instant.parse("2026-01-05T12:00:00Z"));
        assertThat(f.t.engine.tick().executed()).isEqualTo(1);
        assertThat(f.t.email.count()).isEqualTo(1);
    }

    @Test
    void providerFailureRetriesWithBackoffThenFailsTheStepAndMovesOn() {
        SequenceFixture f = SequenceFixture.create();
        f.t.email.respondWith(m -> SendResult.retryableFailure("503 from provider", Optional.empty()));
        String lead = f.ingest("ana@example.com", null);
        TickResult r = f.t.engine.tick();
        assertThat(r.retried()).isEqualTo(1);
        f.t.clock.advance(Duration.ofMinutes(1));
        assertThat(f.t.engine.tick().retried()).isEqualTo(1);
        f.t.clock.advance(Duration.ofMinutes(1));
        assertThat(f.t.engine.tick().retried()).isZero();
        f.t.clock.advance(Duration.ofMinutes(1));
        assertThat(f.t.engine.tick().failed()).isEqualTo(1);
        assertThat(f.t.email.count()).isEqualTo(3);
        assertThat(f.t.email.sendsPerKey().keySet()).hasSize(3);
        ContactAttempt a = f.t.store.attemptsOfLead(lead).get(0);
        assertThat(a.status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(a.tryNumber()).isEqualTo(3);
        assertThat(f.t.engine.sequences().executions(only(f, lead).id()).get(0).status())
                .isEqualTo(ExecutionStatus.FAILED);
        assertThat(only(f, lead).currentStep()).isEqualTo(2);
    }

    @Test
    void permanentFailureIsNotRetried() {
        SequenceFixture f = SequenceFixture.create();
        f.t.email.respondWith(m -> SendResult.permanentFailure("400 invalid email"));
        f.ingest("ana@example.com", null);
        assertThat(f.t.engine.tick().failed()).isEqualTo(1);
        f.t.clock.advance(Duration.ofHours(1));
        f.t.engine.tick();
        assertThat(f.t.email.count()).isEqualTo(1);
    }

    @Test
    void leadThatOptedOutExitsAndReceivesNothingMore() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", "+14155550123");
        f.t.engine.tick();
        f.t.engine.leads().doNotContact(lead);
        f.t.clock.advance(Duration.ofDays(30));
        f.t.engine.tick();
        assertThat(f.t.totalSends()).isEqualTo(1);
        SequenceEnrollment e = only(f, lead);
        assertThat(e.status()).isEqualTo(EnrollmentStatus.EXITED);
        assertThat(e.exitReason()).contains(ExitReason.OPTED_OUT);
    }

    @Test
    void convertedLeadIsExitedAtTheNextClaim() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", "+14155550123");
        f.t.engine.tick();
        f.t.store.updateLeadStatus(lead, LeadStatus.CONVERTED, f.t.clock.instant());
        f.t.clock.advance(Duration.ofDays(1));
        TickResult r = f.t.engine.tick();
        assertThat(r.exited()).isEqualTo(1);
        assertThat(only(f, lead).status()).isEqualTo(EnrollmentStatus.CONVERTED);
        assertThat(f.t.totalSends()).isEqualTo(1);
    }

    @Test
    void pausedCampaignHoldsAndResumeSpreadsOverdueSteps() {
        SequenceFixture f = SequenceFixture.create();
        for (int i = 0; i < 10; i++) {
            f.ingest("p" + i + "@example.com", "+1415555020" + i);
        }
        f.t.engine.tick();
        f.t.engine.campaigns().pause(f.campaign.id());
        f.t.clock.advance(Duration.ofDays(1));
        TickResult held = f.t.engine.tick();
        assertThat(held.held()).isEqualTo(10);
        assertThat(f.t.sms.count()).isZero();
        f.t.engine.campaigns().resume(f.campaign.id());
        TickResult afterResume = f.t.engine.tick();
        assertThat(afterResume.executed()).isEqualTo(1);
        f.t.clock.advance(Duration.ofMinutes(59));
        f.t.engine.tick();
        assertThat(f.t.sms.count()).isEqualTo(10);
    }

    @Test
    void endedCampaignExitsItsEnrollments() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", null);
        f.t.engine.tick();
        f.t.engine.campaigns().end(f.campaign.id());
        f.t.clock.advance(Duration.ofDays(10));
        f.t.engine.tick();
        assertThat(only(f, lead).exitReason()).contains(ExitReason.CAMPAIGN_ENDED);
        assertThat(f.t.totalSends()).isEqualTo(1);
    }

    @Test
    void contactLimitExitsTheEnrollment() {
        SequenceFixture f = new SequenceFixture(TestEngine.create(), b -> b.contactLimit(2));
        String lead = f.ingest("ana@example.com", "+14155550123");
        for (int i = 0; i < 10; i++) {
            f.t.engine.tick();
            f.t.clock.advance(Duration.ofDays(1));
        }
        assertThat(f.t.totalSends()).isEqualTo(2);
        assertThat(only(f, lead).exitReason()).contains(ExitReason.CONTACT_LIMIT);
    }

    @Test
    void twoEnginesTickingTogetherSendEachStepOnce() throws Exception {
        SequenceFixture f = SequenceFixture.create();
        TestEngine second = TestEngine.sharing(f.t, b -> b);
        for (int i = 0; i < 300; i++) {
            f.ingest("c" + i + "@example.com", null);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(f.t.engine::tick);
            var b = pool.submit(second.engine::tick);
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.t.email.count() + second.email.count()).isEqualTo(300);
        java.util.Set<String> keys = new java.util.HashSet<>(f.t.email.sendsPerKey().keySet());
        keys.retainAll(second.email.sendsPerKey().keySet());
        assertThat(keys).isEmpty();
    }

    @Test
    void managementRules() {
        SequenceFixture f = SequenceFixture.create();
        assertThatThrownBy(() -> f.t.engine.sequences().delete(f.sequence.id())).isInstanceOf(ConflictException.class);
        RetentionSequence draft = f.t.engine.sequences().create(NewSequence.builder("draft")
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
        f.t.engine.sequences().delete(draft.id());
        assertThat(f.t.engine.sequences().list()).extracting(RetentionSequence::id).containsExactly(f.sequence.id());
        RetentionSequence edited = f.t.engine.sequences().removeStep(f.sequence.id(), 2);
        assertThat(edited.steps()).extracting(SequenceStep::channel).containsExactly(Channel.EMAIL, Channel.EMAIL,
                Channel.CALL, Channel.SMS, Channel.EMAIL);
        assertThat(edited.steps()).extracting(SequenceStep::order).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void reEnrollmentIsRefusedInsideTheCooldown() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", null);
        BulkEnrollReport again = f.t.engine.sequences().enroll(f.sequence.id(), List.of(lead));
        assertThat(again.rows().get(0).outcome()).isEqualTo(EnrollResult.Outcome.ALREADY_ENROLLED);
        f.t.engine.sequences().exit(only(f, lead).id());
        f.t.clock.advance(Duration.ofDays(29));
        assertThat(f.t.engine.sequences().enroll(f.sequence.id(), List.of(lead)).rows().get(0).outcome())
                .isEqualTo(EnrollResult.Outcome.COOLDOWN);
        f.t.clock.advance(Duration.ofDays(2));
        assertThat(f.t.engine.sequences().enroll(f.sequence.id(), List.of(lead)).rows().get(0).outcome())
                .isEqualTo(EnrollResult.Outcome.ENROLLED);
    }

    @Test
    void campaignWithoutSequenceRunsTheOneShotSequence() {
        TestEngine t = TestEngine.create().withDefaultScripts();
        t.engine.campaigns().create(io.retentioncenter.core.campaign.NewCampaign.builder("plain").build());
        t.engine.leads().ingest(io.retentioncenter.core.lead.NewLead.of(io.retentioncenter.core.lead.LeadSource.API,
                "ana@example.com", "+14155550123"));
        t.engine.leads().ingest(io.retentioncenter.core.lead.NewLead.of(io.retentioncenter.core.lead.LeadSource.API,
                "bob@example.com", null));
        TickResult r = t.engine.tick();
        assertThat(t.email.count()).isEqualTo(2);
        assertThat(t.sms.count()).isEqualTo(1);
        assertThat(t.call.count()).isEqualTo(1);
        assertThat(r.completed() + r.executed() + r.skipped()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void editingAnActiveSequenceAppliesFromEachEnrollmentsNextStep() {
        SequenceFixture f = SequenceFixture.create();
        String lead = f.ingest("ana@example.com", "+14155550123");
        f.t.engine.tick();                                      // step 1 (EMAIL) ran
        f.t.engine.sequences().updateStep(f.sequence.id(), 2, SequenceStep.of(2, Channel.CALL, 1, DelayUnit.HOURS));
        f.t.clock.advance(Duration.ofHours(12));
        f.t.engine.tick();                                      // the edited step 2 ran as a CALL
        assertThat(f.t.call.count()).isEqualTo(1);
        assertThat(f.t.sms.count()).isZero();
        assertThat(f.t.email.count()).as("executed steps never run again").isEqualTo(1);
        for (int i = 6; i >= 3; i--) {
            f.t.engine.sequences().removeStep(f.sequence.id(), i);
        }
        f.t.clock.advance(Duration.ofDays(3));
        TickResult r = f.t.engine.tick();
        assertThat(r.completed()).as("its next step no longer exists").isEqualTo(1);
        assertThat(only(f, lead).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }
}
