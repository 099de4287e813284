package io.retentioncenter.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Step timing: the flagship timeline read as a marketer reads it (day 7 is day 7) or step after step, and steps switched off. */
class StepTimingTest {

    /** Hours after enrollment at which each step executed, ticking every hour for 20 days. */
    private static List<Long> executedHours(UnaryOperator<NewSequence.Builder> steps) {
        TestEngine t = TestEngine.create().withDefaultScripts();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").autoAssign(AutoAssignRule.everything())
                .contactLimit(6).build());
        t.engine.sequences().activate(t.engine.sequences().create(steps.apply(NewSequence.builder("flagship")
                .campaign(c.id())).build()).id());
        String lead = t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana@example.com")
                .phone("+14155550123").build()).lead().id();
        for (int hour = 0; hour < 20 * 24; hour++) {
            t.engine.tick();
            t.clock.advance(Duration.ofHours(1));
        }
        SequenceEnrollment e = t.engine.sequences().enrollments(EnrollmentQuery.ofLead(lead), PageRequest.first(1))
                .items().get(0);
        return t.engine.sequences().executions(e.id()).stream()
                .filter(x -> x.status() == ExecutionStatus.EXECUTED)
                .map(x -> Duration.between(e.enrolledAt(), x.executedAt()).toHours()).toList();
    }

    @Test
    void stepsAnchoredToTheEnrollmentRunOnTheTimelineDays() {
        List<Long> hours = executedHours(b -> b.stepAfterEnrollment(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .stepAfterEnrollment(Channel.SMS, 12, DelayUnit.HOURS)
                .stepAfterEnrollment(Channel.EMAIL, 24, DelayUnit.HOURS)
                .stepAfterEnrollment(Channel.CALL, 2, DelayUnit.DAYS)
                .stepAfterEnrollment(Channel.SMS, 5, DelayUnit.DAYS)
                .stepAfterEnrollment(Channel.EMAIL, 7, DelayUnit.DAYS));

        assertThat(hours).containsExactly(0L, 12L, 24L, 48L, 120L, 168L);
    }

    @Test
    void stepsAnchoredToThePreviousStepAddUpTheirDelays() {
        List<Long> hours = executedHours(b -> b.step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(Channel.SMS, 12, DelayUnit.HOURS).step(Channel.EMAIL, 24, DelayUnit.HOURS)
                .step(Channel.CALL, 2, DelayUnit.DAYS).step(Channel.SMS, 5, DelayUnit.DAYS)
                .step(Channel.EMAIL, 7, DelayUnit.DAYS));

        assertThat(hours).containsExactly(0L, 12L, 36L, 84L, 204L, 372L); // the "7 d" email at day 15.5
    }

    @Test
    void aStepSwitchedOffIsSkippedAndTheSequenceMovesOn() {
        TestEngine t = TestEngine.create().withDefaultScripts();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").autoAssign(AutoAssignRule.everything())
                .contactLimit(6).build());
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("three").campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 1, DelayUnit.HOURS)
                .step(Channel.EMAIL, 1, DelayUnit.HOURS).build());
        t.engine.sequences().activate(s.id());
        assertThat(t.engine.sequences().setStepEnabled(s.id(), 2, false).steps().get(1).enabled()).isFalse();
        t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana@example.com").phone("+14155550123")
                .build());

        for (int hour = 0; hour < 4; hour++) {
            t.engine.tick();
            t.clock.advance(Duration.ofHours(1));
        }

        assertThat(t.sms.count()).isZero();
        assertThat(t.email.count()).isEqualTo(2);
        assertThat(t.engine.sequences().stats(s.id()).executions(2, ExecutionStatus.SKIPPED)).isEqualTo(1);
        assertThat(t.engine.sequences().setStepEnabled(s.id(), 2, true).steps().get(1).enabled()).isTrue();
    }
}
