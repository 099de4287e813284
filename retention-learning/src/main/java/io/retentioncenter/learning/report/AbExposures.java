package io.retentioncenter.learning.report;

import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.learning.stats.Proportion;
import java.util.HashMap;
import java.util.Map;

/**
 * When each lead was first exposed to each A/B test of the range, in which variant, and when it
 * bought through the test: enough to replay the test's counts at any earlier time, so the report
 * can look at it as the judge did (the running minimum of the always-valid p) and draw its
 * confidence sequence over time.
 */
final class AbExposures {
    private final Map<String, Map<String, Exposure>> byTest = new HashMap<>();
    private final Map<String, Map<String, Long>> salesByTest = new HashMap<>();

    /** Records an attempt of an A/B test (any status: the store counts exposure the same way). */
    void attempt(AttemptFact attempt) {
        if (attempt.abTestId().isEmpty() || attempt.variant().isEmpty()) {
            return;
        }
        long at = attempt.createdAt().toEpochMilli();
        byTest.computeIfAbsent(attempt.abTestId().get(), k -> new HashMap<>())
                .merge(attempt.leadId(), new Exposure(attempt.variant().get(), at),
                        (a, b) -> a.at() <= b.at() ? a : b);
    }

    /** Records a SALE credited to an A/B test. */
    void conversion(Conversion conversion) {
        if (conversion.status() != ConversionStatus.SALE || conversion.abTestId().isEmpty()
                || conversion.variant().isEmpty()) {
            return;
        }
        salesByTest.computeIfAbsent(conversion.abTestId().get(), k -> new HashMap<>())
                .merge(conversion.leadId() + "\u0000" + conversion.variant().get(),
                        conversion.occurredAt().toEpochMilli(), Math::min);
    }

    /** The earliest exposure of the test, empty without any. */
    java.util.OptionalLong firstExposure(String testId) {
        return byTest.getOrDefault(testId, Map.of()).values().stream().mapToLong(Exposure::at).min();
    }

    /** Converted out of exposed leads of {@code variant} as they stood at {@code atMillis}. */
    Proportion countsAt(String testId, String variant, long atMillis) {
        Map<String, Long> sales = salesByTest.getOrDefault(testId, Map.of());
        long exposed = 0;
        long converted = 0;
        for (Map.Entry<String, Exposure> e : byTest.getOrDefault(testId, Map.of()).entrySet()) {
            Exposure exposure = e.getValue();
            if (exposure.variant().equals(variant) && exposure.at() <= atMillis) {
                exposed++;
                Long soldAt = sales.get(e.getKey() + "\u0000" + variant);
                if (soldAt != null && soldAt <= atMillis) {
                    converted++;
                }
            }
        }
        return new Proportion(converted, exposed);
    }

    private record Exposure(String variant, long at) {
    }
}
