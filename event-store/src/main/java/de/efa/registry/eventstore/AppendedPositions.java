package de.efa.registry.eventstore;

/**
 * Remembers the global position of the last event the current thread stored, so that a command endpoint can
 * answer {@code Registry-Position} (commands run on the caller's thread with the simple command bus).
 */
public final class AppendedPositions {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private AppendedPositions() {
    }

    public static void reset() {
        LAST.remove();
    }

    static void record(long position) {
        Long previous = LAST.get();
        if (previous == null || position > previous) {
            LAST.set(position);
        }
    }

    /** @return the position of the last event stored by this thread since {@link #reset()}, or -1 for none */
    public static long last() {
        Long last = LAST.get();
        return last == null ? -1L : last;
    }
}
