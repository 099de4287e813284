package io.retentioncenter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.support.TestEngine;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every management entry point answers bad arguments with a typed exception and stores nothing. */
class ManagementBadInputTest {
    private final TestEngine t = TestEngine.create();

    private long configVersion() {
        return t.store.configVersion();
    }

    @Test
    void engineBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> RetentionEngine.builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("store");
        assertThatThrownBy(() -> RetentionEngine.builder().store(t.store).batchSize(0))
                .as("thrown by the setter").isInstanceOf(ConfigurationException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> RetentionEngine.builder().tickConcurrency(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tickConcurrency");
        assertThatThrownBy(() -> RetentionEngine.builder().retryBackoff(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> RetentionEngine.builder().instanceId(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> RetentionEngine.builder().store(t.store).dispatchTimeout(Duration.ofMinutes(10))
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("dispatchTimeout");
        assertThatThrownBy(() -> RetentionEngine.builder().channel(RecordingChannelProvider.of(Channel.SMS))
                .channel(RecordingChannelProvider.of(Channel.SMS))).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> RetentionEngine.builder().defaultRegion("XX"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("defaultRegion");
        assertThat(RetentionEngine.builder().store(t.store).defaultRegion("es").build().settings().defaultRegion())
                .isEqualTo("ES");
        assertThatThrownBy(() -> RetentionEngine.builder().clock(null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void campaignArguments() {
        long before = configVersion();
        assertThatThrownBy(() -> t.engine.campaigns().create(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewCampaign.builder(" ").build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewCampaign.builder("c").contactLimit(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RateLimit.perHour(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.campaigns().create(NewCampaign.builder("c").sequence("seq_missing").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.campaigns().pause("cmp_missing")).isInstanceOf(NotFoundException.class);
        assertThat(configVersion()).isEqualTo(before);
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").build());
        t.engine.campaigns().end(c.id());
        assertThatThrownBy(() -> t.engine.campaigns().resume(c.id()))
                .isInstanceOf(io.retentioncenter.core.IllegalStateTransitionException.class);
    }

    @Test
    void scriptArguments() {
        long before = configVersion();
        assertThatThrownBy(() -> NewScript.builder(Channel.SMS, "s", " ").build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewScript.builder(null, "s", "body").build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.scripts().create(NewScript.builder(Channel.SMS, "s", "b")
                .campaign("cmp_missing").build())).isInstanceOf(NotFoundException.class);
        assertThat(configVersion()).isEqualTo(before);
        Script s = t.engine.scripts().create(NewScript.builder(Channel.SMS, "s", "b").build());
        assertThatThrownBy(() -> t.engine.scripts().update(new Script(s.id(), "s", Channel.EMAIL, Optional.empty(),
                Optional.empty(), "b", java.util.Map.of()))).isInstanceOf(ValidationException.class);
    }

    @Test
    void sequenceArguments() {
        Script sms = t.engine.scripts().create(NewScript.builder(Channel.SMS, "s", "b").build());
        long before = configVersion();
        assertThatThrownBy(() -> t.engine.sequences().create(NewSequence.builder("s").campaign("cmp_missing").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.sequences().create(NewSequence.builder("s").step(new SequenceStep(1,
                Channel.EMAIL, 0, DelayUnit.HOURS, Optional.of(sms.id()), Set.of(), 1)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("step.scriptId"));
        assertThatThrownBy(() -> SequenceStep.of(1, Channel.SMS, -1, DelayUnit.HOURS))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewSequence.builder("s").reenrollCooldown(Duration.ofDays(-1)).build())
                .isInstanceOf(ValidationException.class);
        assertThat(configVersion()).isEqualTo(before);
        var seq = t.engine.sequences().create(NewSequence.builder("s").step(Channel.SMS, 0, DelayUnit.HOURS).build());
        assertThatThrownBy(() -> t.engine.sequences().removeStep(seq.id(), 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.sequences().enroll(seq.id(), List.of("lead_x")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.sequences().get("seq_missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.sequences().enrollment("enr_missing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEndedCampaignEnrollsNoOne() {
        var seq = t.engine.sequences().create(NewSequence.builder("s").step(Channel.SMS, 0, DelayUnit.HOURS).build());
        t.engine.sequences().activate(seq.id());
        Campaign ended = t.engine.campaigns().create(NewCampaign.builder("c").build());
        t.engine.campaigns().end(ended.id());

        assertThatThrownBy(() -> t.engine.sequences().enroll(seq.id(), ended.id(), List.of("lead_x")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ENDED");
        assertThat(t.store.listEnrollments(io.retentioncenter.core.sequence.EnrollmentQuery.all(),
                io.retentioncenter.core.PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void experimentArguments() {
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").build());
        Script a = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "a", "A").build());
        Script sms = t.engine.scripts().create(NewScript.builder(Channel.SMS, "s", "S").build());
        long before = configVersion();
        assertThatThrownBy(() -> t.engine.experiments().start(c.id(), Channel.EMAIL, List.of(new Variant("A", a.id(), 1))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("A", a.id(), 1)))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", sms.id(), 1)))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Variant("A", a.id(), 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.experiments().start("cmp_missing", Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", a.id(), 1)))).isInstanceOf(NotFoundException.class);
        assertThat(configVersion()).isEqualTo(before);
        var test = t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", a.id(), 1)));
        assertThatThrownBy(() -> t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", a.id(), 1)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.engine.experiments().stop(test.id(), Optional.of("C")))
                .isInstanceOf(ValidationException.class);
    }
}
