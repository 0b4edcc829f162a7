package de.efa.registry.command.job;

import de.efa.registry.command.web.CommandFanOut;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How far one piece of long work got. Workers count finished items (one atomic increment each, nothing else); the
 * {@link ProgressWatch}'s ticker looks at the count every {@link ProgressWatch#TICK} and logs a line once
 * {@link #LINE_EVERY} has passed — so a line at least every 5 s however slow or fast the items are, even when none
 * finishes — and hands the count to the job's store at most once per {@link #STORE_EVERY}, never per item.
 */
public final class ProgressReport implements CommandFanOut.Progress {

    /** A tick comes every 500 ms: waiting 4.5 s for the next line keeps lines at most 5 s apart. */
    static final Duration LINE_EVERY = Duration.ofMillis(4_500);
    static final Duration STORE_EVERY = Duration.ofSeconds(1);

    /** Where a job's count goes; also its heartbeat: a job whose count stops being recorded has died. */
    @FunctionalInterface
    interface Store {
        void record(int done, Instant at);
    }

    private final String what;
    private final int total;
    private final Clock clock;
    private final Instant startedAt;
    private final Consumer<String> lines;
    private final Store store;
    private final AtomicInteger done = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastPosition = new java.util.concurrent.atomic.AtomicLong(-1L);
    // touched by the ticker thread only
    private Instant lastLine;
    private Instant lastStored;

    ProgressReport(String what, int total, Clock clock, Consumer<String> lines, Store store) {
        this.what = what;
        this.total = total;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lines = lines;
        this.store = store;
        this.lastLine = startedAt;
        this.lastStored = startedAt;
    }

    @Override
    public void itemDone() {
        done.incrementAndGet();
    }

    @Override
    public void stored(long position) {
        lastPosition.accumulateAndGet(position, Math::max);
    }

    int done() {
        return done.get();
    }

    /** The position of the last event the work stored, for its answer's {@code Registry-Position}; -1 for none. */
    long lastStoredPosition() {
        return lastPosition.get();
    }

    String what() {
        return what;
    }

    /** Logs a line when one is due, records the count when that is due. */
    void tick() {
        Instant now = clock.instant();
        if (!now.isBefore(lastLine.plus(LINE_EVERY))) {
            lastLine = now;
            lines.accept(line(now));
        }
        if (store != null && !now.isBefore(lastStored.plus(STORE_EVERY))) {
            lastStored = now;
            store.record(done(), now);
        }
    }

    /** e.g. "Bulk adoption of service … by thueringen: 4,100 of 10,981 (820/s)". */
    String line(Instant now) {
        int finished = done();
        return String.format(Locale.ENGLISH, "%s: %,d of %,d (%,d/s)", what, finished, total,
                Math.round(perSecond(finished, startedAt, now)));
    }

    /** Items per second from the start to {@code until}; 0 before the first millisecond has passed. */
    static double perSecond(int done, Instant startedAt, Instant until) {
        long millis = Duration.between(startedAt, until).toMillis();
        return millis <= 0 ? 0 : done * 1000.0 / millis;
    }
}
