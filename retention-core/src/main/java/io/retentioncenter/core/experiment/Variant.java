package io.retentioncenter.core.experiment;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;

/**
 * One arm of an A/B test.
 *
 * @param name short label, e.g. "A"
 * @param treatment what the arm does: a script, a step delay or a send window
 * @param weight relative share of traffic, positive
 */
public record Variant(String name, Treatment treatment, int weight) {
    /** Validates. */
    public Variant {
        name = Require.text(name, "variant.name");
        Require.present(treatment, "variant.treatment");
        Require.positive(weight, "variant.weight");
    }

    /** A script arm sending {@code scriptId}. */
    public Variant(String name, String scriptId, int weight) {
        this(name, new Treatment.ScriptArm(scriptId), weight);
    }

    /** A timing arm replacing the tested step's delay with {@code delay}. */
    public static Variant delay(String name, Duration delay, int weight) {
        return new Variant(name, new Treatment.DelayArm(delay), weight);
    }

    /** A timing arm sending the tested step only inside {@code window}. */
    public static Variant window(String name, SendWindow window, int weight) {
        return new Variant(name, new Treatment.WindowArm(window), weight);
    }

    /**
     * The script this arm sends.
     *
     * @throws IllegalStateException for a timing arm, which has none
     */
    public String scriptId() {
        if (treatment instanceof Treatment.ScriptArm script) {
            return script.scriptId();
        }
        throw new IllegalStateException("variant " + name + " is a " + treatment.kind() + " arm, not a script");
    }

    /** The arm's kind. */
    public TestKind kind() {
        return treatment.kind();
    }
}
