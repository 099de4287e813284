package io.retentioncenter.core.fuzz;

import io.retentioncenter.core.RetentionException;
import io.retentioncenter.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs one public entry point on many hostile inputs and collects what breaks the rule "bad input gets
 * a typed exception naming the problem, and changes nothing": an exception outside
 * {@link RetentionException} escaping, a message that echoes a whole input or control characters, a
 * rejected input that wrote to the store, a replay that changed it. {@link #assertClean()} fails with
 * the first offending inputs (reproducible from the seed) and prints the figures.
 */
public final class Fuzz {
    /** Longest exception message accepted: an echoed input must be cut short. */
    public static final int MAX_MESSAGE_LENGTH = 1_000;
    private static final int MAX_REPORTED = 15;

    private final String entryPoint;
    private final long seed;
    private final Mutator mutator;
    private final Map<String, Integer> rejections = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private int runs;
    private int accepted;
    private final long startCpuNanos = cpuNanos();

    /** A run for {@code entryPoint} whose mutations come from {@code seed}. */
    public Fuzz(String entryPoint, long seed) {
        this.entryPoint = entryPoint;
        this.seed = seed;
        this.mutator = new Mutator(new Random(seed));
    }

    /** The mutator, seeded with this run's seed. */
    public Mutator mutator() {
        return mutator;
    }

    /** Runs {@code action} on {@code input} and classifies the result. */
    public <T> Outcome<T> attempt(Object input, Callable<T> action) {
        runs++;
        Outcome<T> outcome = run(input, action);
        if (outcome.rejection != null) {
            rejections.merge(outcome.rejection.getClass().getSimpleName(), 1, Integer::sum);
        } else if (outcome.escape == null) {
            accepted++;
        }
        return outcome;
    }

    /**
     * {@link #attempt} against an engine's watched store: a rejected input must not have attempted a
     * single write nor changed the contents; an accepted one is replayed and the replay must be accepted
     * and change nothing.
     */
    public <T> Outcome<T> attemptOnStore(StoreWatch watch, Object input, Callable<T> action) {
        StoreWatch.Snapshot before = watch.snapshot();
        long writes = watch.writes();
        Outcome<T> first = attempt(input, action);
        if (first.escape != null) {
            return first;
        }
        if (first.rejection != null) {
            check(watch.writes() == writes, input, "rejected (" + first.rejection.getMessage() + ") but attempted "
                    + (watch.writes() - writes) + " store writes");
            StoreWatch.Snapshot after = watch.snapshot();
            check(before.equals(after), input, "rejected but the store changed: " + before.counts() + " -> "
                    + after.counts());
            return first;
        }
        StoreWatch.Snapshot applied = watch.snapshot();
        Outcome<T> replay = run(input, action);
        check(replay.accepted(), input, "accepted once but the replay was not: "
                + (replay.rejection != null ? replay.rejection : replay.escape));
        StoreWatch.Snapshot replayed = watch.snapshot();
        check(applied.equals(replayed), input, "the replay changed the store: " + applied.counts() + " -> "
                + replayed.counts() + differences(applied, replayed));
        return first;
    }

    /**
     * Feeds {@code inputs} requests made by {@code next} to a world from {@code worlds} (a fresh one every
     * {@code freshEvery} inputs), each through {@link #attemptOnStore}.
     */
    public void run(int inputs, int freshEvery, Supplier<FuzzWorld> worlds, BiFunction<FuzzWorld, Mutator, Request> next) {
        FuzzWorld world = null;
        for (int i = 0; i < inputs; i++) {
            if (i % freshEvery == 0) {
                world = worlds.get();
            }
            Request request = next.apply(world, mutator);
            attemptOnStore(world.watch, request.input(), request.call());
        }
    }

    /**
     * One hostile input for an entry point.
     *
     * @param input what to show when it breaks a rule
     * @param call feeds it in; called again for the replay, so it must not draw new randomness
     */
    public record Request(Object input, Callable<?> call) {
    }

    /** Records a broken invariant for {@code input} unless {@code ok}. */
    public void check(boolean ok, Object input, String problem) {
        if (!ok) {
            problem(input, problem, null);
        }
    }

    /** Runs so far. */
    public int runs() {
        return runs;
    }

    /** Inputs accepted so far. */
    public int accepted() {
        return accepted;
    }

    /** {@code entry point: runs, accepted, rejected by exception type, problems}. */
    public String summary() {
        int rejected = rejections.values().stream().mapToInt(Integer::intValue).sum();
        return String.format("fuzz %s (seed %d): %d inputs, %d accepted, %d rejected %s, %d problems, %d ms CPU",
                entryPoint, seed, runs, accepted, rejected, rejections, problemCount, (cpuNanos() - startCpuNanos) / 1_000_000);
    }

    /** Prints the {@link #summary()} and fails listing the first problems, if any. */
    public void assertClean() {
        System.out.println(summary());
        if (problemCount > 0) {
            throw new AssertionError(summary() + "\n" + String.join("\n", problems));
        }
    }

    private <T> Outcome<T> run(Object input, Callable<T> action) {
        try {
            return new Outcome<>(action.call(), null, null);
        } catch (RetentionException e) {
            checkMessage(input, e);
            return new Outcome<>(null, e, null);
        } catch (Throwable e) {
            problem(input, "untyped " + e.getClass().getName() + ": " + shortText(String.valueOf(e.getMessage()))
                    + " at " + origin(e), e);
            return new Outcome<>(null, null, e);
        }
    }

    private void checkMessage(Object input, RetentionException e) {
        String message = e.getMessage();
        check(message != null && !message.isBlank(), input, e.getClass().getSimpleName() + " without a message");
        if (message != null) {
            check(message.length() <= MAX_MESSAGE_LENGTH, input, e.getClass().getSimpleName() + " message of "
                    + message.length() + " characters: " + shortText(message));
            check(message.chars().noneMatch(Character::isISOControl), input, e.getClass().getSimpleName()
                    + " message with control characters: " + shortText(message));
        }
        if (e instanceof ValidationException v) {
            check(v.field() != null && v.field().length() <= 300 && v.field().chars().noneMatch(Character::isISOControl),
                    input, "ValidationException field is not a short single-line name: " + shortText(String.valueOf(v.field())));
        }
    }

    private void problem(Object input, String problem, Throwable cause) {
        problemCount++;
        if (problems.size() < MAX_REPORTED) {
            problems.add("#" + runs + " " + problem + "\n    input: " + describe(input));
            if (cause != null && problems.size() == 1) {
                StringBuilder trace = new StringBuilder("    ").append(cause);
                StackTraceElement[] frames = cause.getStackTrace();
                for (int i = 0; i < Math.min(frames.length, 12); i++) {
                    trace.append("\n      at ").append(frames[i]);
                }
                problems.add(trace.toString());
            }
        }
    }

    /** CPU time of the calling thread: the figure that does not depend on how busy the machine is. */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static String differences(StoreWatch.Snapshot a, StoreWatch.Snapshot b) {
        List<String> parts = new ArrayList<>();
        if (!a.leads().equals(b.leads())) {
            parts.add("leads");
        }
        if (!a.attempts().equals(b.attempts())) {
            parts.add("attempts");
        }
        if (!a.enrollments().equals(b.enrollments())) {
            parts.add("enrollments");
        }
        if (!a.conversions().equals(b.conversions())) {
            parts.add("conversions");
        }
        if (!a.unmatched().equals(b.unmatched())) {
            parts.add("unmatched postbacks");
        }
        if (!a.processedEvents().equals(b.processedEvents())) {
            parts.add("processed events");
        }
        return " (" + String.join(", ", parts) + " differ)";
    }

    private static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("io.retentioncenter.")) {
                return frame.toString();
            }
        }
        return trace.length > 0 ? trace[0].toString() : "?";
    }

    /** An input in a few hundred printable characters. */
    static String describe(Object input) {
        String text = input instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) + " (" + bytes.length + " bytes)"
                : String.valueOf(input);
        return shortText(text);
    }

    private static String shortText(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 300 ? out + "…(" + text.length() + " chars)" : out.toString();
    }

    /**
     * What one input did: returned {@link #value()}, was rejected with a typed exception, or escaped.
     *
     * @param <T> the entry point's result type
     */
    public static final class Outcome<T> {
        private final T value;
        private final RetentionException rejection;
        private final Throwable escape;

        private Outcome(T value, RetentionException rejection, Throwable escape) {
            this.value = value;
            this.rejection = rejection;
            this.escape = escape;
        }

        /** Whether the entry point returned normally. */
        public boolean accepted() {
            return rejection == null && escape == null;
        }

        /** Whether it threw a {@link RetentionException}. */
        public boolean rejected() {
            return rejection != null;
        }

        /** The returned value; null unless {@link #accepted()}. */
        public T value() {
            return value;
        }

        /** The typed exception; null unless {@link #rejected()}. */
        public RetentionException rejection() {
            return rejection;
        }
    }
}
