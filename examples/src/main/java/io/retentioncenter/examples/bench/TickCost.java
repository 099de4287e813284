package io.retentioncenter.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a timed section cost this JVM beyond wall time: CPU time of all its threads (the engines,
 * their send threads, the collector, the compiler) and the collectors' time, with the load average.
 * On a shared machine the wall figure follows the other tenants' load; steps per CPU-second much less.
 */
final class TickCost {
    private final long cpuStart;
    private final long gcStart;

    private TickCost(long cpuStart, long gcStart) {
        this.cpuStart = cpuStart;
        this.gcStart = gcStart;
    }

    /** Starts measuring now. */
    static TickCost start() {
        return new TickCost(cpuNanos(), gcMillis());
    }

    /** A line with the CPU seconds, steps per CPU-second, collector seconds and load since {@link #start()}. */
    String stop(int steps) {
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        double gc = (gcMillis() - gcStart) / 1e3;
        return String.format("JVM CPU %.2f s -> %.0f steps per CPU-second; collectors %.2f s; load average %.2f",
                cpu, steps / cpu, gc, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
