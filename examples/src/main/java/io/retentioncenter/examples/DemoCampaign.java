package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's campaign: Spanish Meta leads, contact between 09:00 and 21:00 Madrid time, at most 60
 * SMS and 20 calls an hour, six touches per lead; scripts for all three channels with an A/B test of
 * two email openers; and the seed's example sequence "New Meta Lead Nurture".
 *
 * @param campaign the campaign
 * @param sequence the active sequence
 * @param emailTest the running A/B test of email scripts
 */
public record DemoCampaign(Campaign campaign, RetentionSequence sequence, AbTest emailTest) {

    /** Creates everything through the engine's management API. */
    public static DemoCampaign create(RetentionEngine engine) {
        Campaign c = engine.campaigns().create(NewCampaign.builder("FB ES retention")
                .schedule(Schedule.daily(ZoneId.of("Europe/Madrid"), LocalTime.of(9, 0), LocalTime.of(21, 0)))
                .rateLimit(Channel.SMS, RateLimit.perHour(60))
                .rateLimit(Channel.CALL, RateLimit.perHour(20))
                .contactLimit(6)
                .setting("vapi.assistantId", "5b0a4a08-133c-4146-9315-0984f8c6be80")
                // every SMS and call carries its attempt id to the tracker, which sends it back as sub_id
                .setting("trackedLink", "https://trk.example.com/spring?sub_id={attemptId}")
                .build());
        Script plain = engine.scripts().create(NewScript.builder(Channel.EMAIL, "Plain welcome",
                "Hi {{firstName|there}}, thanks for your interest. Here is your guide to getting started.")
                .subject("Your guide, {{firstName|friend}}").campaign(c.id()).build());
        Script bonus = engine.scripts().create(NewScript.builder(Channel.EMAIL, "Spring bonus",
                "Hi {{firstName|there}}, your spring bonus is waiting: claim it today and save 20%.")
                .subject("{{firstName|Friend}}, your spring bonus").campaign(c.id()).build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "SMS nudge",
                "Hi {{firstName}}, your spring bonus expires soon: {{trackedLink}} Reply STOP to opt out.")
                .campaign(c.id()).build());
        engine.scripts().create(NewScript.builder(Channel.CALL, "Call brief",
                "Friendly check-in with {{firstName}} about the spring bonus; offer a callback and text the link"
                        + " {{trackedLink}}.")
                .setting("vapi.firstMessage", "Hi, this is Alex from the spring offer team.").campaign(c.id()).build());
        AbTest test = engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", plain.id(), 1), new Variant("B", bonus.id(), 1)));
        RetentionSequence draft = engine.sequences().create(NewSequence.builder("New Meta Lead Nurture")
                .campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(Channel.SMS, 12, DelayUnit.HOURS)
                .step(Channel.EMAIL, 24, DelayUnit.HOURS)
                .step(Channel.CALL, 2, DelayUnit.DAYS)
                .step(Channel.SMS, 5, DelayUnit.DAYS)
                .step(Channel.EMAIL, 7, DelayUnit.DAYS)
                .build());
        return new DemoCampaign(c, engine.sequences().activate(draft.id()), test);
    }
}
