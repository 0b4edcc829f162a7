package de.efa.registry.query.projection;

import org.bson.Document;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A projection's handlers, one declaration per event type: which state document the event changes and how. What the
 * projection handles, the key of an event and the dispatch all come from the same declaration, so an event type can
 * never be handled in one place and forgotten in another.
 */
public final class EventHandlers {

    /** Changes a state document (a fresh one holds only {@code _id}); throwing dead-letters the event. */
    @FunctionalInterface
    public interface StateChange<E> {
        void apply(E event, Document state, long position);
    }

    private record Handler<E>(Class<E> type, Function<? super E, StateKey> key, StateChange<? super E> change) {

        StateKey keyOf(Object payload) {
            return key.apply(type.cast(payload));
        }

        void apply(Object payload, Document state, long position) {
            change.apply(type.cast(payload), state, position);
        }
    }

    private final Map<Class<?>, Handler<?>> byType = new HashMap<>();

    /** Declares the handler of one event type; a type declared twice is a mistake in the projection. */
    public <E> EventHandlers on(Class<E> type, Function<? super E, StateKey> key, StateChange<? super E> change) {
        if (byType.putIfAbsent(type, new Handler<>(type, key, change)) != null) {
            throw new IllegalStateException(type.getName() + " has a handler already");
        }
        return this;
    }

    public boolean handles(Class<?> payloadType) {
        return byType.containsKey(payloadType);
    }

    /** The state document the event changes, or null for an event no handler was declared for. */
    public StateKey keyOf(Object payload) {
        Handler<?> handler = byType.get(payload.getClass());
        return handler == null ? null : handler.keyOf(payload);
    }

    public void apply(Object payload, Document state, long position) {
        Handler<?> handler = byType.get(payload.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + payload.getClass().getName());
        }
        handler.apply(payload, state, position);
    }
}
