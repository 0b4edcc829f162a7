package de.efa.registry.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends a command again when its append lost the race for the aggregate's next sequence number. Within one instance
 * Axon locks an aggregate while a command runs; instances sharing a store meet only at the unique stream key, and
 * the loser gets a {@link ConcurrencyException} although nothing is wrong with its command. Nothing was stored, so
 * sending it again is safe (the supplier must send one command, or catch the failures of the ones it sends): it loads the aggregate afresh and the rules decide (success, 409 or 422). After a few
 * lost races in a row the client sees the 409.
 */
public final class OptimisticRetry {

    static final int ATTEMPTS = 8;

    private OptimisticRetry() {
    }

    public static <T> T call(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostOptimisticLock(e)) {
                    throw e;
                }
                // a short random pause that grows: contenders do not meet again in lockstep
                long millis = ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 4));
                LockSupport.parkNanos(millis * 1_000_000L);
            }
        }
    }

    static boolean lostOptimisticLock(Throwable e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof ConcurrencyException;
    }
}
