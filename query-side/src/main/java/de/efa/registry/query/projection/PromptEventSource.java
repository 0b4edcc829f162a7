package de.efa.registry.query.projection;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The event store as the projections' source, with streams that wake their processor promptly.
 * <p>
 * A caught-up {@code PooledStreamingEventProcessor} whose stream cannot signal new events (Axon's
 * {@code EmbeddedEventStore} streams cannot) looks again only every 500 ms, so a write became visible in a query
 * 250 ms later on average, up to half a second — even on an idle system. These streams accept the availability
 * callback, and two things call it:
 * <ul>
 *   <li>an <b>arrival watcher</b>: one thread holding a stream of its own at the head, blocked until the store's
 *       shared event cache receives new events (from this JVM or, through the store's fetch, from another
 *       instance), then calling every callback at once. A coordinator reads the same cache, so when it looks, the
 *       events are there; before, it learnt of them only at the next tick, 2.5 ms later on average;</li>
 *   <li>a <b>ticker</b> calling the callbacks every {@value #HOT_TICK_MS} ms for {@value #HOT_MS} ms after the last
 *       event published or arrived, and every {@value #COLD_TICK_MS} ms otherwise: a call that finds the
 *       coordinator busy is dropped by the coordinator, so an arrival in that moment waits for the next tick.</li>
 * </ul>
 * A call only asks the coordinator to look at its stream (a no-op while it is already scheduled); reading stays with
 * the coordinator's thread.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final long HOT_TICK_MS = 5;
    static final long HOT_MS = 250;
    static final long COLD_TICK_MS = 100;

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final Thread watcher;
    private final Registration subscription;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean closed;
    private volatile long lastPublished = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private long lastCall = System.nanoTime();

    PromptEventSource(EventStore store) {
        this.store = store;
        this.subscription = store.subscribe(events -> lastPublished = System.nanoTime());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-wake-up");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, HOT_TICK_MS, HOT_TICK_MS, TimeUnit.MILLISECONDS);
        this.watcher = new Thread(this::watchArrivals, "projection-arrivals");
        watcher.setDaemon(true);
    }

    private void tick() {
        long now = System.nanoTime();
        boolean hot = now - lastPublished < TimeUnit.MILLISECONDS.toNanos(HOT_MS);
        if (hot || now - lastCall >= TimeUnit.MILLISECONDS.toNanos(COLD_TICK_MS)) {
            lastCall = now;
            wakeAll();
        }
    }

    /** Waits on a stream at the head; whenever events arrive, skips over them and wakes every processor. */
    private void watchArrivals() {
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
                while (!closed) {
                    if (head.hasNextAvailable((int) COLD_TICK_MS, TimeUnit.MILLISECONDS)) {
                        // only the fact of arrival matters: the messages are skipped, their payloads never read
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        lastPublished = System.nanoTime();
                        wakeAll();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the store is unreachable for the moment; the ticker still wakes the processors
                LoggerFactory.getLogger(PromptEventSource.class).debug("Arrival watcher failed; reopening", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(COLD_TICK_MS));
            }
        }
    }

    private void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a processor that is shutting down may refuse; it deregisters when its stream closes
            }
        }
    }

    void close() {
        closed = true;
        subscription.cancel();
        ticker.shutdownNow();
        watcher.interrupt();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        // the first processor to read starts the watcher: before, there is nobody to wake
        if (!closed && watching.compareAndSet(false, true)) {
            watcher.start();
        }
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(java.time.Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
