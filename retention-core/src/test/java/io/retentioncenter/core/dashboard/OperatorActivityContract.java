package io.retentioncenter.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.inbound.InboundFixture;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.lead.LeadEvent.Kind;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.spi.RetentionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead's timeline and the dashboards through the engine's public API on a given store: a Meta lead
 * runs two steps of its sequence and converts; the daily series, leads by status, upcoming steps and
 * recent activity show it, and days follow the chosen time zone across a clock change.
 */
public abstract class OperatorActivityContract {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    /** The fixture's lead: ingested at 10:00, step 1 (email) at 10:01, step 2 (SMS) at 22:01, a sale at 22:31 UTC. */
    private record Story(InboundFixture f, String leadId, ContactAttempt email, ContactAttempt sms) {
    }

    private Story convertedLead() {
        InboundFixture f = InboundFixture.on(newStore());
        String leadId = f.postMeta(InboundFixture.metaBody("1234567890123456", "maria@example.com", "+1 415 555 0123",
                "Maria")).items().get(0).leadId().orElseThrow();
        f.t.clock.advance(Duration.ofMinutes(1));
        f.t.engine.tick();
        ContactAttempt email = f.t.store.attemptsOfLead(leadId).get(0);
        f.t.clock.advance(Duration.ofHours(12));
        f.t.engine.tick();
        ContactAttempt sms = f.t.store.attemptsOfLead(leadId).stream().filter(a -> a.channel() == Channel.SMS)
                .findFirst().orElseThrow();
        f.t.clock.advance(Duration.ofMinutes(30));
        f.postback("sub_id=" + sms.id() + "&status=sale&payout=45.00&tid=rc-conv-0002&currency=usd");
        return new Story(f, leadId, email, sms);
    }

    @Test
    void aTimelineListsEverythingThatHappenedToTheLeadInTimeOrder() {
        Story s = convertedLead();

        List<LeadEvent> timeline = s.f().t.engine.leads().timeline(s.leadId());

        assertThat(timeline).extracting(LeadEvent::kind).containsExactly(Kind.CREATED, Kind.STATUS_CHANGED,
                Kind.STEP_EXECUTED, Kind.ATTEMPT, Kind.STATUS_CHANGED, Kind.STEP_EXECUTED, Kind.ATTEMPT,
                Kind.CONVERSION, Kind.STATUS_CHANGED);
        assertThat(timeline).extracting(LeadEvent::leadId).containsOnly(s.leadId());
        assertThat(timeline).isSortedAccordingTo(LeadEvent.IN_TIME_ORDER);
        assertThat(timeline).filteredOn(e -> e instanceof LeadEvent.StatusChanged)
                .extracting(e -> ((LeadEvent.StatusChanged) e).change().to())
                .containsExactly(LeadStatus.IN_PROGRESS, LeadStatus.CONTACTED, LeadStatus.CONVERTED);
        assertThat(((LeadEvent.Attempted) timeline.get(3)).attempt().id()).isEqualTo(s.email().id());
        assertThat(((LeadEvent.StepExecuted) timeline.get(5)).execution().stepOrder()).isEqualTo(2);
        assertThat(((LeadEvent.Converted) timeline.get(7)).conversion().status()).isEqualTo(ConversionStatus.SALE);

        assertThatThrownBy(() -> s.f().t.engine.leads().timeline("lead_missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.f().t.engine.leads().timeline(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theDailySeriesCountsLeadsAttemptsConversionsAndRevenuePerDay() {
        Story s = convertedLead();

        List<DailyActivity> series = s.f().t.engine.dashboards().daily(DAY.minusDays(1), DAY.plusDays(1),
                ZoneOffset.UTC);

        assertThat(series).extracting(DailyActivity::date).containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1));
        assertThat(series.get(0).counts()).isEqualTo(ActivityCounts.NONE);
        assertThat(series.get(2).counts()).isEqualTo(ActivityCounts.NONE);
        ActivityCounts day = series.get(1).counts();
        assertThat(day.leads()).isEqualTo(1);
        assertThat(day.attemptsOn(Channel.EMAIL)).isEqualTo(1);
        assertThat(day.attemptsOn(Channel.SMS)).isEqualTo(1);
        assertThat(day.attempts().get(Channel.EMAIL)).containsOnlyKeys(s.f().t.store.findAttempt(s.email().id())
                .orElseThrow().status());
        assertThat(day.conversions()).containsExactly(java.util.Map.entry(ConversionStatus.SALE, 1L));
        assertThat(day.revenue()).isEqualByComparingTo(new BigDecimal("45.00"));
        assertThat(series.get(1).start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));

