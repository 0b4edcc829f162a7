package de.efa.registry.eventstore;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Positions reserved ahead of need, against the real store over TCP. */
class PositionBlocksTest {

    private static final Duration ALWAYS_BUSY = Duration.ofHours(1);
    private static final Duration NEVER_EXPIRES = Duration.ofHours(1);

    private final MongoDatabase database = EngineFixture.freshDatabase();
    private final PositionAllocator counter = counter(database);

    @Test
    void aQuietEngineReservesExactlyWhatAGroupNeeds() {
        PositionBlocks blocks = new PositionBlocks(counter, 64, NEVER_EXPIRES, Duration.ZERO);

        assertThat(blocks.take(2)).isEqualTo(1);
        assertThat(blocks.take(3)).isEqualTo(3);

        assertThat(counter.head()).isEqualTo(5);
        assertThat(blocks.holdsUnused()).isFalse();
    }

    @Test
    void busyGroupsShareOneReservationAndTheUnusedTailIsHandedBack() {
        PositionBlocks blocks = new PositionBlocks(counter, 64, NEVER_EXPIRES, ALWAYS_BUSY);

        assertThat(blocks.take(2)).isEqualTo(1);
        assertThat(blocks.take(3)).isEqualTo(3);
        assertThat(blocks.take(1)).isEqualTo(6);

        assertThat(counter.head()).as("one block reserved ahead").isEqualTo(66);
        assertThat(blocks.head()).as("our unused positions are not the head").isEqualTo(6);
        blocks.release();
        assertThat(counter.head()).isEqualTo(6);
        assertThat(blocks.holdsUnused()).isFalse();
        assertThat(blocks.take(1)).isEqualTo(7);
    }

    @Test
    void aGroupOfExactlyWhatIsLeftUsesItUpWithoutReservingMore() {
        PositionBlocks blocks = new PositionBlocks(counter, 4, NEVER_EXPIRES, ALWAYS_BUSY);
        assertThat(blocks.take(1)).isEqualTo(1);
        assertThat(blocks.take(1)).as("busy from the second group on: 2..5 reserved").isEqualTo(2);

        assertThat(blocks.take(3)).isEqualTo(3);

        assertThat(counter.head()).isEqualTo(5);
        assertThat(blocks.holdsUnused()).isFalse();
    }

    @Test
    void anExtensionReservesWhatTheGroupLacksUpToOneBlockAhead() {
        PositionBlocks blocks = new PositionBlocks(counter, 8, NEVER_EXPIRES, ALWAYS_BUSY);
        blocks.take(1);
        blocks.take(1);
        assertThat(blocks.take(5)).as("2..9 reserved, 8 and 9 left").isEqualTo(3);

        assertThat(blocks.take(5)).isEqualTo(8);

        // a block of 8 ahead, of which 2 were left: extended by 6, to 15; 13..15 unused
        assertThat(counter.head()).isEqualTo(15);
        assertThat(blocks.holdsUnused()).isTrue();
        assertThat(blocks.head()).isEqualTo(12);
        assertThat(blocks.take(3)).as("the rest of the extension, no round trip").isEqualTo(13);
        assertThat(counter.head()).isEqualTo(15);
    }

    @Test
    void oneUnusedPositionIsStillOursToHandBack() {
        PositionBlocks blocks = new PositionBlocks(counter, 4, NEVER_EXPIRES, ALWAYS_BUSY);
        blocks.take(1);
        blocks.take(1);
        assertThat(blocks.take(2)).as("2..5 reserved, 5 left").isEqualTo(3);

        assertThat(blocks.holdsUnused()).isTrue();
        assertThat(blocks.head()).isEqualTo(4);
        blocks.release();
        assertThat(counter.head()).isEqualTo(4);
        assertThat(blocks.holdsUnused()).isFalse();
    }

    @Test
    void aGroupLargerThanWhatIsLeftExtendsTheBlockRightAfterItsEnd() {
        PositionBlocks blocks = new PositionBlocks(counter, 8, NEVER_EXPIRES, ALWAYS_BUSY);
        blocks.take(1);
        assertThat(blocks.take(1)).isEqualTo(2);

        assertThat(blocks.take(20)).as("positions 3..9 were left; the group continues there").isEqualTo(3);
        assertThat(blocks.take(1)).isEqualTo(23);
    }

