package de.efa.registry.command.web;

import de.efa.registry.eventstore.AppendedPositions;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.platform.web.RegistryHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs a command on the request thread and answers with {@code Registry-Position}: the global position of the last
 * event the command stored, so the client can read its own write from the query side. A write that stored nothing
 * (a repeated import) answers the last stored event's position: everything it depends on is at or below it.
 * <p>
 * Within one instance Axon locks an aggregate while a command runs; two instances on one store only meet at the
 * unique stream key, and the loser's command is sent again by the gateway ({@link ConcurrencyRetry}) on the request
 * thread, which keeps the caller's security context and the position of the stored events.
 */
@Component
public class CommandResponses {

    private static final ThreadLocal<Long> FAN_OUT = new ThreadLocal<>();

    private final MongoEventStorageEngine eventStore;

    public CommandResponses(MongoEventStorageEngine eventStore) {
        this.eventStore = eventStore;
    }

    public <T> ResponseEntity<T> execute(HttpStatus status, Supplier<T> command) {
        AppendedPositions.reset();
        FAN_OUT.remove();
        try {
            T body = command.get();
            long position = Math.max(AppendedPositions.last(), FAN_OUT.get() == null ? -1L : FAN_OUT.get());
            if (position < 0) {
                // not the head: a position handed out but never written (an append a crash cut short) would make a
                // read that waits for it wait in vain
                position = eventStore.lastStoredPosition();
            }
            return ResponseEntity.status(status).header(RegistryHeaders.POSITION, Long.toString(position)).body(body);
        } finally {
            AppendedPositions.reset();
            FAN_OUT.remove();
        }
    }

    /**
     * The answer covers everything stored so far: for events other threads stored on behalf of the current request
     * without telling their positions (the retirement process moving the retired version's adoptions).
     */
    public void coverEverythingStored() {
        noteAppended(eventStore.lastStoredPosition());
    }

    /** Positions stored by worker threads on behalf of the current request ({@link CommandFanOut}). */
    static void noteAppended(long position) {
        Long previous = FAN_OUT.get();
        if (previous == null || position > previous) {
            FAN_OUT.set(position);
        }
    }
}
