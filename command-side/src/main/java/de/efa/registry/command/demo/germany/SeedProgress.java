package de.efa.registry.command.demo.germany;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line every five seconds while the seed runs, from a timer of its own: a step that takes long (the
 * directory import is one call) still shows that the seed is alive, and how far the store has come.
 */
final class SeedProgress implements AutoCloseable {

    static final long INTERVAL_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(GermanySeed.class);

    private final long started = System.nanoTime();
    private final LongSupplier headPosition;
    private final ScheduledExecutorService timer;
    private final AtomicLong done = new AtomicLong();
    private volatile String step = "starting";
    private volatile long total;

    SeedProgress(LongSupplier headPosition) {
        this.headPosition = headPosition;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "germany-seed-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** A new step with that many commands to send (0 when they are not counted one by one). */
    void step(String name, long commands) {
        step = name;
        total = commands;
        done.set(0);
        log.info("Germany seed: {} ({}s){}", name, seconds(), commands > 0 ? ", " + commands + " commands" : "");
    }

    void sent(long commands) {
        done.addAndGet(commands);
    }

    long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    private void report() {
        try {
            long total = this.total;
            log.info("Germany seed: {}{} — head position {}, {}s", step,
                    total > 0 ? String.format(" %,d of %,d", done.get(), total) : "", headPosition.getAsLong(), seconds());
        } catch (RuntimeException e) {
            // a store that cannot answer now is no reason to stop reporting
            log.info("Germany seed: {} — {}s ({})", step, seconds(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
