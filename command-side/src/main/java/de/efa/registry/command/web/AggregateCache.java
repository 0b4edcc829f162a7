package de.efa.registry.command.web;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The aggregates commands used last, so that the next command on one of them does not read its snapshot and history
 * back from the store (two round trips and every event deserialized, per adoption). Bounded, least recently used
 * first out.
 * <p>
 * A cached aggregate can be behind the store only when another instance appended to it. Both ways that can show are
 * safe: a command the stale state <em>admits</em> appends at a sequence number that is already taken, the unique
 * stream key refuses it and the gateway runs it again on the reloaded aggregate ({@link ConcurrencyRetry}); a
 * command the stale state <em>refuses</em> is decided again from the store once ({@link #servedThisCommand()}).
 * Axon's caching repository drops the entry whenever a unit of work that used it rolls back, so that second run
 * reads the store.
 */
public final class AggregateCache implements Cache {

    private static final ThreadLocal<Boolean> SERVED = new ThreadLocal<>();

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
    }

    /** Forget whether the current thread's last command was decided on a cached aggregate: a new command starts. */
    static void startCommand() {
        SERVED.remove();
    }

    /** Whether a command on the current thread, since {@link #startCommand()}, ran on an aggregate from this cache. */
    static boolean servedThisCommand() {
        return Boolean.TRUE.equals(SERVED.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            SERVED.set(Boolean.TRUE);
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        synchronized (entries) {
            previous = entries.put(key, value);
        }
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
        boolean absent;
        synchronized (entries) {
            absent = entries.putIfAbsent(key, value) == null;
        }
        if (absent) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
