package io.retentioncenter.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.support.TestEngine;
import org.junit.jupiter.api.Test;

/** A sequence that would enroll leads and complete them without a single contact is refused. */
class SequenceWithoutStepsTest {
    private final TestEngine t = TestEngine.create();
    private final Campaign campaign = t.engine.campaigns().create(NewCampaign.builder("c").build());

    @Test
    void aSequenceWithoutStepsCannotBeActivated() {
        RetentionSequence empty = t.engine.sequences().create(NewSequence.builder("empty").campaign(campaign.id())
                .build());

        assertThatThrownBy(() -> t.engine.sequences().activate(empty.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no steps");
        assertThat(t.engine.sequences().get(empty.id()).status()).isEqualTo(SequenceStatus.DRAFT);
    }

    @Test
    void theOnlyStepOfAnActiveSequenceCannotBeRemoved() {
        RetentionSequence one = t.engine.sequences().create(NewSequence.builder("one").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
        t.engine.sequences().activate(one.id());

        assertThatThrownBy(() -> t.engine.sequences().removeStep(one.id(), 1)).isInstanceOf(ConflictException.class);
        assertThat(t.engine.sequences().get(one.id()).steps()).hasSize(1);
        t.engine.sequences().archive(one.id());
        assertThat(t.engine.sequences().removeStep(one.id(), 1).steps()).isEmpty();
    }
}
