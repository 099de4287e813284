package io.retentioncenter.core.experiment;

import java.util.Optional;

/**
 * An {@link io.retentioncenter.core.spi.ExperimentJudge}'s answer.
 *
 * @param decision continue, or stop with or without a winner
 * @param winner the winning variant when the decision is {@link Decision#WINNER}
 * @param explanation short human-readable reason with the numbers behind it
 */
public record Verdict(Decision decision, Optional<String> winner, String explanation) {
    /** What the judge decided. */
    public enum Decision {
        /** Keep the test running. */
        CONTINUE,
        /** Stop: the named variant wins. */
        WINNER,
        /** Stop: no variant won (maximum sample reached). */
        NO_WINNER
    }

    /** Keep running. */
    public static Verdict keepRunning(String why) {
        return new Verdict(Decision.CONTINUE, Optional.empty(), why);
    }

    /** Stop with {@code variant} as winner. */
    public static Verdict winner(String variant, String why) {
        return new Verdict(Decision.WINNER, Optional.of(variant), why);
    }

    /** Stop without a winner. */
    public static Verdict noWinner(String why) {
        return new Verdict(Decision.NO_WINNER, Optional.empty(), why);
    }
}
