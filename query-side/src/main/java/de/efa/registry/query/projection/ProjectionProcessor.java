package de.efa.registry.query.projection;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final StoredTokens storedTokens;
    private final java.time.Duration claimTimeout;
    private static final int SHUTDOWN_WAIT_SECONDS = 30;
    /** How often a segment without events of its own stores its token: the longest another instance waits for it. */
    private static final long IDLE_TOKEN_MILLIS = 500;

    ProjectionProcessor(Projection projection, ProjectionStore store, DeadLetterQueue deadLetters, TokenStore tokenStore,
                        StoredTokens storedTokens, StreamableMessageSource<TrackedEventMessage<?>> source, ProjectionSettings settings,
                        java.time.Duration claimTimeout) {
        this.projection = projection;
        this.store = store;
        this.storedTokens = storedTokens;
        this.claimTimeout = claimTimeout;
        int segments = settings.segments();
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
                // a segment that gets no events of its own stores how far it has read (or extends its claim) this
                // often: well inside the claim timeout, so a live owner never looks dead, and soon enough that a
                // read with Registry-Min-Position on another instance, which waits for every segment's stored
                // token, is not held up by segments the write did not concern (it waited up to 3.3 s before)
                .claimExtensionThreshold(Math.min(claimTimeout.dividedBy(3).toMillis(), IDLE_TOKEN_MILLIS))
                .build();
    }

    void start() {
        projection.prepare(store);
        processor.start();
    }

    /** Stops and waits until the segments' claims are released, so other instances take them over at once. */
    void stop() {
        try {
            processor.shutdownAsync().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // claims that were not released lapse after the token store's claim timeout
            LoggerFactory.getLogger(ProjectionProcessor.class).warn("Processor {} did not stop cleanly", name(), e);
        }
        storedTokens.forget(name());
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

    /**
     * The token of every segment, wherever it is claimed: this instance's own segments from the processor (fresher),
     * the others' and those in error from the token store. Empty while the processor has not initialised its segments.
     */
    Map<Integer, TrackingToken> tokens() {
        Map<Integer, TrackingToken> tokens = new TreeMap<>(storedTokens.of(name()));
        // a segment in error is not being processed: its last token here may be stale for good (a segment aborted
        // during a store outage and taken over by another instance left such a status behind, and a read waiting for
        // it waited in vain for a quarter of an hour); the token store says how far it really is
        processor.processingStatus().forEach((segment, status) -> {
            if (!status.isErrorState()) {
                tokens.put(segment, status.getTrackingToken());
            }
        });
        return tokens;
    }

    /** The lowest position all segments have processed, on every instance; empty while segments have no tokens. */
    OptionalLong position() {
        Map<Integer, TrackingToken> tokens = tokens();
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens.values()) {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            lowest = Math.min(lowest, lower == null ? 0L : lower.position().orElse(0L));
        }
        return OptionalLong.of(lowest);
    }

    /** Whether every segment, on whichever instance, has processed {@code position}. */
    boolean hasProcessed(long position) {
        Map<Integer, TrackingToken> tokens = tokens();
        if (tokens.isEmpty()) {
            return false;
        }
        for (TrackingToken token : tokens.values()) {
            if (!covers(token, position)) {
                return false;
            }
        }
        return true;
    }

    Map<Integer, EventTrackerStatus> status() {
        return processor.processingStatus();
    }

    /** Lets go of {@code count} of the segments claimed here, and claims none of them again for {@code pause}. */
    void release(int count, java.time.Duration pause) {
        processing().stream().sorted(java.util.Comparator.reverseOrder()).limit(count)
                .forEach(segment -> processor.releaseSegment(segment, pause.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * The segments this instance is processing: those in error are not (their work was aborted — during a store
     * outage, say — and another instance may hold them by now), so they neither count towards its share nor are
     * released to make room; counted, they made two instances give up each other's live segments in turn.
     */
    java.util.List<Integer> processing() {
        return processor.processingStatus().entrySet().stream().filter(e -> !e.getValue().isErrorState())
                .map(java.util.Map.Entry::getKey).toList();
    }

    /**
     * The claim on the segment that projects {@code aggregateId}, if this instance holds it and it is not in error
     * (segments are chosen per aggregate, as {@link ProjectionInvoker#canHandle} does).
     */
    java.util.Optional<SegmentClaim> claimOf(String aggregateId) {
        // read the releases first: a release after this read makes a later claim differ from this one
        long releases = invoker.releases();
        int hash = java.util.Objects.hashCode(aggregateId);
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.getSegment().matches(hash)) {
                return status.isErrorState() ? java.util.Optional.empty()
                        : java.util.Optional.of(new SegmentClaim(invoker, status.getSegment(), releases));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether a segment is in error here and processed nowhere. A segment aborted during a store outage and claimed by
     * another instance since keeps its error status here, stale; it is not an error of this projection.
     */
    boolean hasError() {
        java.util.List<Integer> inError = processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState).map(status -> status.getSegment().getSegmentId()).toList();
        if (inError.isEmpty()) {
            return false;
        }
        java.util.Set<Integer> claimed = storedTokens.claimedWithin(name(), claimTimeout);
        return inError.stream().anyMatch(segment -> !claimed.contains(segment));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether the token has processed {@code position}: at or past it, and not waiting for it as a gap. */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1) >= position;
    }
}
