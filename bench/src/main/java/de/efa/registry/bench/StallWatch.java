package de.efa.registry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells where a stall in a latency figure came from, for stalls no collector log explains: a thread of the bench JVM
 * that asks to wake every {@link #TICK_NANOS} and notes how late it woke (the bench JVM — load generator and
 * embedded server — stopped or starved), and the machine's steal time from {@code /proc/stat}, read once a second
 * (the virtual machine itself not run by its host). A stall seen by the load but by neither was the application's.
 */
final class StallWatch implements AutoCloseable {

    private static final long TICK_NANOS = 10_000_000L;
    /** USER_HZ of /proc/stat: its counters are in hundredths of a second on Linux. */
    private static final long MILLIS_PER_TICK = 10;

    private final Thread thread;
    private volatile boolean running = true;
    private long longestLateNanos;
    private Instant longestLateAt;
    private final long stealAtStart = steal();
    private long mostStealPerSecond;
    private Instant mostStealAt;

    StallWatch() {
        thread = new Thread(this::watch, "bench-stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        long secondStarted = System.nanoTime();
        long stealAtSecond = stealAtStart;
        while (running) {
            long asked = System.nanoTime() + TICK_NANOS;
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            if (now - asked > longestLateNanos) {
                longestLateNanos = now - asked;
                longestLateAt = Instant.now();
            }
            if (now - secondStarted >= 1_000_000_000L) {
                long steal = steal();
                if (steal - stealAtSecond > mostStealPerSecond) {
                    mostStealPerSecond = steal - stealAtSecond;
                    mostStealAt = Instant.now();
                }
                stealAtSecond = steal;
                secondStarted = now;
            }
        }
    }

    /** Stops watching and says what was seen. */
    Map<String, Object> result() {
        close();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bench_jvm_longest_late_wake_ms", Math.round(longestLateNanos / 1e4) / 100.0);
        result.put("bench_jvm_longest_late_wake_at", String.valueOf(longestLateAt));
        long steal = steal();
        result.put("machine_steal_ms", steal < 0 || stealAtStart < 0 ? null : (steal - stealAtStart) * MILLIS_PER_TICK);
        result.put("machine_most_steal_ms_in_a_second", mostStealPerSecond * MILLIS_PER_TICK);
        result.put("machine_most_steal_at", String.valueOf(mostStealAt));
        return result;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steal time of all CPUs so far, in /proc/stat's ticks; -1 where there is no /proc. */
    private static long steal() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
