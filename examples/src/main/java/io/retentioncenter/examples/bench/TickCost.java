package io.retentioncenter.examples.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a timed section cost this JVM beyond wall time: CPU time of all its threads (the engines,
 * their send threads, the collector, the compiler), the collectors' time, on Linux the CPU time of the
 * collector's and of the just-in-time compilers' threads (a short section pays much of its code's
 * warm-up), the bytes allocated by the threads alive at the end (the engines' and send threads outlive
 * the section), with the load average.
 * On a shared machine the wall figure follows the other tenants' load; steps per CPU-second much less.
 */
final class TickCost {
    private static final String GC = "gc";
    private static final String JIT = "jit";
    /** USER_HZ, the unit of /proc CPU times on every Linux architecture Java runs on. */
    private static final double CLOCK_TICKS = 100.0;

    private final long cpuStart;
    private final long gcStart;
    private final Map<String, Long> vmThreadsStart;
    private final Map<Long, Long> allocatedStart;

    private TickCost(long cpuStart, long gcStart, Map<String, Long> vmThreadsStart,
            Map<Long, Long> allocatedStart) {
        this.cpuStart = cpuStart;
        this.gcStart = gcStart;
        this.vmThreadsStart = vmThreadsStart;
        this.allocatedStart = allocatedStart;
    }

    /** Starts measuring now. */
    static TickCost start() {
        return new TickCost(cpuNanos(), gcMillis(), vmThreadTicks(), allocatedBytes());
    }

    /**
     * A line with the CPU seconds, steps per CPU-second, collector seconds, the collector's and
     * compilers' threads' CPU seconds, bytes allocated per step and load since {@link #start()}.
     */
    String stop(int steps) {
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        double gc = (gcMillis() - gcStart) / 1e3;
        Map<String, Long> vmThreads = vmThreadTicks();
        double gcCpu = (vmThreads.getOrDefault(GC, 0L) - vmThreadsStart.getOrDefault(GC, 0L)) / CLOCK_TICKS;
        double jitCpu = (vmThreads.getOrDefault(JIT, 0L) - vmThreadsStart.getOrDefault(JIT, 0L)) / CLOCK_TICKS;
        long allocated = allocatedBytes().entrySet().stream()
                .mapToLong(e -> e.getValue() - allocatedStart.getOrDefault(e.getKey(), 0L)).sum();
        return String.format("JVM CPU %.2f s -> %.0f steps per CPU-second; collectors %.2f s"
                + " (CPU of collector threads %.2f s, compiler threads %.2f s); %.0f bytes allocated per step;"
                + " load average %.2f", cpu, steps / cpu, gc, gcCpu, jitCpu,
                (double) allocated / Math.max(1, steps),
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

    /**
     * CPU clock ticks used so far by the collector's threads ({@value #GC}) and the compilers'
     * ({@value #JIT}), from /proc (Linux; empty elsewhere). Threads that ended are not counted.
     */
    private static Map<String, Long> vmThreadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            threads.forEach(thread -> addTicks(thread, ticks));
        } catch (IOException | RuntimeException e) {
            // not Linux: no figures
        }
        return ticks;
    }

    private static void addTicks(Path thread, Map<String, Long> ticks) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            String role = name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC
                    : name.contains("CompilerThre") ? JIT : null;
            if (role != null) {
                String stat = Files.readString(thread.resolve("stat"));
                // the fields after the parenthesised name start with the state (3rd); utime is the 14th
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(role, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        } catch (IOException e) {
            // the thread ended meanwhile
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
