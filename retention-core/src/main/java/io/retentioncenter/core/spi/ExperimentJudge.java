package io.retentioncenter.core.spi;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Verdict;
import java.util.Map;

/**
 * Decides whether an A/B test ends. Asked after each conversion credited to a running test. The
 * default never ends a test: ending one is a statistical decision ({@code retention-learning}
 * ships a sequential judge).
 */
@FunctionalInterface
public interface ExperimentJudge {
    /** The verdict for {@code test} given per-variant counts keyed by variant name. */
    Verdict judge(AbTest test, Map<String, ArmCounts> arms);

    /** A judge that always keeps the test running. */
    static ExperimentJudge neverStop() {
        return (test, arms) -> Verdict.keepRunning("no experiment judge configured");
    }
}
