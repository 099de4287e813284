package io.retentioncenter.learning.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Verdict;
import io.retentioncenter.core.experiment.Verdict.Decision;
import io.retentioncenter.learning.stats.PooledZTest;
import io.retentioncenter.learning.stats.Proportion;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A/A tests (identical arms, 10 % conversion) looked at after every 50 leads per arm up to 5000:
 * the sequential judge must almost never crown a winner, while peeking at a fixed-horizon z-test
 * would often do so.
 */
class AaSimulationTest {
    private static final int SEEDS = 200;
    private static final int LEADS_PER_ARM = 5000;
    private static final int LOOK_EVERY = 50;
    private static final double RATE = 0.10;

    @Test
    void sequentialJudgeDeclaresNoWinnerInAlmostEveryAaTest() {
        SequentialExperimentJudge judge = new SequentialExperimentJudge();
        int noWinner = 0;
        int naiveFalseWinners = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            AbTest abTest = SequentialExperimentJudgeTest.test("aa-" + seed, "A", "B");
            long conversionsA = 0;
            long conversionsB = 0;
            boolean naiveStopped = false;
            Verdict verdict = null;
            for (int leads = 1; leads <= LEADS_PER_ARM; leads++) {
                conversionsA += random.nextDouble() < RATE ? 1 : 0;
                conversionsB += random.nextDouble() < RATE ? 1 : 0;
                if (leads % LOOK_EVERY != 0) {
                    continue;
                }
                naiveStopped |= PooledZTest.compute(new Proportion(conversionsA, leads),
                        new Proportion(conversionsB, leads)).pValue() < 0.05;
                verdict = judge.judge(abTest, Map.of("A", new ArmCounts(leads, conversionsA),
                        "B", new ArmCounts(leads, conversionsB)));
                if (verdict.decision() != Decision.CONTINUE) {
                    break;
                }
            }
            noWinner += verdict.decision() == Decision.NO_WINNER ? 1 : 0;
            naiveFalseWinners += naiveStopped ? 1 : 0;
        }

        assertThat(noWinner).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * SEEDS));
        assertThat(naiveFalseWinners).as("peeking at a fixed-horizon test").isGreaterThan(SEEDS / 7);
    }
}
