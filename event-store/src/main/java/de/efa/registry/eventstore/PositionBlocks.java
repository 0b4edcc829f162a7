package de.efa.registry.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Positions reserved from the counter ahead of need while appends keep coming: one counter round trip per block
 * instead of one per group commit. A quiet engine reserves exactly what a group needs, as before.
 * <p>
 * A reserved position that is not used yet is harmless as long as no higher position is stored: nobody can tell it
 * from a position never handed out. Two things keep it that way.
 * <ul>
 *   <li>The unused tail of a block is handed back ({@link #release()}) when the appends stop, so the counter again
 *       names the last stored (or in-flight) position, and a crash loses at most one busy block.</li>
 *   <li>Another process may reserve after us and store higher positions; then readers see our unused positions as
 *       gaps and wait for them only for the gap timeout. So a block is used for at most {@code lifetime} (far below
 *       that timeout) after it was reserved or last found to be the highest reservation; after that it is extended
 *       only if it still is the highest, and otherwise abandoned, its tail left as permanent gaps.</li>
 * </ul>
 * Each group still gets consecutive positions: a block too short for a group is extended right after its end when
 * no one reserved after it (always, with one process), otherwise its tail is abandoned for a fresh block.
 */
final class PositionBlocks {

    private static final Logger log = LoggerFactory.getLogger(PositionBlocks.class);
    /** A group that comes within this time of the previous one finds the engine busy: reserve ahead. */
    static final Duration BUSY = Duration.ofMillis(20);

    private final PositionAllocator counter;
    private final int blockSize;
    private final long lifetimeNanos;
    private final long busyNanos;
    /** The next unused position and the last reserved one; {@code next > end}: nothing reserved. */
    private long next = 1;
    private long end;
    private long reservedAt;
    private long lastTaken;
    private boolean takenBefore;
    /** Heads are read concurrently with each other and with appends, but never across a hand-back. */
    private final ReadWriteLock releasing = new ReentrantReadWriteLock();

    /**
     * @param blockSize positions reserved at once while busy (1: no reservation ahead)
     * @param lifetime  how long reserved positions may wait for use; must stay well below the readers' gap timeout
     */
    PositionBlocks(PositionAllocator counter, int blockSize, Duration lifetime) {
        this(counter, blockSize, lifetime, BUSY);
    }

    /** @param busy how soon after the previous group a group must come for the engine to count as busy */
    PositionBlocks(PositionAllocator counter, int blockSize, Duration lifetime, Duration busy) {
        this.counter = counter;
        this.blockSize = Math.max(1, blockSize);
        this.lifetimeNanos = lifetime.toNanos();
        this.busyNanos = busy.toNanos();
    }

    /** @return the first of {@code count} consecutive positions for one group */
    synchronized long take(int count) {
        long now = System.nanoTime();
        boolean busy = takenBefore && now - lastTaken < busyNanos;
        takenBefore = true;
        lastTaken = now;
        int ahead = busy ? Math.max(count, blockSize) : count;
        long unused = end - next + 1;
        if (unused > 0 && now - reservedAt > lifetimeNanos) {
            // too old to fill unless no one reserved after it: extending proves that in the same round trip
            if (extend(ahead, now)) {
                return use(count);
            }
        } else if (unused >= count) {
            return use(count);
        } else if (unused > 0 && extend(ahead - (int) unused, now)) {
            return use(count);
        }
        long first = counter.allocate(ahead);
        next = first;
        end = first + ahead - 1;
        reservedAt = now;
        return use(count);
    }

    private boolean extend(int count, long now) {
        if (counter.extend(end, count)) {
            end += count;
            reservedAt = now;
            return true;
        }
        // the caller reserves a fresh block next, which replaces next and end
        log.debug("Positions {}..{} abandoned: another writer reserved after them", next, end);
        return false;
    }

    private long use(int count) {
        long first = next;
        next += count;
        return first;
    }

    /** Hands the unused tail back to the counter (when the appends stopped). */
    void release() {
        // not while a head is being read: it would pair the counter from before with the state after
        releasing.writeLock().lock();
        try {
            synchronized (this) {
                if (next <= end) {
                    if (!counter.giveBack(end, next - 1)) {
                        log.debug("Positions {}..{} abandoned: another writer reserved after them", next, end);
                    }
                    next = end + 1;
                }
            }
        } finally {
            releasing.writeLock().unlock();
        }
    }

    /** Whether positions are reserved and not used yet. */
    synchronized boolean holdsUnused() {
        return next <= end;
    }

    /**
     * The highest position handed out for use: the counter, less our unused tail while ours is the highest
     * reservation. With one process this is the last stored or in-flight position (while a group extends the block,
     * for that moment the old end of the block: the counter is read without holding up the appends).
     */
    long head() {
        releasing.readLock().lock();
        try {
            long handedOut = counter.head();
            synchronized (this) {
                return handedOut == end && next <= end ? next - 1 : handedOut;
            }
        } finally {
            releasing.readLock().unlock();
        }
    }
}
