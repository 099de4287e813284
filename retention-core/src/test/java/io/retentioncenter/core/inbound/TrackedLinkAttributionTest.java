package io.retentioncenter.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.support.TestEngine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An SMS carries its attempt id in a tracked link, and Keitaro's postback finds the attempt through it. */
class TrackedLinkAttributionTest {
    private final TestEngine t = TestEngine.create(b -> b.keitaro(KeitaroPostbackParser.builder()
            .sharedSecret("pb").build()));

    private String leadWithOneSms() {
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("offer").autoAssign(AutoAssignRule.everything())
                .setting("trackedLink", "https://trk.example.com/click?sub_id={attemptId}&lead={leadId}").build());
        t.engine.scripts().create(NewScript.builder(Channel.SMS, "sms", "Hi! {{trackedLink}} (ref {{attemptId}})")
                .campaign(c.id()).build());
        t.engine.sequences().activate(t.engine.sequences().create(NewSequence.builder("s").campaign(c.id())
                .step(Channel.SMS, 0, DelayUnit.MINUTES).build()).id());
        String lead = t.engine.leads().ingest(NewLead.builder(LeadSource.API).phone("+14155550123").build())
                .lead().id();
        t.engine.tick();
        return lead;
    }

    @Test
    void theSmsCarriesItsAttemptIdAndThePostbackMatchesIt() {
        String lead = leadWithOneSms();
        OutboundMessage sms = t.sms.sent().get(0);
        ContactAttempt attempt = t.store.attemptsOfLead(lead).get(0);

        assertThat(sms.body()).isEqualTo("Hi! https://trk.example.com/click?sub_id=" + attempt.id() + "&lead=" + lead
                + " (ref " + attempt.id() + ")");
        assertThat(sms.variables()).containsEntry("attemptId", attempt.id());

        KeitaroResult r = t.engine.inbound().keitaro(java.util.Map.of("sub_id", attempt.id(), "status", "sale",
                "tid", "t1", "secret", "pb"), Optional.empty());
        assertThat(r.outcome()).isEqualTo(KeitaroResult.Outcome.CREATED);
        assertThat(t.store.conversionsOfLead(lead)).singleElement()
                .satisfies(c -> assertThat(c.attemptId()).contains(attempt.id()));
    }

    @Test
    void aPostbackNamingTheLeadIdIsMatchedToo() {
        String lead = leadWithOneSms();

        KeitaroResult r = t.engine.inbound().keitaro(java.util.Map.of("sub_id", lead, "status", "lead",
                "secret", "pb"), Optional.empty());

        assertThat(r.outcome()).isNotEqualTo(KeitaroResult.Outcome.UNMATCHED);
        assertThat(t.store.conversionsOfLead(lead)).hasSize(1);
    }
}
