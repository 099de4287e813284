package io.retentioncenter.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What a timed section cost this JVM beyond wall time: CPU time of all its threads (the engines,
 * their send threads, the collector, the compiler), the collectors' time, the bytes allocated by the
 * threads alive at the end (the engines' and send threads outlive the section), with the load average.
 * On a shared machine the wall figure follows the other tenants' load; steps per CPU-second much less.
 */
final class TickCost {
    private final long cpuStart;
    private final long gcStart;
    private final Map<Long, Long> allocatedStart;

    private TickCost(long cpuStart, long gcStart, Map<Long, Long> allocatedStart) {
        this.cpuStart = cpuStart;
        this.gcStart = gcStart;
        this.allocatedStart = allocatedStart;
    }

    /** Starts measuring now. */
    static TickCost start() {
        return new TickCost(cpuNanos(), gcMillis(), allocatedBytes());
    }

    /**
     * A line with the CPU seconds, steps per CPU-second, collector seconds, bytes allocated per step
     * and load since {@link #start()}.
     */
    String stop(int steps) {
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        double gc = (gcMillis() - gcStart) / 1e3;
        long allocated = allocatedBytes().entrySet().stream()
                .mapToLong(e -> e.getValue() - allocatedStart.getOrDefault(e.getKey(), 0L)).sum();
        return String.format("JVM CPU %.2f s -> %.0f steps per CPU-second; collectors %.2f s; %.0f bytes allocated"
                + " per step; load average %.2f", cpu, steps / cpu, gc, (double) allocated / Math.max(1, steps),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated so far by each live thread, by thread id. */
    private static Map<Long, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] > 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
