package de.efa.registry.command.web;

import de.efa.registry.command.axon.CommandSender;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.platform.web.RegistryHeaders;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Runs a request's commands and answers with {@code Registry-Position}: the global position of the last event they
 * stored, so the client can read its own write from the query side. A write that stored nothing (a repeated import)
 * answers the last stored event's position: everything it depends on is at or below it.
 * <p>
 * Within one instance Axon locks an aggregate while a command runs; two instances on one store only meet at the
 * unique stream key, and the loser's command is sent again ({@link de.efa.registry.command.axon.ConcurrencyRetry}).
 */
@Component
public class CommandResponses {

    private final MongoEventStorageEngine eventStore;
    private final CommandSender sender;

    public CommandResponses(MongoEventStorageEngine eventStore, CommandSender sender) {
        this.eventStore = eventStore;
        this.sender = sender;
    }

    /** For a request: its commands carry the caller's principal and the request's Idempotency-Key. */
    public <T> ResponseEntity<T> execute(HttpStatus status, Function<RequestCommands, T> work) {
        return execute(status, RequestMetaData.ofCaller(), work);
    }

    /** For work whose commands carry the metadata given (a job, planned on the request that started it). */
    public <T> ResponseEntity<T> execute(HttpStatus status, MetaData metaData, Function<RequestCommands, T> work) {
        RequestCommands commands = new RequestCommands(sender, metaData, eventStore::lastStoredPosition);
        T body = work.apply(commands);
        long position = commands.lastPosition();
        if (position < 0) {
            // not the head: a position handed out but never written (an append a crash cut short) would make a
            // read that waits for it wait in vain
            position = eventStore.lastStoredPosition();
        }
        return ResponseEntity.status(status).header(RegistryHeaders.POSITION, Long.toString(position)).body(body);
    }
}
