package de.efa.registry.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Commands that lost a race for the same aggregate run again. Several command-side instances (and several threads
 * of one) may load the same aggregate at once; the unique stream key lets exactly one append win and the other gets a
 * {@link ConcurrencyException} before anything else happened (the append is the first step of the commit; the
 * write-side lookup is updated only after it). Running the command again on the reloaded aggregate decides it
 * against the winner's events — as if it had come a moment later — instead of answering 409 for a conflict the
 * caller cannot do anything about. Both ways of waiting for a command retry: the {@link CommandSender}'s, which
 * answers the result with the position of the stored events, and the gateway's {@code sendAndWait}.
 * <p>
 * Not retried: creating an aggregate that exists ({@link AggregateStreamCreationException}): the same again.
 * <p>
 * A refusal decided on an aggregate from the {@link AggregateCache} is decided once more: the cached state may be
 * behind another instance's appends, and only the stored history may refuse a command. The refused unit of work
 * rolled back, which dropped the cache entry, so the second run reads the store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
public class ConcurrencyRetry {

    /**
     * The one command bus is also the one the handlers run on: the registry runs without Axon Server, so there is no
     * distributed bus with a local segment of its own to put the results' interceptor on.
     */
    @Bean
    public CommandSender commandSender(CommandBus commandBus, CommandProperties properties) {
        commandBus.registerHandlerInterceptor(new CommandResults());
        return new CommandSender(commandBus, properties.concurrencyRetries());
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, CommandSender sender) {
        return new RetryingGateway(DefaultCommandGateway.builder().commandBus(commandBus), sender);
    }

    /** The gateway for senders that need no position (processes, the demo seeds): retried like every command. */
    static final class RetryingGateway extends DefaultCommandGateway {

        private final CommandSender sender;

        RetryingGateway(DefaultCommandGateway.Builder builder, CommandSender sender) {
            super(builder);
            this.sender = sender;
        }

        @Override
        public <R> R sendAndWait(Object command) {
            return sender.<R>send(command).result();
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            // every store call is bounded by the driver's read timeout, which bounds a command too
            return sender.<R>send(command).result();
        }
    }
}
