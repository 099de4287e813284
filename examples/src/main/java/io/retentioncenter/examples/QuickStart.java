package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.testing.RecordingChannelProvider;

public class QuickStart {
    public static void main(String[] args) {
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL); // records instead of sending
        RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).channel(email).build();

        Campaign campaign = engine.campaigns().declare("welcome", NewCampaign.builder("Welcome").build());
        engine.scripts().declare("hello", NewScript.builder(Channel.EMAIL, "hello", "Hi {{firstName|there}}!")
                .subject("Welcome").build());
        engine.sequences().activate(engine.sequences().declare("welcome", NewSequence.builder("Welcome")
                .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());

        engine.leads().ingest(NewLead.of(LeadSource.API, "maria@example.com", "+14155550123"));
        engine.tick();
        System.out.println(email.count() + " email sent: " + email.sent().get(0).body());
    }
}
