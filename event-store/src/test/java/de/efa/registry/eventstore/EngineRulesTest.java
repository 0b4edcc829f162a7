package de.efa.registry.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's reading and bookkeeping rules, each on its own, against the real store over TCP. */
class EngineRulesTest {

    private final MongoDatabase database = EngineFixture.freshDatabase();
    private final MongoEventStorageEngine engine = EngineFixture.engine(database);

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    @Test
    void theLastSequenceNumberIsFoundForStreamsOfEveryLength() {
        // the probe doubles and then bisects: lengths around powers of two are where an off-by-one would show
        for (int length : new int[]{1, 2, 3, 4, 5, 7, 8, 9, 17}) {
            String id = "len-" + length;
            append(id, length);
            assertThat(engine.lastSequenceNumberFor(id)).as("length %d", length).contains((long) length - 1);
        }
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void anAggregateStreamLongerThanTheFirstChunksIsReadWhole() {
        // 16 sequence numbers are asked for first, then chunks of 128, up to the batch size of 100 per fetch
        append("long", 250);

        List<? extends DomainEventMessage<?>> read = engine.readEvents("long").asStream().toList();

        assertThat(read).hasSize(250);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).getSequenceNumber()).isEqualTo(i);
        }
        assertThat(engine.readEvents("long", 240).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(240L, 241L, 242L, 243L, 244L, 245L, 246L, 247L, 248L, 249L);
    }

    @Test
    void anExactlyFullFirstChunkIsFollowedByTheNext() {
        append("sixteen", 17);
        assertThat(engine.readEvents("sixteen").asStream().count()).isEqualTo(17);
    }

    @Test
    void anAggregateStreamEndsAtItsFirstMissingSequenceNumber() {
        append("holey", 8);
        events().deleteOne(new Document(EventDocument.STREAM_KEY, "holey/5"));

        assertThat(engine.readEvents("holey").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void theLastStoredPositionLeavesOutPositionsHandedOutButNeverWritten() {
        AtomicBoolean fail = new AtomicBoolean(false);
        MongoEventStorageEngine failing = MongoEventStorageEngineTest.withHook(database, (first, count) -> {
            if (fail.get()) {
                throw new IllegalStateException("writer died after allocating positions");
            }
        });
        assertThat(failing.lastStoredPosition()).as("an empty store").isZero();
        failing.appendEvents(List.of(event("kept", 0, new Happened("kept", 0)), event("kept", 1, new Happened("kept", 1))));
        assertThat(failing.lastStoredPosition()).isEqualTo(2);

        // more than one 512-position window of lost positions above the last stored event
        fail.set(true);
        List<DomainEventMessage<?>> lost = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            lost.add(event("lost", i, new Happened("lost", i)));
        }
        assertThatThrownBy(() -> failing.appendEvents(lost)).isInstanceOf(IllegalStateException.class);

        assertThat(failing.headPosition()).isEqualTo(602);
        assertThat(failing.lastStoredPosition()).isEqualTo(2);
        failing.shutdown();
    }

    @Test
    void theLastStoredPositionIsTheHighestStoredEvenWithAGapBelowIt() {
        append("a", 3);
        events().deleteOne(new Document(EventDocument.POSITION, 2L));
        assertThat(engine.lastStoredPosition()).isEqualTo(3);
    }

    @Test
    void aUnitOfWorkLearnsThePositionOfItsLastAppendOnItsReceipt() {
        append("before", 2);
        AppendReceipt receipt = new AppendReceipt();
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> unitOfWork =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        unitOfWork.resources().put(AppendReceipt.RESOURCE, receipt);
        append("mine", 3);
        unitOfWork.commit();
        assertThat(receipt.lastPosition()).as("positions count from 1").isEqualTo(5);
    }

    @Test
    void anEventWithoutAnAggregateFormsAStreamOfItsOwn() {
        GenericEventMessage<Happened> loose = new GenericEventMessage<>(new Happened("loose", 1));
        engine.appendEvents(List.of(loose));

        Document stored = events().find(new Document(EventDocument.AGGREGATE_ID, loose.getIdentifier())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.get(EventDocument.AGGREGATE_TYPE)).isNull();
        assertThat(((Number) stored.get(EventDocument.SEQUENCE)).longValue()).isZero();
        assertThat(stored.getString(EventDocument.PREVIOUS_HASH)).isEqualTo(HashChain.GENESIS);
    }

    @Test
    void aScalarPayloadIsWrappedSoThatEveryPayloadIsADocument() {
        engine.appendEvents(List.of(event("scalar", 0, "just text")));

        Document stored = events().find(new Document(EventDocument.STREAM_KEY, "scalar/0")).first();
        assertThat(stored.get(EventDocument.PAYLOAD, Document.class)).isEqualTo(new Document("value", "just text"));
        // (only stored: such a payload does not read back as the scalar it was; every registry event is an object)
    }

    @Test
    void theHashChainContinuesAcrossEnginesAndBatches() {
        append("chained", 2);
        // another instance knows nothing of the last hash: it reads the predecessor back
        MongoEventStorageEngine other = EngineFixture.engine(database);
        other.appendEvents(List.of(event("chained", 2, new Happened("other", 2))));
        // and this one must not use the hash it remembers for sequence 1 as the predecessor of sequence 3
        engine.appendEvents(List.of(event("chained", 3, new Happened("again", 3)), event("chained", 4, new Happened("again", 4))));
        other.shutdown();

        String previous = HashChain.GENESIS;
        for (long s = 0; s < 5; s++) {
            Document stored = events().find(new Document(EventDocument.STREAM_KEY, "chained/" + s)).first();
            assertThat(stored.getString(EventDocument.PREVIOUS_HASH)).as("sequence %d", s).isEqualTo(previous);
            assertThat(stored.getString(EventDocument.HASH)).isEqualTo(HashChain.hashOf(stored, previous));
            previous = stored.getString(EventDocument.HASH);
        }
    }

    @Test
    void anAggregateWhosePredecessorIsNotStoredChainsFromTheGenesis() {
        // e.g. a history kept as a snapshot only
        engine.appendEvents(List.of(event("snapshotted", 5, new Happened("after snapshot", 5))));

        Document stored = events().find(new Document(EventDocument.STREAM_KEY, "snapshotted/5")).first();
        assertThat(stored.getString(EventDocument.PREVIOUS_HASH)).isEqualTo(HashChain.GENESIS);
    }

    @Test
    void tokensAtAnInstantBeforeEverythingAfterEverythingAndInBetween() {
        appendAt("t", 0, "2024-01-01T00:00:00Z");
        appendAt("t", 1, "2024-02-01T00:00:00Z");
        appendAt("t", 2, "2024-03-01T00:00:00Z");

        assertThat(engine.createTokenAt(Instant.parse("2023-01-01T00:00:00Z"))).as("from the very start").isNull();
        assertThat(engine.createTokenAt(Instant.parse("2024-01-01T00:00:00Z"))).as("at the first event").isNull();
        assertThat(index(engine.createTokenAt(Instant.parse("2024-02-01T00:00:00Z")))).isEqualTo(1);
        assertThat(index(engine.createTokenAt(Instant.parse("2024-02-15T00:00:00Z")))).isEqualTo(2);
        assertThat(index(engine.createTokenAt(Instant.parse("2025-01-01T00:00:00Z")))).as("after the last").isEqualTo(3);
    }

    @Test
    void theHeadTokenStandsAtTheHeadAndTheTailTokenBeforeEverything() {
        append("h", 4);
        assertThat(index(engine.createHeadToken())).isEqualTo(4);
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.readEvents(engine.createHeadToken(), false).toList()).isEmpty();
    }

    @Test
    void theEngineReportsItsConfiguration() {
        assertThat(engine.gapTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(engine.collections().events().getNamespace().getCollectionName()).isEqualTo(EventStoreCollections.EVENTS);
        assertThat(engine.appendsPerGroup()).isZero();
        append("g", 1);
        assertThat(engine.appendsPerGroup()).isEqualTo(1.0);
    }

    @Test
    void shuttingDownRecordsTheHeadsStillWaitingForTheirMoment() {
        append("last-words", 3);

        engine.shutdown();

        AggregateHeads.Head head = new AggregateHeads(database.getCollection(AggregateHeads.COLLECTION)).of("last-words");
        assertThat(head).isNotNull();
        assertThat(head.sequence()).isEqualTo(2);
    }

    @Test
    void anEngineWithoutCollectionsIsRefused() {
        assertThatThrownBy(() -> MongoEventStorageEngine.builder()
                .eventSerializer(EngineFixture.SERIALIZER).snapshotSerializer(EngineFixture.SERIALIZER).build())
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("collections");
    }

    private void append(String aggregateId, int count) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(event(aggregateId, i, new Happened("e", i)));
        }
        engine.appendEvents(batch);
    }

    private void appendAt(String aggregateId, long sequence, String instant) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("T", aggregateId, sequence, new Happened("at", (int) sequence),
                MetaData.emptyInstance(), aggregateId + "-" + sequence, Instant.parse(instant))));
    }

    private static long index(org.axonframework.eventhandling.TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }

    private MongoCollection<Document> events() {
        return database.getCollection(EventStoreCollections.EVENTS);
    }
}
