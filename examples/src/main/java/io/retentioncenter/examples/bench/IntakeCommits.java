package io.retentioncenter.examples.bench;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts the intake calls engines make on their stores, by the number of leads per call: how large
 * the batches of a group commit grew ({@code ingestLead} is a batch of one).
 */
final class IntakeCommits {
    private final Map<Integer, LongAdder> callsBySize = new ConcurrentHashMap<>();

    /** {@code store} with its intake calls counted here. */
    RetentionStore counting(RetentionStore store) {
        return (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("ingestLead")) {
                        count(1);
                    } else if (method.getName().equals("ingestLeads")) {
                        count(((List<?>) args[0]).size());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void count(int size) {
        callsBySize.computeIfAbsent(size, k -> new LongAdder()).increment();
    }

    /** Forgets the calls counted so far. */
    void reset() {
        callsBySize.clear();
    }

    /** "N store calls, mean M leads per call (size×calls, ...)" for the calls since the last reset. */
    String summary() {
        Map<Integer, Long> sizes = new TreeMap<>();
        callsBySize.forEach((size, calls) -> sizes.put(size, calls.sum()));
        long calls = sizes.values().stream().mapToLong(Long::longValue).sum();
        long leads = sizes.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum();
        return String.format("%d store calls, mean %.2f leads per call (leads per call x calls: %s)", calls,
                calls == 0 ? 0.0 : (double) leads / calls, sizes.entrySet().stream()
                        .map(e -> e.getKey() + "x" + e.getValue()).collect(Collectors.joining(" ")));
    }
}
