package io.retentioncenter.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LeadPacingTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LeadPacing TWO_A_DAY = LeadPacing.of(2, Duration.ofHours(1));

    @Test
    void theDayIsTheLeadsOwn() {
        Instant lateInMadrid = Instant.parse("2026-01-05T23:30:00Z");      // 00:30 on the 6th in Madrid

        assertThat(LeadPacing.dayStart(lateInMadrid, MADRID)).isEqualTo(Instant.parse("2026-01-05T23:00:00Z"));
        assertThat(LeadPacing.dayStart(lateInMadrid, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    }

    @Test
    void nextAllowedKeepsTheGapAndMovesAFullDayToTheNext() {
        Instant last = Instant.parse("2026-01-05T10:00:00Z");
        PaceState once = PaceState.first(last, LeadPacing.dayStart(last, MADRID));
        PaceState full = once.after(last.plusSeconds(3600), once.dayStart());

        assertThat(TWO_A_DAY.nextAllowed(once, last.plusSeconds(60), MADRID)).isEqualTo(last.plusSeconds(3600));
        assertThat(TWO_A_DAY.nextAllowed(once, last.plusSeconds(7200), MADRID)).as("already allowed")
                .isEqualTo(last.plusSeconds(7200));
        assertThat(TWO_A_DAY.nextAllowed(full, last.plusSeconds(3700), MADRID))
                .as("midnight in Madrid").isEqualTo(Instant.parse("2026-01-05T23:00:00Z"));
        assertThat(full.allows(Instant.parse("2026-01-05T23:00:00Z"), Instant.parse("2026-01-05T23:00:00Z"), 2,
                Duration.ofHours(1))).isTrue();
    }

    @Test
    void badSettingsAreConfigurationErrors() {
        assertThatThrownBy(() -> LeadPacing.of(0, Duration.ZERO)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> LeadPacing.of(1, Duration.ofMinutes(-1))).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> LeadPacing.of(1, null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> new LeadPacing(1, Duration.ZERO, null)).isInstanceOf(ConfigurationException.class);
    }
}
