package io.retentioncenter.examples;

import io.retentioncenter.channels.instantly.InstantlyEmailProvider;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomSmsProvider;
import io.retentioncenter.channels.vapi.VapiCallProvider;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.TickLoop;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.learning.experiment.SequentialExperimentJudge;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The README's embedding example, kept here so that it always compiles. It shows the wiring only;
 * the credentials are the host's configuration.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** Builds and starts an engine the way the README shows. */
    public static RetentionEngine start(ScheduledExecutorService scheduler, String instantlyKey,
            String instantlyCampaign, String smsKey, String vapiKey, String assistant, String number,
            String verifyToken, String appSecret, String pageToken, String postbackSecret) {
        RetentionEngine engine = RetentionEngine.builder()
                .store(new InMemoryRetentionStore())            // JdbiRetentionStore.create(dataSource) in production
                .clock(Clock.systemUTC())
                .channel(InstantlyEmailProvider.builder().apiKey(instantlyKey).campaignId(instantlyCampaign).build())
                .channel(TwentyThreeTelecomSmsProvider.builder().apiKey(smsKey).senderId("ExampleCo").build())
                .channel(VapiCallProvider.builder().apiKey(vapiKey).assistantId(assistant).phoneNumberId(number).build())
                .metaWebhooks(MetaWebhooks.builder().verifyToken(verifyToken).appSecret(appSecret).build())
                .graphLeads(GraphLeadClient.builder().pageAccessToken(pageToken).build()) // Meta sends lead ids only
                .keitaro(KeitaroPostbackParser.builder().sharedSecret(postbackSecret).build())
                .experimentJudge(new SequentialExperimentJudge())
                .build();

        Campaign campaign = engine.campaigns().declare("fb-es", NewCampaign.builder("FB ES retention").contactLimit(6).build());
        engine.scripts().declare("welcome", NewScript.builder(Channel.EMAIL, "welcome", "Hi {{firstName|there}}!").subject("Welcome").build());
        RetentionSequence nurture = engine.sequences().declare("nurture", NewSequence.builder("Nurture").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 12, DelayUnit.HOURS).build());
        engine.sequences().activate(nurture.id());

        engine.leads().ingest(NewLead.of(LeadSource.API, "maria@example.com", "+14155550123")); // dedupe + route + enroll
        TickLoop ticks = engine.schedule(scheduler, Duration.ofSeconds(30)); // your scheduler; survives failures
        // on shutdown: ticks.stop(Duration.ofSeconds(60));
        return engine;
    }
}
