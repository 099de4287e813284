package io.retentioncenter.learning.report;

import io.retentioncenter.learning.stats.BenjaminiHochberg;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.ProportionTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A family of two-proportion comparisons tested together: each by {@link ProportionTest#compare}
 * (Fisher's exact test for small cells, else the pooled z-test) unless its p-value is given (a
 * stratified test), then Benjamini–Hochberg over the
 * family, so that asking many questions at once does not manufacture findings.
 *
 * @param <T> what each comparison is about
 */
final class ComparisonBatch<T> {
    private final List<Candidate<T>> candidates = new ArrayList<>();

    /** Adds a comparison of {@code group} against {@code baseline}, tested by {@link ProportionTest#compare}. */
    void add(T subject, Proportion group, Proportion baseline) {
        add(subject, group, baseline, ProportionTest.compare(baseline, group).pValue());
    }

    /** Adds a comparison of {@code group} against {@code baseline} whose p-value was computed otherwise. */
    void add(T subject, Proportion group, Proportion baseline, double pValue) {
        candidates.add(new Candidate<>(subject, group, baseline, pValue));
    }

    /** The comparisons with a q-value at or below {@code significance}, smallest q first. */
    List<Tested<T>> supported(double significance) {
        double[] pValues = candidates.stream().mapToDouble(Candidate::pValue).toArray();
        double[] qValues = BenjaminiHochberg.qValues(pValues);
        List<Tested<T>> supported = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (qValues[i] <= significance) {
                Candidate<T> c = candidates.get(i);
                supported.add(new Tested<>(c.subject(), c.group(), c.baseline(), pValues[i], qValues[i]));
            }
        }
        supported.sort(Comparator.comparingDouble(Tested::qValue));
        return supported;
    }

    private record Candidate<T>(T subject, Proportion group, Proportion baseline, double pValue) {
    }

    /** A comparison with its p- and q-value. */
    record Tested<T>(T subject, Proportion group, Proportion baseline, double pValue, double qValue) {
        /** Whether the group's rate is above the baseline's. */
        boolean higher() {
            return group.rate() > baseline.rate();
        }
    }
}
