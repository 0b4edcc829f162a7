package de.efa.registry.eventstore;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the engine hands the log to tracking processors, batch by batch, against the real store over TCP: a batch holds
 * at most the batch size and batches follow each other without holes (also when the next window was read ahead), and
 * a gap is waited for until it fills or the gap timeout passes.
 */
class TrackedReadingTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);

    private final MongoDatabase database = EngineFixture.freshDatabase();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MongoEventStorageEngine engine = EngineFixture.engine(database,
            org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
            builder -> builder.clock(clock).gapTimeout(GAP_TIMEOUT));

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    @Test
    void batchesHoldAtMostTheBatchSizeAndFollowEachOtherWithoutHoles() {
        append("log", 40);

        List<Long> positions = new ArrayList<>();
        TrackingToken token = null;
        for (int batch = 0; batch < 8; batch++) {
            List<? extends TrackedEventData<?>> read = engine.fetchTrackedEvents(token, 5);
            // far behind the head, the next window is read ahead on another thread: what arrives is still exactly it
            assertThat(read).as("batch %d", batch).hasSize(5);
            for (TrackedEventData<?> event : read) {
                positions.add(index(event.trackingToken()));
            }
            token = read.get(read.size() - 1).trackingToken();
        }

        assertThat(positions).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(engine.fetchTrackedEvents(token, 5)).isEmpty();
    }

    @Test
    void aWindowReadAheadForOneBatchSizeIsNotHandedOutForASmallerOne() {
        append("ahead", 20);
        List<? extends TrackedEventData<?>> first = engine.fetchTrackedEvents(null, 5);
        // 6..10 were read ahead for another batch of 5; a processor now asking for 3 gets 3
        List<? extends TrackedEventData<?>> smaller = engine.fetchTrackedEvents(first.get(4).trackingToken(), 3);

        assertThat(smaller).extracting(e -> index(e.trackingToken())).containsExactly(6L, 7L, 8L);
    }

    @Test
    void eventsAppendedAfterAReadAtTheHeadComeWithTheVeryNextRead() {
        append("first", 5);
        List<? extends TrackedEventData<?>> atTheHead = engine.fetchTrackedEvents(null, 5);
        assertThat(atTheHead).hasSize(5);

        // nothing may have been read ahead for positions not written yet: the next read must see them
        append("second", 5);
        List<? extends TrackedEventData<?>> next = engine.fetchTrackedEvents(atTheHead.get(4).trackingToken(), 5);

        assertThat(next).extracting(e -> index(e.trackingToken())).containsExactly(6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void eventsStoredOutOfOrderAreHandedOnInPositionOrder() {
        append("order", 5);
        // a later group's insert may land before an earlier one's (a stalled writer): store them in reverse
        var events = database.getCollection(EventStoreCollections.EVENTS);
        List<Document> stored = events.find().into(new ArrayList<>());
        events.deleteMany(new Document());
        for (int i = stored.size() - 1; i >= 0; i--) {
            events.insertOne(stored.get(i));
        }

        assertThat(engine.fetchTrackedEvents(null, 10)).extracting(e -> index(e.trackingToken()))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aFilledGapAndTheEventsBeyondAWholeWindowNeverWrittenComeInOneRead() {
        append("hole", 10);
        // 4..8 were handed out to a writer that died before it wrote them; 2 was slow, and is there now
        var events = database.getCollection(EventStoreCollections.EVENTS);
        events.deleteMany(new Document(EventDocument.POSITION, new Document("$gte", 4L).append("$lte", 8L)));

        List<? extends TrackedEventData<?>> read = engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(3, Set.of(2L)), 5);

        assertThat(read).extracting(e -> index(e.trackingToken())).containsExactly(3L, 9L, 10L);
    }

    @Test
    void aTokenAtAnInstantIsFoundAcrossMoreThanSixtyFourPositionsNeverWritten() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 150; i++) {
            engine.appendEvents(List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("T", "timed-" + i, 0,
                    new Happened("at", i), org.axonframework.messaging.MetaData.emptyInstance(), "timed-" + i,
                    start.plus(Duration.ofMinutes(i)))));
        }
        // positions 21..121 (events 20..120) lost: a long crashed stretch the search must step over
        database.getCollection(EventStoreCollections.EVENTS).deleteMany(new Document(EventDocument.POSITION,
                new Document("$gte", 21L).append("$lte", 121L)));

        assertThat(index(engine.createTokenAt(start.plus(Duration.ofMinutes(130))))).isEqualTo(130);
        assertThat(index(engine.createTokenAt(start.plus(Duration.ofMinutes(50))))).as("the first event from then: 122")
                .isEqualTo(121);
        assertThat(index(engine.createTokenAt(start.plus(Duration.ofMinutes(10))))).isEqualTo(10);
    }

    @Test
    void anAggregateStreamIsReadAtMostABatchAtATimeAsJsonTreesForJackson() {
        append("short", 10);

        List<? extends DomainEventData<?>> read = engine.fetchDomainEvents("short", 2, 3);

        assertThat(read).extracting(DomainEventData::getSequenceNumber).containsExactly(2L, 3L, 4L);
        // the serializer is Jackson's: it gets the tree built from BSON, not JSON text to parse again
        assertThat(read).hasOnlyElementsOfType(JsonNodeEventData.class);
    }

    @Test
    void aGapThatFillsIsDeliveredAndNoLongerWaitedFor() {
        append("filled", 3);

        // a token that saw 1 and 3 but not yet 2 (an append that was slower than the one after it)
        List<? extends TrackedEventData<?>> read = engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(3, Set.of(2L)), 10);

        assertThat(read).extracting(e -> index(e.trackingToken())).containsExactly(3L);
        assertThat(((GapAwareTrackingToken) read.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.gapsWaitedFor()).isZero();
    }

    @Test
    void aGapNeverWrittenIsWaitedForUntilTheGapTimeoutAndThenGivenUp() {
        append("gap", 4);
        // position 2 was handed out but never written (its writer crashed)
        database.getCollection(EventStoreCollections.EVENTS).deleteOne(new Document(EventDocument.POSITION, 2L));
        GapAwareTrackingToken sawFour = GapAwareTrackingToken.newInstance(4, Set.of(2L));

        assertThat(engine.fetchTrackedEvents(sawFour, 10)).isEmpty();
        assertThat(engine.gapsWaitedFor()).isEqualTo(1);

        append("later", 1);
        List<? extends TrackedEventData<?>> stillWaiting = engine.fetchTrackedEvents(sawFour, 10);
        assertThat(stillWaiting).extracting(e -> index(e.trackingToken())).containsExactly(5L);
        assertThat(((GapAwareTrackingToken) stillWaiting.get(0).trackingToken()).getGaps()).containsExactly(2L);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        List<? extends TrackedEventData<?>> gaveUp = engine.fetchTrackedEvents(sawFour, 10);
        assertThat(gaveUp).extracting(e -> index(e.trackingToken())).containsExactly(5L);
        assertThat(((GapAwareTrackingToken) gaveUp.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.gapsWaitedFor()).isZero();
    }

    @Test
    void appendsOneAfterTheOtherEachFormAGroupOfOne() {
        append("one", 1);
        append("two", 1);
        assertThat(engine.appendsPerGroup()).isEqualTo(1.0);
    }

    @Test
    void everySettingOfTheBuilderReachesTheEngine() {
        MongoEventStorageEngine configured = MongoEventStorageEngine.builder()
                .collections(new EventStoreCollections(EngineFixture.freshDatabase()))
                .eventSerializer(EngineFixture.SERIALIZER)
                .snapshotSerializer(EngineFixture.SERIALIZER)
                .appendWriters(1)
                .positionBlock(8)
                .clock(clock)
                .gapTimeout(Duration.ofSeconds(12))
                .build();
        try {
            assertThat(configured.gapTimeout()).isEqualTo(Duration.ofSeconds(12));
            configured.appendEvents(List.of(event("configured", 0, new Happened("e", 0))));
            assertThat(configured.lastStoredPosition()).isEqualTo(1);
        } finally {
            configured.shutdown();
        }
    }

    private void append(String aggregateId, int count) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(event(aggregateId, i, new Happened("e", i)));
        }
        engine.appendEvents(batch);
    }

    private static long index(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }
}
