package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.StoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs the chunks of a bulk intake on {@value #WRITERS} connections at once, with the outcomes a run
 * of the chunks one after another would give:
 * <ul>
 * <li>a chunk sharing an id, email or phone with an earlier chunk runs after it on the same writer
 * (each writer takes a <em>group</em> of consecutive chunks, and groups share no person), so a row
 * repeating an earlier row is still its duplicate and the inserts of two writers never wait for each
 * other;</li>
 * <li>a chunk checks the configuration version only once the chunk before it has checked (it waits for
 * that before its transaction starts, holding nothing), so once a chunk finds the configuration moved
 * on, every later chunk finds it too and the chunks taken in are a prefix of the input.</li>
 * </ul>
 * Calls with a capped route run their chunks one after another: a cap takes leads in input order.
 */
final class ParallelIntake {
    /** Connections a bulk intake writes on at once (the calling thread is one writer). */
    static final int WRITERS = 2;

    /** One chunk's transaction: calls {@code checked} with the result of its version check, once. */
    interface ChunkWriter {
        /**
         * Takes in {@code part}; {@code checked} receives whether the configuration is still current.
         *
         * @return the outcomes, or null when the configuration moved on (nothing written)
         */
        List<IntakeOutcome> write(List<LeadIntake> part, Consumer<Boolean> checked);
    }

    private ParallelIntake() {
    }

    /** Whether the chunks of {@code intakes} may run in parallel: no route has a cap. */
    static boolean parallelizable(List<LeadIntake> intakes) {
        return intakes.stream().allMatch(i -> i.routes().stream().allMatch(r -> r.cap().isEmpty()));
    }

    /**
     * Takes in {@code intakes} in chunks of {@code chunk} rows through {@code writer}.
     *
     * @return the outcomes of the chunks taken in, in input order: a prefix of the input
     */
    static List<IntakeOutcome> run(List<LeadIntake> intakes, int chunk, ChunkWriter writer) {
        int chunks = (intakes.size() + chunk - 1) / chunk;
        List<int[]> groups = groups(intakes, chunk, chunks);
        List<CompletableFuture<Boolean>> checked = IntStream.range(0, chunks)
                .mapToObj(k -> new CompletableFuture<Boolean>()).toList();
        List<List<IntakeOutcome>> taken = new ArrayList<>(Collections.nCopies(chunks, null));
        RuntimeException[] failures = new RuntimeException[chunks];
        AtomicInteger nextGroup = new AtomicInteger();
        Runnable work = () -> {
            for (int g = nextGroup.getAndIncrement(); g < groups.size(); g = nextGroup.getAndIncrement()) {
                for (int k = groups.get(g)[0]; k < groups.get(g)[1]; k++) {
                    CompletableFuture<Boolean> mine = checked.get(k);
                    try {
                        if (k == 0 || checked.get(k - 1).join()) {
                            List<LeadIntake> part = intakes.subList(k * chunk, Math.min(intakes.size(), (k + 1) * chunk));
                            taken.set(k, writer.write(part, mine::complete));
                        }
                    } catch (RuntimeException e) {
                        failures[k] = e;
                    } finally {
                        mine.complete(false);
                    }
                }
            }
        };
        Thread helper = new Thread(work, "rc-bulk-intake");
        helper.setDaemon(true);
        helper.start();
        work.run();
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while leads were taken in", e);
        }
        List<IntakeOutcome> done = new ArrayList<>(intakes.size());
        for (int k = 0; k < chunks; k++) {
            if (failures[k] != null) {
                throw failures[k];
            }
            if (taken.get(k) == null) {
                break;
            }
            done.addAll(taken.get(k));
        }
        return done;
    }

    /**
     * The chunks in groups {@code [first, end)} of consecutive chunks such that no id, email or phone
     * occurs in two groups.
     */
    static List<int[]> groups(List<LeadIntake> intakes, int chunk, int chunks) {
        int[] reach = new int[chunks];
        Map<String, Integer> ids = sized(intakes.size());
        Map<String, Integer> emails = sized(intakes.size());
        Map<String, Integer> phones = sized(intakes.size());
        for (int k = 0; k < chunks; k++) {
            int first = k;
            for (int i = k * chunk; i < Math.min(intakes.size(), (k + 1) * chunk); i++) {
                Lead lead = intakes.get(i).candidate();
                first = Math.min(first, firstChunk(ids, lead.id(), k));
                if (lead.email().isPresent()) {
                    first = Math.min(first, firstChunk(emails, lead.email().get(), k));
                }
                if (lead.phone().isPresent()) {
                    first = Math.min(first, firstChunk(phones, lead.phone().get(), k));
                }
            }
            reach[k] = first;
        }
        List<int[]> groups = new ArrayList<>();
        int end = chunks;
        int start = chunks;
        for (int k = chunks - 1; k >= 0; k--) {
            start = Math.min(start, reach[k]);
            if (start == k) {
                groups.add(0, new int[] {k, end});
                end = k;
                start = k;
            }
        }
        return groups;
    }

    /** The first chunk {@code key} occurs in, recording {@code chunk} when it is new. */
    private static int firstChunk(Map<String, Integer> seen, String key, int chunk) {
        Integer earlier = seen.putIfAbsent(key, chunk);
        return earlier == null ? chunk : earlier;
    }

    /** A map for up to {@code keys} keys without rehashing. */
    private static Map<String, Integer> sized(int keys) {
        return new HashMap<>((int) (keys / 0.75f) + 1);
    }
}