    @Test
    void anotherWriterReservingAfterUsTurnsOurTailIntoGapsNeverIntoDuplicates() {
        PositionAllocator otherProcess = counter(database);
        PositionBlocks ours = new PositionBlocks(counter, 10, NEVER_EXPIRES, ALWAYS_BUSY);
        PositionBlocks theirs = new PositionBlocks(otherProcess, 10, NEVER_EXPIRES, ALWAYS_BUSY);
        List<Long> handedOut = new ArrayList<>();

        handedOut.add(ours.take(1));
        handedOut.add(ours.take(1));
        handedOut.add(theirs.take(1));
        handedOut.add(ours.take(1));
        long big = ours.take(9);
        handedOut.add(theirs.take(1));
        ours.release();

        assertThat(handedOut).containsExactly(1L, 2L, 12L, 3L, 23L);
        assertThat(big).as("positions 4..11 could not be extended past the other's reservation").isEqualTo(13);
        assertThat(counter.head()).as("nothing handed back below the other's reservation").isEqualTo(32);
        assertThat(theirs.head()).isEqualTo(23);
    }

    @Test
    void aBlockPastItsLifetimeIsUsedOnlyWhileItIsStillTheHighestReservation() {
        PositionAllocator otherProcess = counter(database);
        PositionBlocks ours = new PositionBlocks(counter, 10, Duration.ZERO, ALWAYS_BUSY);

        ours.take(1);
        assertThat(ours.take(1)).isEqualTo(2);
        assertThat(ours.take(1)).as("expired, but nobody reserved after it: extended and used").isEqualTo(3);
        long theirs = otherProcess.allocate(1);
        assertThat(ours.take(1)).as("expired, and someone reserved after it: abandoned").isEqualTo(theirs + 1);
    }

    @Test
    void aHeadReadWhileTheRestIsHandedBackIsNeverAboveWhatWasHandedOut() throws Exception {
        PositionBlocks blocks = new PositionBlocks(counter, 64, NEVER_EXPIRES, ALWAYS_BUSY);
        AtomicLong lastTaken = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> appends = CompletableFuture.runAsync(() -> {
            // every take reserves a fresh block of 64 that the release hands back at once
            for (int i = 0; i < 500; i++) {
                lastTaken.set(blocks.take(1));
                blocks.release();
            }
            done.set(true);
        });
        List<String> tooHigh = new ArrayList<>();
        while (!done.get()) {
            long head = blocks.head();
            long handedOut = lastTaken.get();
            if (head > handedOut + 1) {
                tooHigh.add("head " + head + " after position " + handedOut);
            }
        }
        appends.get(60, TimeUnit.SECONDS);

        assertThat(tooHigh).isEmpty();
        assertThat(blocks.head()).isEqualTo(500);
    }

    @Test
    void concurrentAppendsOfOneEngineLeaveDensePositionsOnceTheyStop() throws Exception {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        int writers = 16;
        int perWriter = 50;
        appendConcurrently(engine, "dense", writers, perWriter);

        assertThat(engine.headPosition()).isEqualTo(writers * perWriter);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counter.head()).as("reserved positions handed back").isEqualTo(writers * perWriter));
        assertThat(positions(engine)).hasSize(writers * perWriter)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed().toList());
    }

    @Test
    void twoEnginesOnOneStoreDeliverEveryEventOnce() throws Exception {
        MongoEventStorageEngine first = EngineFixture.engine(database);
        MongoEventStorageEngine second = EngineFixture.engine(database);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> appendConcurrently(first, "first", 8, 40));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> appendConcurrently(second, "second", 8, 40));
        // a position handed out twice would fail an insert on _id, and with it an append
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);

        List<? extends TrackedEventMessage<?>> read = first.readEvents(null, false).toList();

        assertThat(read).hasSize(2 * 8 * 40);
        assertThat(read.stream().map(TrackedEventMessage::getIdentifier).distinct().count()).isEqualTo(2 * 8 * 40);
    }

    private static void appendConcurrently(MongoEventStorageEngine engine, String prefix, int writers, int perWriter) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String aggregate = prefix + "-" + w;
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        engine.appendEvents(List.of(event(aggregate, i, new Happened("step", i))));
                    }
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    private List<Long> positions(MongoEventStorageEngine engine) {
        List<Long> positions = new ArrayList<>();
        engine.collections().events().find().projection(new Document(EventDocument.POSITION, 1))
                .forEach(d -> positions.add(EventDocument.position(d)));
        Collections.sort(positions);
        return positions;
    }

    private static PositionAllocator counter(MongoDatabase database) {
        PositionAllocator allocator = new PositionAllocator(database.getCollection(EventStoreCollections.COUNTERS));
        allocator.ensureCounter();
        return allocator;
    }
}
