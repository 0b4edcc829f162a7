package de.efa.registry.command.axon;

import de.efa.registry.eventstore.AppendReceipt;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a command, waits for it, and answers its result with the position of the events it stored. Commands that
 * lost a race for their aggregate run again (see {@link ConcurrencyRetry}); a refusal decided on a cached aggregate
 * is decided once more from the store.
 */
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandBus commandBus;
    private final int retries;

    public CommandSender(CommandBus commandBus, int retries) {
        this.commandBus = commandBus;
        this.retries = retries;
    }

    /** @param command a command, or a command message with its metadata */
    public <R> Sent<R> send(Object command) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command);
        String name = message.getPayloadType().getSimpleName();
        boolean decidedFromStore = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(message);
            } catch (RefusedOnCachedAggregate refusal) {
                if (decidedFromStore) {
                    throw refusal.refusal();
                }
                decidedFromStore = true;
                log.debug("{} refused on a cached aggregate; deciding again from the store", name);
                attempt--;
            } catch (RuntimeException e) {
                if (attempt > retries || !lostRace(e)) {
                    throw e;
                }
                log.debug("{} lost a race for its aggregate; attempt {} of {}", name, attempt + 1, retries + 1);
                // a short random pause, so that the same competitors do not collide again in lockstep
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <R> Sent<R> once(CommandMessage<Object> message) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(message, callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof AggregateNotFoundException missing) {
                throw MissingRecord.of(message.getPayload(), missing);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new org.axonframework.commandhandling.CommandExecutionException(failure.getMessage(), failure);
        }
        Object receipt = result.getMetaData().get(CommandResults.RECEIPT);
        long position = receipt instanceof AppendReceipt r ? r.lastPosition() : -1L;
        return new Sent<>((R) result.getPayload(), position);
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return false;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
