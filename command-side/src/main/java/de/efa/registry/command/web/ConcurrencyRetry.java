package de.efa.registry.command.web;

import de.efa.registry.kernel.common.DomainException;
import de.efa.registry.platform.web.RegistryProblem;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Commands that lost a race for the same aggregate run again. Several command-side instances (and several threads
 * of one) may load the same aggregate at once; the unique stream key lets exactly one append win and the other gets a
 * {@link ConcurrencyException} before anything else happened (the append is the first step of the commit; the
 * write-side lookup is updated only after it). Running the command again on the reloaded aggregate decides it
 * against the winner's events — as if it had come a moment later — instead of answering 409 for a conflict the
 * caller cannot do anything about. Only {@code sendAndWait} retries, in the caller's thread, so the thread-bound
 * position of the last append ({@code Registry-Position}) stays with the request.
 * <p>
 * Not retried: creating an aggregate that exists ({@link AggregateStreamCreationException}): the same again.
 * <p>
 * A refusal ({@link RegistryProblem}) decided on an aggregate from the {@link AggregateCache} is decided once more:
 * the cached state may be behind another instance's appends, and only the stored history may refuse a command. The
 * refused unit of work rolled back, which dropped the cache entry, so the second run reads the store.
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrencyRetry {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetry.class);

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${registry.commands.concurrency-retries:8}") int retries) {
        return new RetryingGateway(DefaultCommandGateway.builder().commandBus(commandBus), retries);
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

    static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryProblem || t instanceof DomainException) {
                return true;
            }
        }
        return false;
    }

    static final class RetryingGateway extends DefaultCommandGateway {

        private final int retries;

        RetryingGateway(DefaultCommandGateway.Builder builder, int retries) {
            super(builder);
            this.retries = retries;
        }

        @Override
        public <R> R sendAndWait(Object command) {
            return again(command, () -> super.sendAndWait(command));
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return again(command, () -> super.sendAndWait(command, timeout, unit));
        }

        private <R> R again(Object command, Supplier<R> send) {
            boolean decidedFromStore = false;
            for (int attempt = 1; ; attempt++) {
                AggregateCache.startCommand();
                try {
                    return send.get();
                } catch (RuntimeException e) {
                    if (!decidedFromStore && AggregateCache.servedThisCommand() && refused(e)) {
                        decidedFromStore = true;
                        log.debug("{} refused on a cached aggregate; deciding again from the store",
                                command.getClass().getSimpleName());
                        attempt--;
                        continue;
                    }
                    if (attempt > retries || !lostRace(e)) {
                        throw e;
                    }
                    log.debug("{} lost a race for its aggregate; attempt {} of {}", command.getClass().getSimpleName(),
                            attempt + 1, retries + 1);
                    // a short random pause, so that the same competitors do not collide again in lockstep
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2)));
                }
            }
        }
    }
}
