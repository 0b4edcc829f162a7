package de.efa.registry.command.web;

import de.efa.registry.command.axon.CommandSender;
import de.efa.registry.command.axon.Sent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

import java.util.function.LongSupplier;

/**
 * The commands of one request (or one job), handed to the code that serves it: every command carries the request's
 * metadata (principal, Idempotency-Key), and the position of the last event any of them stored is gathered for the
 * answer's {@code Registry-Position}. Passed as an argument — commands sent from worker threads report here too.
 */
public final class RequestCommands {

    private final CommandSender sender;
    private final MetaData metaData;
    private final LongSupplier lastStoredPosition;
    private long lastPosition = -1L;

    RequestCommands(CommandSender sender, MetaData metaData, LongSupplier lastStoredPosition) {
        this.sender = sender;
        this.metaData = metaData;
        this.lastStoredPosition = lastStoredPosition;
    }

    /** Sends the command with the request's metadata and waits for it; answers what its handler answered. */
    public <R> R send(Object command) {
        Sent<R> sent = sender.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        noteStored(sent.lastPosition());
        return sent.result();
    }

    /** The metadata every command of this request carries, for commands sent on its behalf elsewhere. */
    public MetaData metaData() {
        return metaData;
    }

    /** A position stored on behalf of this request by commands sent elsewhere ({@link CommandFanOut}). */
    public synchronized void noteStored(long position) {
        lastPosition = Math.max(lastPosition, position);
    }

    /**
     * The answer covers everything stored so far: for events other threads stored on behalf of this request without
     * telling their positions (the retirement process moving the retired version's adoptions).
     */
    public void coverEverythingStored() {
        noteStored(lastStoredPosition.getAsLong());
    }

    synchronized long lastPosition() {
        return lastPosition;
    }
}
