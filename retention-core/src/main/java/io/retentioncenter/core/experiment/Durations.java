package io.retentioncenter.core.experiment;

import java.time.Duration;

/** Short labels of delays for people: "12 h", "48 h", "7 d", "90 min", "45 s". */
final class Durations {
    private Durations() {
    }

    static String label(Duration d) {
        if (d.isZero()) {
            return "0 h";
        }
        if (d.toSeconds() % 86_400 == 0 && d.toDays() > 2) {
            return d.toDays() + " d";
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + " h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
