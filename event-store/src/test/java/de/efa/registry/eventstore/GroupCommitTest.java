package de.efa.registry.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent appends share a position allocation and an insert, yet each succeeds or fails on its own. */
class GroupCommitTest {

    private final MongoDatabase database = EngineFixture.freshDatabase();

    @Test
    void aFailingAppendInAGroupFailsAloneAndTakesOutWhatItInserted() throws Exception {
        EventStoreCollections collections = new EventStoreCollections(database);
        collections.ensureIndexes();
        collections.events().insertOne(document("taken", 0).append(EventDocument.POSITION, 1_000L));
        PositionAllocator positions = new PositionAllocator(collections.counters());
        positions.ensureCounter();
        CountDownLatch plugged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger allocations = new AtomicInteger();
        List<String> reportedStored = Collections.synchronizedList(new ArrayList<>());
        GroupCommit groupCommit = new GroupCommit(collections.events(), count -> {
            long first = positions.allocate(count);
            if (allocations.getAndIncrement() == 0) {
                plugged.countDown();
                await(release);
            }
            return first;
        }, 1, docs -> docs.forEach(d -> reportedStored.add(d.getString(EventDocument.STREAM_KEY))));

        GroupCommit.PendingAppend plug = groupCommit.submit(new ArrayList<>(List.of(document("plug", 0))));
        assertThat(plugged.await(10, TimeUnit.SECONDS)).isTrue();
        // these three queue up behind the plug and go out as one group
        GroupCommit.PendingAppend before = groupCommit.submit(new ArrayList<>(List.of(document("a", 0))));
        GroupCommit.PendingAppend failing = groupCommit.submit(new ArrayList<>(List.of(document("b", 0), document("taken", 0))));
        GroupCommit.PendingAppend after = groupCommit.submit(new ArrayList<>(List.of(document("c", 0), document("c", 1))));
        release.countDown();

        assertThat(plug.done.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(before.done.get(10, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(after.done.get(10, TimeUnit.SECONDS)).isEqualTo(6L);
        assertThat(failing.done).isCompletedExceptionally();
        assertThat(failing.failedIndex).isEqualTo(1);
        assertThat(allocations).hasValue(2);
        assertThat(collections.events().find().map(d -> d.getString(EventDocument.STREAM_KEY)).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("taken/0", "plug/0", "a/0", "c/0", "c/1");
        // the heads hear of exactly what was stored for the appenders, before they are answered
        assertThat(reportedStored).containsExactlyInAnyOrder("plug/0", "a/0", "c/0", "c/1");
        try {
            failing.done.join();
        } catch (java.util.concurrent.CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(MongoBulkWriteException.class);
        }
    }

    @Test
    void appendsStillBeingPreparedJoinTheGroupThatIsForming() throws Exception {
        EventStoreCollections collections = new EventStoreCollections(database);
        collections.ensureIndexes();
        PositionAllocator positions = new PositionAllocator(collections.counters());
        positions.ensureCounter();
        AtomicInteger allocations = new AtomicInteger();
        // a gather time far beyond the test, so that only the announcements decide when the group goes out
        GroupCommit groupCommit = new GroupCommit(collections.events(), count -> {
            allocations.incrementAndGet();
            return positions.allocate(count);
        }, 1, docs -> { }, () -> { }, TimeUnit.SECONDS.toNanos(30));

        groupCommit.preparing();
        groupCommit.preparing();
        groupCommit.preparing();
        GroupCommit.PendingAppend first = groupCommit.submit(new ArrayList<>(List.of(document("first", 0))));
        GroupCommit.PendingAppend second = groupCommit.submit(new ArrayList<>(List.of(document("second", 0))));
        groupCommit.prepared();
        groupCommit.prepared();
        assertThat(first.done).isNotDone();
        GroupCommit.PendingAppend third = groupCommit.submit(new ArrayList<>(List.of(document("third", 0))));
        groupCommit.prepared();

        assertThat(List.of(first.done.get(10, TimeUnit.SECONDS), second.done.get(10, TimeUnit.SECONDS),
                third.done.get(10, TimeUnit.SECONDS))).containsExactly(1L, 2L, 3L);
        assertThat(allocations).hasValue(1);
        assertThat(groupCommit.appendsPerGroup()).isEqualTo(3.0);
    }

    @Test
    void concurrentWritersEachGetTheirOwnOutcomePositionAndAnUnbrokenHashChain() throws Exception {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        int writers = 16;
        int perWriter = 40;
        engine.appendEvents(List.of(event("contested", 0, new Happened("founded", 0)),
                event("contested", 1, new Happened("changed", 1))));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger conflicts = new AtomicInteger();
        List<Map.Entry<String, Long>> lastPositions = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String aggregate = "writer-" + w;
            runs.add(CompletableFuture.runAsync(() -> {
                AppendReceipt receipt = new AppendReceipt();
                for (int s = 0; s < perWriter; s++) {
                    appendFor(engine, receipt, event(aggregate, s, new Happened(aggregate, s)));
                    if (s % 10 == 0) {
                        try {
                            appendFor(engine, new AppendReceipt(), event("contested", 1, new Happened("again", s)));
                        } catch (ConcurrencyException expected) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                lastPositions.add(Map.entry(aggregate, receipt.lastPosition()));
            }, pool));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(conflicts).hasValue(writers * perWriter / 10);
        assertThat(collections().events().countDocuments()).isEqualTo(writers * perWriter + 2L);
        for (Map.Entry<String, Long> last : lastPositions) {
            Document stored = collections().events()
                    .find(new Document(EventDocument.STREAM_KEY, last.getKey() + "/" + (perWriter - 1))).first();
            assertThat(EventDocument.position(stored)).isEqualTo(last.getValue());
        }
        for (int w = 0; w < writers; w++) {
            String previous = HashChain.GENESIS;
            for (int s = 0; s < perWriter; s++) {
                Document stored = collections().events()
                        .find(new Document(EventDocument.STREAM_KEY, "writer-" + w + "/" + s)).first();
                assertThat(stored.getString(EventDocument.PREVIOUS_HASH)).isEqualTo(previous);
                assertThat(stored.getString(EventDocument.HASH)).isEqualTo(HashChain.hashOf(stored, previous));
                previous = stored.getString(EventDocument.HASH);
            }
        }
    }

    private EventStoreCollections collections() {
        return new EventStoreCollections(database);
    }

    private static Document document(String aggregateId, long sequence) {
        return new Document(EventDocument.POSITION, null)
                .append(EventDocument.AGGREGATE_ID, aggregateId)
                .append(EventDocument.SEQUENCE, sequence)
                .append(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, sequence))
                .append(EventDocument.EVENT_ID, aggregateId + "-" + sequence + "-" + System.nanoTime());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Appends in a unit of work that asked for a receipt, as a command's unit of work does. */
    private static void appendFor(MongoEventStorageEngine engine, AppendReceipt receipt,
                                  org.axonframework.eventhandling.EventMessage<?> event) {
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> unitOfWork =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        unitOfWork.resources().put(AppendReceipt.RESOURCE, receipt);
        try {
            engine.appendEvents(List.of(event));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
