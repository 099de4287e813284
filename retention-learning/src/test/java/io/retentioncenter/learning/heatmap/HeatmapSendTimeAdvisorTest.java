package io.retentioncenter.learning.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeatmapSendTimeAdvisorTest {
    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant MONDAY_1015 = Instant.parse("2026-01-05T10:15:00Z");
    private static final Instant MONDAY_1800 = Instant.parse("2026-01-05T18:00:00Z");
    private static final Lead LEAD = lead(Optional.empty());
    private static final Campaign ALWAYS = campaign(Schedule.always());
    /**
     * 20 sends in every slot of the week (UTC) converting 1 each, except Monday 16:00 (6 of 20) and
     * Monday 18:00 (10 of 20): 3360 sends.
     */
    private static final Heatmap RICH = rich();

    private static Heatmap rich() {
        HeatmapTally tally = new HeatmapTally();
        for (int slot = 0; slot < 168; slot++) {
            Instant at = MONDAY.plus(Duration.ofHours(slot)).plus(Duration.ofMinutes(10));
            int conversions = slot == 18 ? 10 : slot == 16 ? 6 : 1;
            for (int i = 0; i < 20; i++) {
                tally.add(at, ZoneOffset.UTC, i < conversions);
            }
        }
        return tally.heatmap(20);
    }

    private static Lead lead(Optional<ZoneId> zone) {
        return new Lead("lead-1", Optional.empty(), Optional.of("Ana"), Optional.empty(), Optional.of("ana@example.com"),
                Optional.empty(), LeadSource.API, LeadStatus.NEW, Optional.empty(), Optional.empty(), zone, Map.of(), 0,
                MONDAY, MONDAY);
    }

    private static Campaign campaign(Schedule schedule) {
        return new Campaign("c", "c", CampaignStatus.ACTIVE, AutoAssignRule.manualOnly(), schedule, Map.of(), 5,
                Optional.empty(), Map.of(), MONDAY, MONDAY);
    }

    private static HeatmapSendTimeAdvisor.Builder advisor(Heatmap heatmap) {
        return HeatmapSendTimeAdvisor.builder(heatmap).explorationShare(0).seed(1);
    }

    @Test
    void movesASendToTheBestAllowedSlotWithinTheLookAhead() {
        HeatmapSendTimeAdvisor advisor = advisor(RICH).build();

        assertThat(advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).contains(MONDAY_1800);
        assertThat(advisor.suggest(LEAD, ALWAYS, Channel.SMS, Instant.parse("2026-01-05T16:30:00Z")))
                .as("16:00 is good, 18:00 is better by more than the margin").contains(MONDAY_1800);
        assertThat(advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, Instant.parse("2026-01-05T18:20:00Z")))
                .as("already in the best slot").isEmpty();
    }

    @Test
    void lookAheadBoundsHowFarASendMoves() {
        HeatmapSendTimeAdvisor shortSight = advisor(RICH).lookAhead(Duration.ofHours(6)).build();

        assertThat(shortSight.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015))
                .as("16:00 is within 6 h, 18:00 is not").contains(Instant.parse("2026-01-05T16:00:00Z"));
        assertThat(shortSight.suggest(LEAD, ALWAYS, Channel.EMAIL, Instant.parse("2026-01-05T19:15:00Z"))).isEmpty();
    }

    @Test
    void aLaterSlotMustBeatTheCurrentOneByTheMargin() {
        Instant monday1630 = Instant.parse("2026-01-05T16:30:00Z");
        HeatmapSendTimeAdvisor demanding = advisor(RICH).margin(1.0).build();

        assertThat(demanding.suggest(LEAD, ALWAYS, Channel.EMAIL, monday1630)).as("0.277 < 2 x 0.177").isEmpty();
        assertThat(demanding.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).contains(MONDAY_1800);
    }

    @Test
    void suggestsOnlySlotsTheScheduleAllows() {
        Campaign officeHours = campaign(Schedule.daily(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        HeatmapSendTimeAdvisor advisor = advisor(RICH).build();

        assertThat(advisor.suggest(LEAD, officeHours, Channel.EMAIL, MONDAY_1015))
                .as("18:00 is closed; 16:00 is the best open slot").contains(Instant.parse("2026-01-05T16:00:00Z"));

        Campaign evenings = campaign(Schedule.daily(ZoneOffset.UTC, LocalTime.of(18, 30), LocalTime.of(20, 0)));
        assertThat(advisor.suggest(LEAD, evenings, Channel.EMAIL, Instant.parse("2026-01-04T19:00:00Z")))
                .as("the first open instant of the best hour").contains(Instant.parse("2026-01-05T18:30:00Z"));
    }

    @Test
    void neverEarlierThanEarliestNeverPastTheLookAheadAndAlwaysAllowed() {
        Schedule schedule = Schedule.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 15), LocalTime.of(19, 0));
        Campaign campaign = campaign(schedule);
        HeatmapSendTimeAdvisor advisor = advisor(RICH).build();
        int suggested = 0;
        for (int i = 0; i < 400; i++) {
            Instant earliest = schedule.nextAllowed(MONDAY.plus(Duration.ofMinutes(37L * i)), schedule.zone());
            Optional<Instant> suggestion = advisor.suggest(LEAD, campaign, Channel.EMAIL, earliest);
            if (suggestion.isPresent()) {
                suggested++;
                assertThat(suggestion.get()).isAfter(earliest).isBeforeOrEqualTo(earliest.plus(Duration.ofHours(24)));
                assertThat(schedule.allows(suggestion.get(), schedule.zone())).isTrue();
            }
        }
        assertThat(suggested).isPositive();
    }

    @Test
    void usesTheLeadsTimeZoneElseTheSchedules() {
        HeatmapSendTimeAdvisor advisor = advisor(RICH).build();
        Instant sunday23 = Instant.parse("2026-01-04T23:00:00Z");

        assertThat(advisor.suggest(lead(Optional.of(ZoneId.of("Asia/Tokyo"))), ALWAYS, Channel.EMAIL, sunday23))
                .as("Monday 18:00 in Tokyo").contains(Instant.parse("2026-01-05T09:00:00Z"));
        Campaign tokyo = campaign(new Schedule(ZoneId.of("Asia/Tokyo"), Schedule.always().days(), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT));
        assertThat(advisor.suggest(LEAD, tokyo, Channel.EMAIL, sunday23)).contains(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Test
    void explorationShareSendsAtOnceOnThatShareOfCalls() {
        HeatmapSendTimeAdvisor exploring = HeatmapSendTimeAdvisor.builder(RICH).explorationShare(0.25).seed(7).build();
        int calls = 4000;
        int empty = 0;
        for (int i = 0; i < calls; i++) {
            if (exploring.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015).isEmpty()) {
                empty++;
            }
        }
        assertThat((double) empty / calls).isBetween(0.22, 0.28);

        HeatmapSendTimeAdvisor always = HeatmapSendTimeAdvisor.builder(RICH).explorationShare(1).seed(7).build();
        assertThat(always.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameDecisions() {
        List<Boolean> first = decisions(HeatmapSendTimeAdvisor.builder(RICH).seed(3).build());
        List<Boolean> second = decisions(HeatmapSendTimeAdvisor.builder(RICH).seed(3).build());
        assertThat(first).isEqualTo(second).contains(true, false);
    }

    private static List<Boolean> decisions(HeatmapSendTimeAdvisor advisor) {
        List<Boolean> decisions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            decisions.add(advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015).isPresent());
        }
        return decisions;
    }

    @Test
    void fallsBackToTheScheduleWhenTheHeatmapIsThin() {
        HeatmapSendTimeAdvisor thin = advisor(RICH).minSends(RICH.sends() + 1).build();
        assertThat(thin.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).isEmpty();

        HeatmapSendTimeAdvisor enough = advisor(RICH).minSends(RICH.sends()).build();
        assertThat(enough.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).isPresent();
        assertThat(HeatmapSendTimeAdvisor.DEFAULT_MIN_SENDS).isEqualTo(1000);
    }

    @Test
    void refreshSwapsTheHeatmap() {
        HeatmapSendTimeAdvisor advisor = advisor(Heatmap.empty(20)).build();
        assertThat(advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).isEmpty();

        advisor.refresh(RICH);

        assertThat(advisor.heatmap()).isSameAs(RICH);
        assertThat(advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015)).contains(MONDAY_1800);
        assertThatThrownBy(() -> advisor.refresh(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("heatmap");
    }

    @Test
    void isSafeToUseAndRefreshFromManyThreads() throws Exception {
        HeatmapSendTimeAdvisor advisor = HeatmapSendTimeAdvisor.builder(RICH).explorationShare(0.1).seed(5).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int moved = 0;
                    for (int i = 0; i < 2000; i++) {
                        if (i % 500 == 0) {
                            advisor.refresh(RICH);
                        }
                        Optional<Instant> s = advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, MONDAY_1015);
                        if (s.isPresent()) {
                            assertThat(s.get()).isEqualTo(MONDAY_1800);
                            moved++;
                        }
                    }
                    return moved;
                }));
            }
            int moved = 0;
            for (Future<Integer> result : results) {
                moved += result.get(10, TimeUnit.SECONDS);
            }
            assertThat(moved).isBetween(6800, 7600);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadSettingsAndArguments() {
        assertThatThrownBy(() -> HeatmapSendTimeAdvisor.builder(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("heatmap");
        assertThatThrownBy(() -> HeatmapSendTimeAdvisor.builder(RICH).lookAhead(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lookAhead");
        assertThatThrownBy(() -> HeatmapSendTimeAdvisor.builder(RICH).margin(-0.1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("margin");
        assertThatThrownBy(() -> HeatmapSendTimeAdvisor.builder(RICH).minSends(-1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("minSends");
        assertThatThrownBy(() -> HeatmapSendTimeAdvisor.builder(RICH).explorationShare(1.5).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("explorationShare");
        HeatmapSendTimeAdvisor advisor = advisor(RICH).build();
        assertThatThrownBy(() -> advisor.suggest(null, ALWAYS, Channel.EMAIL, MONDAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lead");
        assertThatThrownBy(() -> advisor.suggest(LEAD, ALWAYS, Channel.EMAIL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("earliest");
        assertThat(RICH.cell(DayOfWeek.MONDAY, 18).sends().successes()).isEqualTo(10);
    }
}
