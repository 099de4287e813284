package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlwaysValidTestTest {
    private static final double TOLERANCE = 1e-6;
    private static final AlwaysValidTest DEFAULT = new AlwaysValidTest(0.05, 5000);

    @Test
    void matchesTheReferenceValues() {
        SequentialEstimate estimate = DEFAULT.evaluate(new Proportion(120, 1000), new Proportion(150, 1000)).orElseThrow();

        assertThat(estimate.r()).isCloseTo(3.174462, within(TOLERANCE));
        assertThat(estimate.pValue()).isCloseTo(0.470691, within(TOLERANCE));
        assertThat(estimate.lower()).isCloseTo(-0.017693, within(TOLERANCE));
        assertThat(estimate.upper()).isCloseTo(0.077693, within(TOLERANCE));
        assertThat(estimate.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(estimate.sampleSize()).isEqualTo(2000);
    }

    @Test
    void isMoreConservativeThanTheFixedHorizonTest() {
        Proportion control = new Proportion(120, 1000);
        Proportion treatment = new Proportion(150, 1000);

        assertThat(DEFAULT.evaluate(control, treatment).orElseThrow().pValue())
                .isGreaterThan(PooledZTest.compute(control, treatment).pValue());
    }

    @Test
    void waitsUntilEachArmHasAConversionAndANonConversion() {
        assertThat(DEFAULT.evaluate(new Proportion(0, 100), new Proportion(10, 100))).isEmpty();
        assertThat(DEFAULT.evaluate(new Proportion(10, 100), new Proportion(100, 100))).isEmpty();
        assertThat(DEFAULT.evaluate(new Proportion(0, 0), new Proportion(10, 100))).isEmpty();
        assertThat(DEFAULT.evaluate(new Proportion(1, 2), new Proportion(1, 2))).isPresent();
    }

    @Test
    void pValueIsCappedAtOneForTinySamples() {
        SequentialEstimate estimate = DEFAULT.evaluate(new Proportion(1, 2), new Proportion(1, 2)).orElseThrow();

        assertThat(estimate.pValue()).isEqualTo(1.0);
        assertThat(estimate.lower()).isLessThan(0.0);
        assertThat(estimate.upper()).isGreaterThan(0.0);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new AlwaysValidTest(0, 5000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new AlwaysValidTest(0.05, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("expectedSample");
    }

    @Test
    void trackerKeepsTheSmallestPValueAndItsEstimate() {
        RunningMinimumTracker tracker = new RunningMinimumTracker();
        SequentialEstimate strong = DEFAULT.evaluate(new Proportion(100, 1000), new Proportion(150, 1000)).orElseThrow();
        SequentialEstimate weak = DEFAULT.evaluate(new Proportion(120, 1000), new Proportion(130, 1000)).orElseThrow();

        tracker.observe(weak);
        tracker.observe(strong);
        RunningMinimum state = tracker.observe(weak);

        assertThat(state.looks()).isEqualTo(3);
        assertThat(state.latest()).isEqualTo(weak);
        assertThat(state.best()).isEqualTo(strong);
        assertThat(state.pValue()).isEqualTo(strong.pValue()).isLessThan(weak.pValue());
    }

    @Test
    void trackerCountsConcurrentLooks() throws Exception {
        RunningMinimumTracker tracker = new RunningMinimumTracker();
        List<SequentialEstimate> estimates = new ArrayList<>();
        for (int k = 101; k <= 200; k++) {
            estimates.add(DEFAULT.evaluate(new Proportion(100, 1000), new Proportion(k, 1000)).orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunningMinimum>> futures = new ArrayList<>();
            for (SequentialEstimate estimate : estimates) {
                futures.add(pool.submit(() -> tracker.observe(estimate)));
            }
            for (Future<RunningMinimum> future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        RunningMinimum state = tracker.observe(estimates.get(0));

        assertThat(state.looks()).isEqualTo(101);
        assertThat(state.best()).isEqualTo(estimates.get(estimates.size() - 1));
    }
}
