package io.retentioncenter.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelRouterTest {
    private final TestEngine t = TestEngine.create().withDefaultScripts();

    private Campaign campaign(NewCampaign.Builder b) {
        return t.engine.campaigns().create(b.autoAssign(AutoAssignRule.manualOnly()).build());
    }

    private Lead lead(String email, String phone) {
        return t.engine.leads().ingest(NewLead.builder(LeadSource.API).email(email).phone(phone).firstName("Ana").build())
                .lead();
    }

    @Test
    void sendsNowInsideHoursAndTheTickDispatchesIt() {
        Campaign c = campaign(NewCampaign.builder("c"));
        Lead lead = lead("ana@example.com", null);
        RouteResult r = t.engine.router().routeContact(lead.id(), c.id(), Channel.EMAIL);
        assertThat(r.decision().verdict()).isEqualTo(RouteDecision.Verdict.SEND);
        assertThat(r.attempt().orElseThrow().status()).isEqualTo(AttemptStatus.PENDING);
        t.engine.tick();
        assertThat(t.email.sent()).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("Hello Ana");
            assertThat(m.body()).isEqualTo("Hi Ana, <b>offer</b>");
        });
        assertThat(t.store.findAttempt(r.attempt().get().id()).orElseThrow().status()).isEqualTo(AttemptStatus.SENT);
    }

    @Test
    void outsideHoursSchedulesAtTheNextSlotInTheLeadsTimezone() {
        Campaign c = campaign(NewCampaign.builder("c").schedule(Schedule.daily(ZoneId.of("UTC"), LocalTime.of(9, 0),
                LocalTime.of(17, 0))));
        Lead tokyo = t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("jp@example.com")
                .timezone(ZoneId.of("Asia/Tokyo")).build()).lead();
        // 10:00 UTC is 19:00 in Tokyo: outside 09-17 there, next slot is 09:00 JST = 00:00 UTC next day.
        RouteResult r = t.engine.router().routeContact(tokyo.id(), c.id(), Channel.EMAIL);
        assertThat(r.decision().verdict()).isEqualTo(RouteDecision.Verdict.DEFER);
        assertThat(r.decision().reason()).isEqualTo(RouteDecision.Reason.OUTSIDE_SCHEDULE);
        assertThat(r.attempt().orElseThrow().status()).isEqualTo(AttemptStatus.SCHEDULED);
        assertThat(r.attempt().get().dueAt()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        t.engine.tick();
        assertThat(t.email.count()).isZero();
        t.clock.set(Instant.parse("2026-01-06T00:00:00Z"));
        t.engine.tick();
        assertThat(t.email.count()).isEqualTo(1);
    }

    @Test
    void overTheRateLimitSchedulesInTheNextWindow() {
        Campaign c = campaign(NewCampaign.builder("c").rateLimit(Channel.SMS, RateLimit.perHour(2)));
        List<RouteResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(t.engine.router().routeContact(lead("l" + i + "@example.com", "+1415555010" + i).id(), c.id(),
                    Channel.SMS));
        }
        assertThat(results).extracting(r -> r.decision().verdict()).containsExactly(RouteDecision.Verdict.SEND,
                RouteDecision.Verdict.SEND, RouteDecision.Verdict.DEFER);
        assertThat(results.get(2).decision().reason()).isEqualTo(RouteDecision.Reason.RATE_LIMITED);
        assertThat(results.get(2).attempt().orElseThrow().dueAt()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
    }

    @Test
    void contactLimitStopsFurtherAttempts() {
        Campaign c = campaign(NewCampaign.builder("c").contactLimit(2));
        Lead lead = lead("ana@example.com", "+14155550123");
        assertThat(t.engine.router().routeContact(lead.id(), c.id(), Channel.EMAIL).attempt()).isPresent();
        assertThat(t.engine.router().routeContact(lead.id(), c.id(), Channel.SMS).attempt()).isPresent();
        RouteResult third = t.engine.router().routeContact(lead.id(), c.id(), Channel.CALL);
        assertThat(third.decision().reason()).isEqualTo(RouteDecision.Reason.CONTACT_LIMIT);
        assertThat(third.attempt()).isEmpty();
        assertThat(t.store.attemptsOfLead(lead.id())).hasSize(2);
    }

    @Test
    void channelWithoutAddressIsNotViable() {
        Campaign c = campaign(NewCampaign.builder("c"));
        Lead emailOnly = lead("ana@example.com", null);
        RouteResult r = t.engine.router().routeContact(emailOnly.id(), c.id(), Channel.SMS);
        assertThat(r.decision().reason()).isEqualTo(RouteDecision.Reason.CHANNEL_NOT_VIABLE);
        assertThat(t.store.attemptsOfLead(emailOnly.id())).isEmpty();
    }

    @Test
    void campaignScriptWinsOverDefaultScript() {
        Campaign c = campaign(NewCampaign.builder("c"));
        Script own = t.engine.scripts().create(NewScript.builder(Channel.SMS, "own", "Campaign text for {{firstName}}")
                .campaign(c.id()).build());
        Campaign other = campaign(NewCampaign.builder("other"));
        Lead lead = lead("ana@example.com", "+14155550123");
        RouteResult mine = t.engine.router().routeContact(lead.id(), c.id(), Channel.SMS);
        RouteResult theirs = t.engine.router().routeContact(lead.id(), other.id(), Channel.SMS);
        assertThat(mine.attempt().orElseThrow().scriptId()).contains(own.id());
        assertThat(mine.attempt().get().body()).isEqualTo("Campaign text for Ana");
        assertThat(theirs.attempt().orElseThrow().body()).startsWith("Hi Ana, reply STOP");
    }

    @Test
    void abVariantIsPickedAndRecordedOnTheAttempt() {
        Campaign c = campaign(NewCampaign.builder("c"));
        Script a = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "A", "Version A").subject("A")
                .campaign(c.id()).build());
        Script b = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "B", "Version B").subject("B")
                .campaign(c.id()).build());
        AbTest test = t.engine.experiments().start(c.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 1)));
        Map<String, Integer> perVariant = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            ContactAttempt att = t.engine.router().routeContact(lead("ab" + i + "@example.com", null).id(), c.id(),
                    Channel.EMAIL).attempt().orElseThrow();
            assertThat(att.abTestId()).contains(test.id());
            String v = att.variant().orElseThrow();
            assertThat(att.scriptId()).contains(v.equals("A") ? a.id() : b.id());
            assertThat(att.body()).isEqualTo("Version " + v);
            perVariant.merge(v, 1, Integer::sum);
        }
        assertThat(perVariant.get("A")).isBetween(70, 130);
        assertThat(perVariant.get("B")).isBetween(70, 130);
        assertThat(t.engine.experiments().counts(test.id()).get("A").exposed()).isEqualTo(perVariant.get("A").longValue());
    }

    @Test
    void variantIsStickyPerLeadAndReproducibleWithTheSeed() {
        Campaign c = campaign(NewCampaign.builder("c"));
        Script a = t.engine.scripts().create(NewScript.builder(Channel.SMS, "A", "A").campaign(c.id()).build());
        Script b = t.engine.scripts().create(NewScript.builder(Channel.SMS, "B", "B").campaign(c.id()).build());
        t.engine.experiments().start(c.id(), Channel.SMS, List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 3)));
        Lead lead = lead("sticky@example.com", "+14155550177");
        String first = t.engine.router().routeContact(lead.id(), c.id(), Channel.SMS).attempt().orElseThrow().body();
        t.clock.advance(Duration.ofMinutes(1));
        String second = t.engine.router().routeContact(lead.id(), c.id(), Channel.SMS).attempt().orElseThrow().body();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void badArgumentsAreTyped() {
        Campaign c = campaign(NewCampaign.builder("c"));
        assertThatThrownBy(() -> t.engine.router().routeContact(null, c.id(), Channel.EMAIL))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.router().routeContact("lead_missing", c.id(), Channel.EMAIL))
                .isInstanceOf(NotFoundException.class);
        Lead lead = lead("ana@example.com", null);
        assertThatThrownBy(() -> t.engine.router().routeContact(lead.id(), "cmp_missing", Channel.EMAIL))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.engine.router().routeContact(lead.id(), c.id(), null))
                .isInstanceOf(ValidationException.class);
        assertThat(t.store.attemptsOfLead(lead.id())).isEmpty();
    }

    @Test
    void attemptsOfAnEndedCampaignAreWithdrawnNotSent() {
        Campaign c = campaign(NewCampaign.builder("c").schedule(Schedule.daily(ZoneId.of("UTC"), LocalTime.of(12, 0),
                LocalTime.of(13, 0))));
        Lead lead = lead("ana@example.com", null);
        ContactAttempt scheduled = t.engine.router().routeContact(lead.id(), c.id(), Channel.EMAIL).attempt()
                .orElseThrow();
        t.engine.campaigns().end(c.id());
        t.clock.set(Instant.parse("2026-01-05T12:00:00Z"));
        t.engine.tick();
        assertThat(t.email.count()).isZero();
        assertThat(t.store.findAttempt(scheduled.id()).orElseThrow().status()).isEqualTo(AttemptStatus.CANCELLED);
    }
}
