package de.efa.registry.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a gap in the position sequence is permanent.
 * <p>
 * A gap is either an append still in flight (between position allocation and insert: it will arrive) or an append
 * that failed or died (it never will). Readers keep asking for a gap until it has been missing for longer than the
 * timeout, measured from the moment this process first saw it missing. After a restart the clock starts again,
 * which only ever errs on the side of waiting longer.
 */
final class GapWatch {

    private final Duration timeout;
    private final Clock clock;
    private final Map<Long, Long> firstSeenMissing = new ConcurrentHashMap<>();

    GapWatch(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @return true while the gap may still be filled by a slow append */
    boolean stillOpen(long position) {
        long now = clock.millis();
        long first = firstSeenMissing.computeIfAbsent(position, p -> now);
        return now - first <= timeout.toMillis();
    }

    void filled(long position) {
        firstSeenMissing.remove(position);
    }

    /** How many gaps readers wait for now: missing, and not yet for longer than the timeout. */
    int waitingFor() {
        long now = clock.millis();
        return (int) firstSeenMissing.values().stream().filter(first -> now - first <= timeout.toMillis()).count();
    }

    void forgetBelow(long position) {
        firstSeenMissing.keySet().removeIf(p -> p < position);
    }
}
