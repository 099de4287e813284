package io.retentioncenter.core.internal;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.Variant;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Assigns A/B variants at random by weight, sticky per lead: the draw is seeded by the engine seed,
 * the test id and the lead id, so a lead always gets the same variant of a test and a given seed
 * reproduces every assignment.
 */
public final class VariantPicker {
    private final long seed;

    /** A picker with {@code seed}. */
    public VariantPicker(long seed) {
        this.seed = seed;
    }

    /** The variant of {@code test} for {@code leadId}. */
    public Variant pick(AbTest test, String leadId) {
        long mixed = seed ^ hash(test.id()) * 31 ^ hash(leadId);
        int draw = new SplittableRandom(mixed).nextInt(test.totalWeight());
        for (Variant v : test.variants()) {
            draw -= v.weight();
            if (draw < 0) {
                return v;
            }
        }
        return test.variants().get(test.variants().size() - 1);
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }
}
