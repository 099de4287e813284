package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.sequence.SequenceStep;
import java.time.Duration;

/** What one A/B arm does: send a script, or time a sequence step by a delay or a send window. */
public sealed interface Treatment {
    /** The kind of test this treatment belongs to. */
    TestKind kind();

    /** The arm's value for people: the script id, "12 h" or "09:00–12:00". */
    String label();

    /**
     * Sends {@code scriptId}.
     *
     * @param scriptId the script
     */
    record ScriptArm(String scriptId) implements Treatment {
        /** Validates. */
        public ScriptArm {
            Require.text(scriptId, "variant.scriptId");
        }

        @Override
        public TestKind kind() {
            return TestKind.SCRIPT;
        }

        @Override
        public String label() {
            return scriptId;
        }
    }

    /**
     * Replaces the step's delay with {@code delay}.
     *
     * @param delay zero or more, at most {@link SequenceStep#MAX_DELAY}
     */
    record DelayArm(Duration delay) implements Treatment {
        /** Validates. */
        public DelayArm {
            Require.present(delay, "variant.delay");
            if (delay.isNegative() || delay.compareTo(SequenceStep.MAX_DELAY) > 0) {
                throw new ValidationException("variant.delay", "must be between 0 and ten years, was " + delay);
            }
        }

        @Override
        public TestKind kind() {
            return TestKind.DELAY;
        }

        @Override
        public String label() {
            return Durations.label(delay);
        }
    }

    /**
     * Sends the step only inside {@code window}; a step due outside it waits for its next opening.
     *
     * @param window the local time window
     */
    record WindowArm(SendWindow window) implements Treatment {
        /** Validates. */
        public WindowArm {
            Require.present(window, "variant.window");
        }

        @Override
        public TestKind kind() {
            return TestKind.SEND_WINDOW;
        }

        @Override
        public String label() {
            return window.toString();
        }
    }
}
