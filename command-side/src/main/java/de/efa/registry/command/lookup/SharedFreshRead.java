package de.efa.registry.command.lookup;

import java.util.function.LongSupplier;

/**
 * A read of a value that other instances change, shared by the callers that ask for it at the same time — without
 * giving any caller a value older than the moment it asked.
 * <p>
 * A read that is already on its way when a caller asks may have been answered by the store before a change the
 * caller knows of, so that caller waits for the <em>next</em> read; every caller that asks while a read is on its way
 * shares that next one. Each caller thus gets the result of a read that began after it asked, just as if it had read
 * itself, while concurrent callers cost one read per round trip instead of one each (16 concurrent adoptions read the
 * rule facts' change mark once per round trip, not 16 times). A caller alone reads at once; a caller behind a read on
 * its way waits at most for that read and its own.
 * <p>
 * Reads never overlap. A read that fails fails its own caller; the callers waiting for it start the next read.
 */
final class SharedFreshRead {

    private final LongSupplier read;
    private final Object turn = new Object();
    /** Reads begun so far; the one on its way, if any, is number {@code begun}. */
    private long begun;
    /** The number of the last read that returned (reads return in the order they began). */
    private long returned;
    private boolean onItsWay;
    private long lastValue;

    SharedFreshRead(LongSupplier read) {
        this.read = read;
    }

    /** The value as read by a read that began after this call. */
    long get() {
        long mine;
        boolean interrupted = false;
        synchronized (turn) {
            // the first read to begin from now on: one already on its way began before this call
            long wanted = begun + 1;
            while (true) {
                if (returned >= wanted) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return lastValue;
                }
                if (!onItsWay) {
                    mine = ++begun;
                    onItsWay = true;
                    break;
                }
                try {
                    turn.wait();
                } catch (InterruptedException e) {
                    // the caller's command is already under way; the flag is restored for whoever looks next
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long value;
        try {
            value = read.getAsLong();
        } catch (RuntimeException | Error e) {
            synchronized (turn) {
                onItsWay = false;
                turn.notifyAll();
            }
            throw e;
        }
        synchronized (turn) {
            returned = mine;
            lastValue = value;
            onItsWay = false;
            turn.notifyAll();
        }
        return value;
    }
}