        List<DailyActivity> tokyo = s.f().t.engine.dashboards().daily(DAY, DAY.plusDays(1), ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.get(0).counts().leads()).as("10:00 UTC is 19:00 in Tokyo").isEqualTo(1);
        assertThat(tokyo.get(0).counts().attemptsOn(Channel.SMS)).as("22:01 UTC is 07:01 the next day").isZero();
        assertThat(tokyo.get(1).counts().attemptsOn(Channel.SMS)).isEqualTo(1);
        assertThat(tokyo.get(1).counts().revenue()).isEqualByComparingTo("45");
    }

    @Test
    void daysFollowTheZoneAcrossAClockChangeAndOddOffsets() {
        InboundFixture f = InboundFixture.on(newStore());
        for (String at : List.of("2026-03-28T22:30:00Z", "2026-03-28T23:30:00Z", "2026-03-29T21:30:00Z",
                "2026-03-29T22:30:00Z")) {
            f.t.clock.set(Instant.parse(at));
            f.t.engine.leads().ingest(NewLead.of(LeadSource.API, "lead" + at.substring(8, 13) + "@example.com", null));
        }
        LocalDate from = LocalDate.of(2026, 3, 28);

        List<DailyActivity> berlin = f.t.engine.dashboards().daily(from, from.plusDays(2), ZoneId.of("Europe/Berlin"));
        assertThat(berlin).extracting(d -> d.counts().leads()).containsExactly(1L, 2L, 1L);
        assertThat(Duration.between(berlin.get(1).start(), berlin.get(1).end())).as("the spring-forward day")
                .isEqualTo(Duration.ofHours(23));
        List<DailyActivity> utc = f.t.engine.dashboards().daily(from, from.plusDays(2), ZoneOffset.UTC);
        assertThat(utc).extracting(d -> d.counts().leads()).containsExactly(2L, 2L, 0L);
        List<DailyActivity> kathmandu = f.t.engine.dashboards().daily(from, from.plusDays(2),
                ZoneId.of("Asia/Kathmandu"));
        assertThat(kathmandu).as("+05:45: 22:30 UTC is 04:15 the next day").extracting(d -> d.counts().leads())
                .containsExactly(0L, 2L, 2L);
    }

    @Test
    void leadsByStatusUpcomingStepsAndRecentActivity() {
        InboundFixture f = InboundFixture.on(newStore());
        String first = f.t.engine.leads().ingest(NewLead.of(LeadSource.API, "first@example.com", null)).lead().id();
        f.t.clock.advance(Duration.ofHours(1));
        String second = f.t.engine.leads().ingest(NewLead.of(LeadSource.API, "second@example.com", null)).lead().id();

        List<UpcomingStep> due = f.t.engine.dashboards().upcomingSteps(10);
        assertThat(due).extracting(u -> u.lead().id()).containsExactly(first, second);
        UpcomingStep next = due.get(0);
        assertThat(next.sequenceId()).isEqualTo(f.sequence.id());
        assertThat(next.sequenceName()).isEqualTo("New Meta Lead Nurture");
        assertThat(next.stepOrder()).isEqualTo(1);
        assertThat(next.channel()).isEqualTo(Channel.EMAIL);
        assertThat(next.enabled()).isTrue();
        assertThat(next.dueAt()).as("overdue steps are listed").isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));

        f.t.engine.tick();
        List<UpcomingStep> after = f.t.engine.dashboards().upcomingSteps(1);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).stepOrder()).isEqualTo(2);
        assertThat(after.get(0).channel()).isEqualTo(Channel.SMS);
        assertThat(after.get(0).dueAt()).isEqualTo(Instant.parse("2026-01-05T23:00:00Z"));

        assertThat(f.t.engine.dashboards().leadsByStatus()).containsEntry(LeadStatus.CONTACTED, 2L)
                .containsEntry(LeadStatus.NEW, 0L);
        List<LeadEvent> recent = f.t.engine.dashboards().recentActivity(3);
        assertThat(recent).hasSize(3);
        assertThat(recent).isSortedAccordingTo(LeadEvent.IN_TIME_ORDER.reversed());
        assertThat(recent).extracting(LeadEvent::at).containsOnly(f.t.clock.instant());
        assertThat(f.t.engine.dashboards().recentActivity(100)).extracting(LeadEvent::kind)
                .containsOnly(Kind.CREATED, Kind.STATUS_CHANGED, Kind.STEP_EXECUTED, Kind.ATTEMPT)
                .filteredOn(k -> k == Kind.CREATED).hasSize(2);
    }

    @Test
    void badArgumentsAreRefused() {
        DashboardService dashboards = InboundFixture.on(newStore()).t.engine.dashboards();
        assertThatThrownBy(() -> dashboards.daily(null, DAY, ZoneOffset.UTC)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.daily(DAY, DAY, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.daily(DAY, DAY.minusDays(1), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.daily(DAY, DAY.plusDays(366), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class);
        assertThat(dashboards.daily(DAY, DAY.plusDays(365), ZoneOffset.UTC)).hasSize(366);
        assertThatThrownBy(() -> dashboards.daily(LocalDate.MAX.minusDays(1), LocalDate.MAX, ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.daily(LocalDate.MIN, LocalDate.MIN, ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.upcomingSteps(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.upcomingSteps(1001)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dashboards.recentActivity(-1)).isInstanceOf(ValidationException.class);
        assertThat(dashboards.recentActivity(1000)).isEmpty();
        assertThat(dashboards.upcomingSteps(1000)).isEmpty();
    }
}
