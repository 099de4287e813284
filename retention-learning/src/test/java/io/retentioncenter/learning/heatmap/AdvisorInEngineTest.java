package io.retentioncenter.learning.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdvisorInEngineTest {

    @Test
    void theEngineHoldsASequenceStepUntilTheHeatmapsBestSlot() {
        HeatmapTally tally = new HeatmapTally();
        Instant monday = Instant.parse("2026-01-05T00:00:00Z");
        for (int slot = 0; slot < 168; slot++) {
            for (int i = 0; i < 10; i++) {
                tally.add(monday.plus(Duration.ofHours(slot)), ZoneOffset.UTC, slot == 18 ? i < 5 : i == 0);
            }
        }
        HeatmapSendTimeAdvisor advisor = HeatmapSendTimeAdvisor.builder(tally.heatmap(20)).explorationShare(0)
                .minSends(1000).build();
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
        RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock)
                .channel(email).sendTimeAdvisor(advisor).build();
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "welcome", "Hi {{firstName|there}}").subject("Hi").build());
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("c").autoAssign(AutoAssignRule.everything())
                .build());
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder("welcome").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
        engine.sequences().activate(sequence.id());
        engine.leads().ingest(NewLead.of(LeadSource.API, "ana@example.com", null));

        engine.tick();
        assertThat(email.count()).as("10:00 converts worse than 18:00").isZero();
        clock.set(Instant.parse("2026-01-05T17:59:00Z"));
        engine.tick();
        assertThat(email.count()).isZero();
        clock.set(Instant.parse("2026-01-05T18:00:00Z"));
        engine.tick();
        assertThat(email.count()).isEqualTo(1);
    }
}
