package io.retentioncenter.learning.report;

import io.retentioncenter.learning.stats.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number formats shared by the insight sentences and the plain-text printer. */
final class ReportFormat {
    private ReportFormat() {
    }

    /** A rate as a percentage with one decimal, e.g. {@code 12.3%}. */
    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100.0);
    }

    /** Successes out of trials, e.g. {@code 30/250}. */
    static String counts(Proportion proportion) {
        return proportion.successes() + "/" + proportion.trials();
    }

    /** A rate with its counts, e.g. {@code 12.0% (30/250)}. */
    static String rate(Proportion proportion) {
        return percent(proportion.rate()) + " (" + counts(proportion) + ")";
    }

    /** A ratio such as a lift, e.g. {@code 2.00×}; {@code n/a} when undefined. */
    static String times(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio.getAsDouble()) : "n/a";
    }

    /** A named p- or q-value with three decimals, e.g. {@code q = 0.012}, or {@code q < 0.001}. */
    static String probability(String name, double value) {
        return value < 0.001 ? name + " < 0.001" : name + " = " + String.format(Locale.ROOT, "%.3f", value);
    }

    /** A plain number with {@code decimals} decimals. */
    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** An amount of money with two decimals. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A duration in the largest whole unit that fits, e.g. {@code 7d}, {@code 36h}, {@code 90m}. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes != 0 && minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes != 0 && minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes > 0 || duration.isZero() ? minutes + "m" : duration.toSeconds() + "s";
    }

    /** The ratio of two rates, empty when the denominator is 0. */
    static OptionalDouble lift(Proportion group, Proportion baseline) {
        return baseline.successes() == 0 ? OptionalDouble.empty() : OptionalDouble.of(group.rate() / baseline.rate());
    }

    /** {@code part / whole}, 0 when {@code whole} is 0. */
    static double share(double part, double whole) {
        return whole == 0 ? 0.0 : part / whole;
    }
}
