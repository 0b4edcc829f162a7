package de.efa.registry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the embedded server's worker threads (they run in the bench JVM unless {@code --mongodb-uri}).
 * <p>
 * Why: the embedded server handles each connection's requests on one worker thread and applies a collection's inserts
 * one at a time, so a contender that keeps one request in flight is bounded by one thread of the server, whatever the
 * other core does. How busy the busiest worker was during a round says whether that bound was reached.
 */
final class ServerThreads {

    private static final String WORKER_PREFIX = "mongo-server-worker";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpuAtStart;
    private final long wallAtStart;

    private ServerThreads(Map<Long, Long> cpuAtStart, long wallAtStart) {
        this.cpuAtStart = cpuAtStart;
        this.wallAtStart = wallAtStart;
    }

    static ServerThreads start() {
        return new ServerThreads(workerCpu(), System.nanoTime());
    }

    /** What the workers did since {@link #start()}; empty (no workers in this JVM) with an external server. */
    Reading stop() {
        long wall = System.nanoTime() - wallAtStart;
        long total = 0;
        long busiest = 0;
        for (Map.Entry<Long, Long> worker : workerCpu().entrySet()) {
            long used = worker.getValue() - cpuAtStart.getOrDefault(worker.getKey(), 0L);
            total += used;
            busiest = Math.max(busiest, used);
        }
        return new Reading(total, busiest, wall);
    }

    /**
     * @param cpuNanos     CPU of all workers together
     * @param busiestNanos CPU of the busiest worker
     * @param wallNanos    the wall time read
     */
    record Reading(long cpuNanos, long busiestNanos, long wallNanos) {

        boolean present() {
            return cpuNanos > 0;
        }

        /** The busiest worker's CPU per wall time: 1.0 means one core was busy with it all the time. */
        double busiestShare() {
            return Math.round(1000.0 * busiestNanos / wallNanos) / 1000.0;
        }
    }

    private static Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(WORKER_PREFIX)) {
                long nanos = THREADS.getThreadCpuTime(thread.getId());
                if (nanos >= 0) {
                    cpu.put(thread.getId(), nanos);
                }
            }
        }
        return cpu;
    }
}
