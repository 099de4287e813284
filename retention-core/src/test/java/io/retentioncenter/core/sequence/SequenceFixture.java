package io.retentioncenter.core.sequence;

import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.support.TestEngine;
import java.util.function.UnaryOperator;

/** The seed's example sequence on a campaign that auto-assigns every lead. */
final class SequenceFixture {
    final TestEngine t;
    final Campaign campaign;
    final RetentionSequence sequence;

    SequenceFixture(TestEngine t, UnaryOperator<NewCampaign.Builder> campaignSettings) {
        this.t = t.withDefaultScripts();
        Campaign c = t.engine.campaigns().create(campaignSettings.apply(NewCampaign.builder("nurture")
                .autoAssign(AutoAssignRule.everything())).build());
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("New Meta Lead Nurture")
                .campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(Channel.SMS, 12, DelayUnit.HOURS)
                .step(Channel.EMAIL, 24, DelayUnit.HOURS)
                .step(Channel.CALL, 2, DelayUnit.DAYS)
                .step(Channel.SMS, 5, DelayUnit.DAYS)
                .step(Channel.EMAIL, 7, DelayUnit.DAYS)
                .build());
        this.sequence = t.engine.sequences().activate(s.id());
        this.campaign = c;
    }

    /** The fixture with a contact limit of 6, so all six touches can go out. */
    static SequenceFixture create() {
        return new SequenceFixture(TestEngine.create(), b -> b.contactLimit(6));
    }

    String ingest(String email, String phone) {
        return t.engine.leads().ingest(NewLead.builder(LeadSource.META).email(email).phone(phone).firstName("Ana")
                .build()).lead().id();
    }
}
