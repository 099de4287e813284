package io.retentioncenter.learning.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapTest {
    private static final Instant MONDAY_0930_UTC = Instant.parse("2026-01-05T09:30:00Z");

    @Test
    void placesSendsInTheLocalDayAndHour() {
        HeatmapTally tally = new HeatmapTally();
        tally.add(MONDAY_0930_UTC, ZoneOffset.UTC, true);
        tally.add(MONDAY_0930_UTC, ZoneId.of("America/New_York"), false);
        tally.add(MONDAY_0930_UTC, ZoneId.of("Asia/Tokyo"), false);
        tally.add(Instant.parse("2026-07-06T09:30:00Z"), ZoneId.of("America/New_York"), false);
        Heatmap heatmap = tally.heatmap(0);

        assertThat(heatmap.cell(DayOfWeek.MONDAY, 9).sends()).isEqualTo(new Proportion(1, 1));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 4).sends()).as("EST is UTC-5").isEqualTo(new Proportion(0, 1));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 18).sends()).isEqualTo(new Proportion(0, 1));
        assertThat(heatmap.cell(DayOfWeek.MONDAY, 5).sends()).as("EDT is UTC-4").isEqualTo(new Proportion(0, 1));
        assertThat(heatmap.cellAt(MONDAY_0930_UTC, ZoneId.of("Asia/Tokyo")).hour()).isEqualTo(18);
        assertThat(heatmap.cellAt(Instant.parse("2026-01-04T23:59:59Z"), ZoneOffset.UTC).day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(heatmap.cellAt(Instant.parse("1969-12-31T23:00:00Z"), ZoneOffset.UTC).day())
                .isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(heatmap.sends()).isEqualTo(4);
        assertThat(heatmap.conversions()).isEqualTo(1);
        assertThat(heatmap.overallRate()).isEqualTo(0.25);
    }

    @Test
    void shrinksEveryCellTowardTheOverallRate() {
        HeatmapTally tally = new HeatmapTally();
        Instant tuesday10 = Instant.parse("2026-01-06T10:00:00Z");
        Instant wednesday8 = Instant.parse("2026-01-07T08:15:00Z");
        tally.add(tuesday10, ZoneOffset.UTC, true);
        tally.add(tuesday10, ZoneOffset.UTC, false);
        for (int i = 0; i < 8; i++) {
            tally.add(wednesday8, ZoneOffset.UTC, false);
        }
        Heatmap heatmap = tally.heatmap(10);

        HeatmapCell good = heatmap.cell(DayOfWeek.TUESDAY, 10);
        assertThat(good.rate()).isEqualTo(0.5);
        assertThat(good.shrunkRate()).isCloseTo((1 + 10 * 0.1) / (2 + 10), within(1e-12));
        assertThat(heatmap.cell(DayOfWeek.WEDNESDAY, 8).shrunkRate()).isCloseTo(1.0 / 18, within(1e-12));
        assertThat(heatmap.cell(DayOfWeek.SUNDAY, 23).shrunkRate()).as("empty cell = p0").isEqualTo(0.1);
        assertThat(heatmap.priorWeight()).isEqualTo(10.0);
        assertThat(heatmap.bestCells(3)).containsExactly(good);
        assertThat(heatmap.bestCells(0)).isEmpty();
    }

    @Test
    void bestCellsKeepWeekOrderOnTiesAndIgnoreCellsAtTheOverallRate() {
        HeatmapTally tally = new HeatmapTally();
        tally.add(Instant.parse("2026-01-07T08:00:00Z"), ZoneOffset.UTC, true);
        tally.add(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC, true);
        for (int i = 0; i < 4; i++) {
            tally.add(Instant.parse("2026-01-09T08:00:00Z"), ZoneOffset.UTC, false);
        }
        List<HeatmapCell> best = tally.heatmap(5).bestCells(5);

        assertThat(best).extracting(HeatmapCell::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    }

    @Test
    void emptyHeatmapHasNoSendsAndNoBestCells() {
        Heatmap empty = Heatmap.empty(20);

        assertThat(empty.sends()).isZero();
        assertThat(empty.overallRate()).isZero();
        assertThat(empty.cells()).hasSize(168).allSatisfy(c -> assertThat(c.shrunkRate()).isZero());
        assertThat(empty.bestCells(3)).isEmpty();
    }

    @Test
    void rejectsBadInput() {
        HeatmapTally tally = new HeatmapTally();
        assertThatThrownBy(() -> tally.add(null, ZoneOffset.UTC, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at");
        assertThatThrownBy(() -> tally.add(MONDAY_0930_UTC, null, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> tally.heatmap(-1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorWeight");
        Heatmap heatmap = tally.heatmap(1);
        assertThatThrownBy(() -> heatmap.cell(DayOfWeek.MONDAY, 24))
                .isInstanceOf(ValidationException.class).hasMessageContaining("hour");
        assertThatThrownBy(() -> heatmap.bestCells(-1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        List<HeatmapCell> reversed = new ArrayList<>(heatmap.cells());
        java.util.Collections.reverse(reversed);
        assertThatThrownBy(() -> new Heatmap(0, 0, 0, 1, reversed))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cells[0]");
        assertThatThrownBy(() -> new Heatmap(0, 0, 0, 1, heatmap.cells().subList(0, 10)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("168");
    }
}
