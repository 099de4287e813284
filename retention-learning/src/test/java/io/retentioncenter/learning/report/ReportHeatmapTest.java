package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportHeatmapTest {

    @Test
    void placesSendsInTheLeadsTimeZoneElseTheCampaignSchedulesAndShrinksWithTheQueryWeight() {
        Facts facts = new Facts();
        facts.campaign("c", new Schedule(ZoneId.of("Europe/Berlin"), EnumSet.allOf(DayOfWeek.class),
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        facts.lead("tokyo", hour(0), Optional.of(ZoneId.of("Asia/Tokyo")));
        facts.lead("berlin", hour(0));
        ContactAttempt toTokyo = facts.send("tokyo", "c", Channel.EMAIL, AttemptStatus.SENT, hour(0.5), "Hi");
        facts.send("berlin", "c", Channel.EMAIL, AttemptStatus.DELIVERED, hour(0.5), "Hi");
        facts.send("berlin", "c", Channel.EMAIL, AttemptStatus.PENDING, hour(0.5), "Hi");
        facts.sale("tokyo", "c", hour(2), 10, Optional.of(toTokyo));

        Heatmap heatmap = facts.reports(hour(24)).report(ReportQuery.between(hour(0), hour(24)).shrinkage(10)
                .attributionWindow(java.time.Duration.ofHours(12)).build())
                .heatmap();

        assertThat(heatmap.sends()).as("only sent attempts count").isEqualTo(2);
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 9).sends()).isEqualTo(new Proportion(1, 1));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 1).sends()).isEqualTo(new Proportion(0, 1));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 0).sends()).isEqualTo(new Proportion(0, 0));
        assertThat(heatmap.priorWeight()).isEqualTo(10.0);
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 9).shrunkRate()).isCloseTo(6.0 / 11, within(1e-12));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 1).shrunkRate()).isCloseTo(5.0 / 11, within(1e-12));
    }
}
