package de.efa.registry.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;

/**
 * Group commit of concurrent appends: a few writer threads each take every append waiting in the queue, give all of
 * them consecutive positions (from a block reserved ahead while busy, see {@link PositionBlocks}) and store them with
 * one ordered {@code insertMany} — one round trip for the group instead of two per append.
 * <p>
 * One append's failure fails only that append: an ordered insert stops at the first failing document, so the appends
 * before it are stored, the failing one is compensated (its already inserted documents removed) and failed, and the
 * appends after it are inserted again on their own, with the positions they already hold. More than one writer thread,
 * so that one slow group (a stalled connection) does not stop all appends.
 * <p>
 * A writer does not commit the moment the first append arrives while other callers are still serializing and hashing
 * theirs ({@link #preparing()}): it waits for them, briefly ({@link #GATHER_NANOS} at most), asleep.
 * Every group pays an insert (now and then a counter update) whatever its size, and callers that just got their
 * answer come back one by one; without the wait, 16 busy callers formed groups of about five.
 * <p>
 * For the same reason only one writer commits at a time: a second writer that takes the next append waits for the
 * first one's group to finish (while more appends queue up behind it), unless that group takes longer than
 * {@link #STALL_MILLIS} — then it goes ahead, so that a stalled connection does not hold up every append. The turn
 * covers positions and insert only: reporting a stored group (to the head marks) and answering its callers overlap
 * with the next group's insert.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** A soft cap on the documents of one group (an append larger than that is a group of its own). */
    static final int MAX_GROUP_DOCUMENTS = 1_000;
    private static final long IDLE_SECONDS = 30;
    /** How long the queue stays empty after a commit before the appends count as stopped ({@code quiet} is told). */
    static final long QUIET_MILLIS = 10;
    /** The longest a writer waits for appends still being prepared before it commits what it has. */
    static final long GATHER_NANOS = 500_000;
    /** How long a commit may take before a second writer commits alongside it. */
    static final long STALL_MILLIS = 20;

    /** One caller's append: its documents (positions still unset) and how it ended. */
    static final class PendingAppend {
        final List<Document> documents;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        int failedIndex = -1;

        PendingAppend(List<Document> documents) {
            this.documents = documents;
        }
    }

    private final MongoCollection<Document> events;
    private final IntToLongFunction allocate;
    private final int writers;
    private final long gatherNanos;
    /** Told about every block of documents that was stored, before the appenders are answered. */
    private final java.util.function.Consumer<List<Document>> onStored;
    /** Told when the appends stopped for {@link #QUIET_MILLIS} after a commit. */
    private final Runnable quiet;
    private final LinkedBlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger preparing = new AtomicInteger();
    /** The writer sleeping in {@link #gather} until the callers it waits for are done preparing. */
    private volatile Thread gathering;
    private final java.util.concurrent.locks.ReentrantLock committing = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.LongAdder groups = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder appends = new java.util.concurrent.atomic.LongAdder();
    private final AtomicInteger threadNumber = new AtomicInteger();

    /**
     * @param allocate reserves {@code count} consecutive positions and returns the first (including any seam the
     *                 engine calls between allocation and insert)
     */
    GroupCommit(MongoCollection<Document> events, IntToLongFunction allocate, int writers,
                java.util.function.Consumer<List<Document>> stored) {
        this(events, allocate, writers, stored, () -> { }, GATHER_NANOS);
    }

    /** @param quiet told when the appends stopped for a moment after a commit (to hand back reserved positions) */
    GroupCommit(MongoCollection<Document> events, IntToLongFunction allocate, int writers,
                java.util.function.Consumer<List<Document>> stored, Runnable quiet) {
        this(events, allocate, writers, stored, quiet, GATHER_NANOS);
    }

    /** @param gatherNanos the longest a writer waits for appends still being prepared */
    GroupCommit(MongoCollection<Document> events, IntToLongFunction allocate, int writers,
                java.util.function.Consumer<List<Document>> stored, Runnable quiet, long gatherNanos) {
        this.onStored = stored;
        this.quiet = quiet;
        this.events = events;
        this.allocate = allocate;
        this.writers = Math.max(1, writers);
        this.gatherNanos = gatherNanos;
    }

    /** A caller starts preparing an append: writers wait briefly for it until it calls {@link #prepared()}. */
    void preparing() {
        preparing.incrementAndGet();
    }

    /** The caller's append is submitted, or will not be (its serialization failed). */
    void prepared() {
        if (preparing.decrementAndGet() == 0) {
            Thread writer = gathering;
            if (writer != null) {
                LockSupport.unpark(writer);
            }
        }
    }

    /** Queues the append; the returned append completes with its last position or the exception that failed it. */
    PendingAppend submit(List<Document> documents) {
        PendingAppend append = new PendingAppend(documents);
        queue.add(append);
        ensureWriters();
        return append;
    }

    /** Appends committed per group so far (for benchmarks and diagnostics). */
    double appendsPerGroup() {
        long g = groups.sum();
        return g == 0 ? 0 : (double) appends.sum() / g;
    }

    private void ensureWriters() {
        int n;
        while ((n = running.get()) < writers) {
            if (running.compareAndSet(n, n + 1)) {
                Thread thread = new Thread(this::work, "event-append-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void work() {
        List<PendingAppend> group = new ArrayList<>();
        boolean committedSinceQuiet = false;
        while (true) {
            PendingAppend first;
            try {
                first = committedSinceQuiet ? queue.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)
                        : queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null && committedSinceQuiet) {
                committedSinceQuiet = false;
                try {
                    quiet.run();
                } catch (RuntimeException e) {
                    log.debug("Could not tidy up after the appends stopped", e);
                }
                continue;
            }
            if (first == null) {
                // idle: stop, unless an append arrived while we decided to (its submitter may have seen us running)
                running.decrementAndGet();
                if (!queue.isEmpty()) {
                    ensureWriters();
                }
                return;
            }
            committedSinceQuiet = true;
            boolean alone = awaitTurn();
            Stored stored;
            try {
                group.clear();
                group.add(first);
                int documents = gather(group, first.documents.size());
                groups.increment();
                appends.add(group.size());
                stored = commit(group, documents);
            } catch (RuntimeException | Error e) {
                for (PendingAppend append : group) {
                    append.done.completeExceptionally(e);
                }
                continue;
            } finally {
                if (alone) {
                    committing.unlock();
                }
            }
            // after the turn is passed on: the next group's insert overlaps with what is told about this one
            try {
                onStored.accept(stored.documents());
            } catch (RuntimeException e) {
                log.warn("Could not report {} stored events", stored.documents().size(), e);
            }
            stored.appends().forEach(GroupCommit::succeed);
        }
    }

    /** What one commit stored: the documents and the appends they belong to (failed appends are not among them). */
    private record Stored(List<Document> documents, List<PendingAppend> appends) {
    }

    /** @return whether this writer holds the commit turn (false: the other writer's commit stalled, go ahead anyway) */
    private boolean awaitTurn() {
        try {
            return committing.tryLock(STALL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Takes every waiting append, and those still being prepared if they come within the gather time. The writer
     * sleeps meanwhile; the last caller to finish preparing wakes it (one wake-up per group, no spinning that would
     * take the CPU from the callers).
     */
    private int gather(List<PendingAppend> group, int documents) {
        long deadline = 0;
        while (documents < MAX_GROUP_DOCUMENTS) {
            PendingAppend next = queue.poll();
            if (next != null) {
                group.add(next);
                documents += next.documents.size();
                continue;
            }
            if (preparing.get() <= 0) {
                break;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + gatherNanos;
            } else if (now - deadline >= 0) {
                break;
            }
            gathering = Thread.currentThread();
            if (preparing.get() > 0) {
                LockSupport.parkNanos(this, deadline - now);
            }
            gathering = null;
        }
        return documents;
    }

    private Stored commit(List<PendingAppend> group, int documents) {
        long position = allocate.applyAsLong(documents);
        for (PendingAppend append : group) {
            for (Document document : append.documents) {
                document.put(EventDocument.POSITION, position++);
            }
        }
        return insert(group);
    }

    private Stored insert(List<PendingAppend> group) {
        Stored stored = new Stored(new ArrayList<>(), new ArrayList<>());
        while (!group.isEmpty()) {
            List<Document> documents = new ArrayList<>();
            for (PendingAppend append : group) {
                documents.addAll(append.documents);
            }
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                stored.documents().addAll(documents);
                stored.appends().addAll(group);
                return stored;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()) {
                    throw e;
                }
                int failedAt = e.getWriteErrors().get(0).getIndex();
                int offset = 0;
                int culprit = 0;
                while (offset + group.get(culprit).documents.size() <= failedAt) {
                    offset += group.get(culprit).documents.size();
                    culprit++;
                }
                for (int i = 0; i < culprit; i++) {
                    stored.documents().addAll(group.get(i).documents);
                    stored.appends().add(group.get(i));
                }
                PendingAppend failed = group.get(culprit);
                failed.failedIndex = failedAt - offset;
                compensate(failed);
                failed.done.completeExceptionally(e);
                group = new ArrayList<>(group.subList(culprit + 1, group.size()));
            }
        }
        return stored;
    }

    private static void succeed(PendingAppend append) {
        append.done.complete(EventDocument.position(append.documents.get(append.documents.size() - 1)));
    }

    /**
     * Without transactions, the best we can do for an append spanning several aggregates is to take out again what
     * it inserted before its failing event.
     */
    private void compensate(PendingAppend failed) {
        if (failed.failedIndex > 0) {
            List<Object> ids = failed.documents.subList(0, failed.failedIndex).stream()
                    .map(d -> d.get(EventDocument.POSITION)).toList();
            events.deleteMany(new Document(EventDocument.POSITION, new Document("$in", ids)));
            log.warn("Append failed after {} of {} events; removed the partial write at positions {}",
                    failed.failedIndex, failed.documents.size(), ids);
        }
    }
}
