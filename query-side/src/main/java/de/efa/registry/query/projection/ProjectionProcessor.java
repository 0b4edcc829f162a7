package de.efa.registry.query.projection;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** One version of a projection, fed by its own pooled streaming processor {@code <projection>_v<version>}. */
final class ProjectionProcessor {

    private final Projection projection;
    private final ProjectionStore store;
    private final ProjectionInvoker invoker;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;
    private final int segments;

    ProjectionProcessor(Projection projection, ProjectionStore store, DeadLetterQueue deadLetters, TokenStore tokenStore,
                        StreamableMessageSource<TrackedEventMessage<?>> source, ProjectionSettings settings) {
        this.projection = projection;
        this.store = store;
        this.segments = settings.segments();
        String name = store.prefix();
        this.invoker = new ProjectionInvoker(name, projection, store, deadLetters);
        this.coordinator = Executors.newScheduledThreadPool(1, named(name + "-coordinator"));
        this.workers = Executors.newScheduledThreadPool(segments, named(name + "-worker"));
        this.processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(source)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(settings.batchSize())
                .tokenClaimInterval(settings.tokenClaimInterval().toMillis())
                .build();
    }

    void start() {
        projection.prepare(store);
        processor.start();
    }

    void stop() {
        processor.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }

    String name() {
        return store.prefix();
    }

    ProjectionStore store() {
        return store;
    }

    ProjectionInvoker invoker() {
        return invoker;
    }

    boolean isRunning() {
        return processor.isRunning();
    }

    /** The lowest position every segment has processed, or empty while not all segments are claimed here. */
    OptionalLong position() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.size() < segments) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            TrackingToken token = segment.getTrackingToken();
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            lowest = Math.min(lowest, lower == null ? 0L : lower.position().orElse(0L));
        }
        return OptionalLong.of(lowest);
    }

    Map<Integer, EventTrackerStatus> status() {
        return processor.processingStatus();
    }

    boolean hasError() {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    boolean isCaughtUp() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.size() >= segments && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
