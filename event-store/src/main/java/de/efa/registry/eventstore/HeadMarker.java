package de.efa.registry.eventstore;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Records the heads of stored events in the background: one head mark for every group stored within
 * {@code interval}, instead of one round trip per group on the way to answering its appenders.
 * <p>
 * What that costs: a head lags the stored events by about the interval, so removing an aggregate's last events within
 * that moment, or a crash within it, leaves those events covered by their hash chain only (as the events before the
 * heads existed are); it never raises a false alarm, because a mark is only ever written for stored events.
 */
final class HeadMarker {

    private static final Logger log = LoggerFactory.getLogger(HeadMarker.class);

    private final AggregateHeads heads;
    private final long intervalNanos;
    private final ScheduledThreadPoolExecutor writer;
    private final Object lock = new Object();
    /** Stored documents waiting for their mark; guarded by {@link #lock}. */
    private List<Document> pending = new ArrayList<>();
    private boolean scheduled;

    HeadMarker(AggregateHeads heads, Duration interval) {
        this.heads = heads;
        this.intervalNanos = interval.toNanos();
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "event-head-marks");
            thread.setDaemon(true);
            return thread;
        });
        // an idle engine keeps no thread
        writer.setKeepAliveTime(30, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        // on close, a write still waiting for its moment is done at once instead
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Documents just stored: their heads are recorded within the interval. */
    void stored(List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        synchronized (lock) {
            pending.addAll(documents);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            writer.schedule(this::writePending, intervalNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // an append that finished while the engine shut down: its heads are recorded at once
            writePending();
        }
    }

    private void writePending() {
        List<Document> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        try {
            heads.advance(batch);
        } catch (RuntimeException e) {
            log.warn("Could not record the heads of {} stored events", batch.size(), e);
        }
    }

    /** Records what is pending now and stops the background writer (on shutdown). */
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writePending();
    }
}
