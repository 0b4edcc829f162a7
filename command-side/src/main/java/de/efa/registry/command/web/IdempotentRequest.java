package de.efa.registry.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every event a request with an {@code Idempotency-Key} stores carries the key (principal/key) in its metadata
 * ({@value #META_DATA_KEY}). A crash between storing the events and remembering the answer leaves the key reserved
 * but unanswered; when it is repeated after the reservation expired, the stored events show that the request was
 * carried out, and it is not carried out a second time ({@link IdempotencyRecords}).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotentRequest {

    static final String META_DATA_KEY = "idempotencyKey";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** Runs {@code request} with its key known to the commands it sends from this thread. */
    static void during(String id, ThrowingRunnable request) throws Exception {
        CURRENT.set(id);
        try {
            request.run();
        } finally {
            CURRENT.remove();
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The key of the request this thread serves, for commands sent on its behalf from other threads. */
    public static MetaData metaData() {
        String id = CURRENT.get();
        return id == null ? MetaData.emptyInstance() : MetaData.with(META_DATA_KEY, id);
    }

    /** Commands sent from the request's own thread get the key here. */
    @Bean
    KeyOnCommands idempotencyKeyOnCommands(List<CommandBus> commandBuses) {
        KeyOnCommands interceptor = new KeyOnCommands();
        commandBuses.forEach(bus -> bus.registerDispatchInterceptor(interceptor));
        return interceptor;
    }

    /** Axon copies it from the command onto every event the command causes. */
    @Bean
    CorrelationDataProvider idempotencyKeyOnEvents() {
        return new SimpleCorrelationDataProvider(META_DATA_KEY);
    }

    static final class KeyOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                String id = CURRENT.get();
                return id == null || command.getMetaData().containsKey(META_DATA_KEY) ? command
                        : command.andMetaData(Map.of(META_DATA_KEY, id));
            };
        }
    }
}
