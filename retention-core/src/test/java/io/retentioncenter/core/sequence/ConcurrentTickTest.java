package io.retentioncenter.core.sequence;

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
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import org.junit.jupiter.api.Test;

/**
 * A tick whose batches run on several workers at once ({@code tickConcurrency}) sends every step of
 * every due enrollment exactly once and reports them all, as one worker would.
 */
class ConcurrentTickTest {
    private static final int LEADS = 300;

    @Test
    void workersOfOneTickSendEveryStepExactlyOnce() {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RecordingChannelProvider provider = RecordingChannelProvider.of(Channel.EMAIL);
        RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock)
                .channel(provider).batchSize(7).tickConcurrency(4).build();
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("parallel").contactLimit(10)
                .autoAssign(AutoAssignRule.everything()).build());
        engine.sequences().activate(engine.sequences().create(NewSequence.builder("two").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        for (int i = 0; i < LEADS; i++) {
            engine.leads().ingest(NewLead.builder(LeadSource.API).email("p" + i + "@example.com").firstName("P" + i)
                    .build());
        }

        int executed = 0;
        int sent = 0;
        TickResult r;
        do {
            r = engine.tick();
            executed += r.executed();
            sent += r.sent();
        } while (!r.idle());

        assertThat(executed).isEqualTo(2 * LEADS);
        assertThat(sent).isEqualTo(2 * LEADS);
        assertThat(provider.sendsPerKey()).hasSize(2 * LEADS);
        assertThat(provider.sendsPerKey().values()).allMatch(n -> n == 1);
    }
}
