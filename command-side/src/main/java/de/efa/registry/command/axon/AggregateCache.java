package de.efa.registry.command.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The aggregates commands used last, so that the next command on one of them does not read its snapshot and history
 * back from the store (two round trips and every event deserialized, per adoption). Bounded by Caffeine.
 * <p>
 * A cached aggregate can be behind the store only when another instance appended to it. Both ways that can show are
 * safe: a command the stale state <em>admits</em> appends at a sequence number that is already taken, the unique
 * stream key refuses it and the gateway runs it again on the reloaded aggregate ({@link ConcurrencyRetry}); a
 * command the stale state <em>refuses</em> is decided again from the store once: a read from this cache marks the
 * command's unit of work ({@link #servedFromCache}), and {@link CommandResults} turns its refusal into a
 * {@link RefusedOnCachedAggregate}. Axon's caching repository drops the entry whenever a unit of work that used it
 * rolls back, so that second run reads the store.
 */
public final class AggregateCache implements Cache {

    private static final String SERVED = AggregateCache.class.getName() + ".served";

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(capacity)
                // evictions are told to Axon's listeners on the thread that caused them, before the put returns
                .executor(Runnable::run)
                .evictionListener((key, value, cause) -> listeners.forEach(l -> l.onEntryExpired(key)))
                .build();
    }

    /** Whether the command of this unit of work was decided on an aggregate read from this cache. */
    static boolean servedFromCache(UnitOfWork<?> unitOfWork) {
        return Boolean.TRUE.equals(unitOfWork.root().resources().get(SERVED));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().put(SERVED, Boolean.TRUE));
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.asMap().putIfAbsent(key, value) == null;
        if (absent) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** The number of aggregates kept, once pending evictions are done. */
    public int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
