package de.efa.registry.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The global position of the last event a unit of work appended, for the command's answer ({@code Registry-Position}:
 * a client reads its own write from the query side by it). Whoever wants it puts a receipt into the unit of work's
 * resources under {@link #RESOURCE} before the events are committed; the engine notes every append of that unit of
 * work on it. The receipt then travels back with the command's result — not with the thread that happened to run it.
 */
public final class AppendReceipt {

    public static final String RESOURCE = AppendReceipt.class.getName();

    private long lastPosition = -1L;

    /** Notes an append on the receipt of the current unit of work, if it asked for one. */
    static void noteInCurrentUnitOfWork(long position) {
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().get(RESOURCE) instanceof AppendReceipt receipt) {
            receipt.note(position);
        }
    }

    public synchronized void note(long position) {
        lastPosition = Math.max(lastPosition, position);
    }

    /** @return the position of the last event appended, or -1 for none */
    public synchronized long lastPosition() {
        return lastPosition;
    }
}
