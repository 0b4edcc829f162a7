package de.efa.registry.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.Attribution;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.HashChain;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who did it is evidence too: from chain revision 2 on, the hash covers an event's principal, correlation id and
 * causation id, so the integrity check reports one changed in the database. Events stored by revision 1 (before)
 * keep verifying by their own formula, in the same stream as newer ones. Against the real store over TCP, without the
 * web layer.
 */
class IntegrityCheckAttributionTest {

    private MongoDatabase database;
    private EventStoreCollections collections;
    private final List<MongoEventStorageEngine> engines = new ArrayList<>();
    private IntegrityCheck check;
    private AggregateHeads heads;

    record Renamed(String name) {
    }

    @BeforeEach
    void freshStore() {
        database = TestStore.client().getDatabase(TestStore.freshDatabase());
        collections = new EventStoreCollections(database);
        MongoEventStorageEngine engine = engine();
        AggregateStream streams = new AggregateStream(collections);
        check = new IntegrityCheck(new StoredEventLog(collections, engine), streams);
        heads = streams.heads();
    }

    @AfterEach
    void stop() {
        engines.forEach(MongoEventStorageEngine::shutdown);
    }

    @Test
    void theHashedMetadataKeysAreTheOnesThePlatformWrites() {
        assertThat(Attribution.PRINCIPAL).isEqualTo(RegistryMetaData.PRINCIPAL);
        assertThat(Attribution.CORRELATION_ID).isEqualTo(RegistryMetaData.CORRELATION_ID);
        assertThat(Attribution.CAUSATION_ID).isEqualTo(RegistryMetaData.CAUSATION_ID);
    }

    @Test
    void aChangedPrincipalOnANewEventIsReported() {
        String aggregateId = UUID.randomUUID().toString();
        append(engines.get(0), aggregateId, 0, 3);
        awaitHead(aggregateId, 2);
        assertThat(check.run().ok()).isTrue();

        // someone with database access makes it look as if another state had done it
        events().updateOne(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 1)),
                new Document("$set", new Document(EventDocument.META_DATA + "." + RegistryMetaData.PRINCIPAL, "bayern")));

        IntegrityReport report = check.run();
        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.aggregateId()).isEqualTo(aggregateId);
            assertThat(v.sequence()).isEqualTo(1);
            assertThat(v.reason()).startsWith("content altered").contains("principal");
        });
    }

    @Test
    void aChangedCausationOnANewEventIsReported() {
        String aggregateId = UUID.randomUUID().toString();
        append(engines.get(0), aggregateId, 0, 2);
        awaitHead(aggregateId, 1);
        events().updateOne(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 0)),
                new Document("$unset", new Document(EventDocument.META_DATA + "." + RegistryMetaData.CAUSATION_ID, "")));

        assertThat(check.run().violations()).singleElement()
                .satisfies(v -> assertThat(v.sequence()).isEqualTo(0));
    }

    @Test
    void revisionOneEventsStillVerifyAndNewEventsChainOnFromThem() {
        String aggregateId = UUID.randomUUID().toString();
        append(engines.get(0), aggregateId, 0, 2);
        awaitHead(aggregateId, 1);
        rewriteAsRevisionOne(aggregateId, 2);
        // another engine (as after an upgrade) appends by revision 2 onto the revision 1 stream
        append(engine(), aggregateId, 2, 1);
        awaitHead(aggregateId, 2);

        IntegrityReport report = check.run();

        assertThat(report.violations()).isEmpty();
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(stored(aggregateId, 0).get(EventDocument.CHAIN_REVISION)).isNull();
        assertThat(stored(aggregateId, 2).get(EventDocument.CHAIN_REVISION)).isEqualTo(2);
    }

    @Test
    void aRevisionTwoEventPassedOffAsRevisionOneIsReported() {
        String aggregateId = UUID.randomUUID().toString();
        append(engines.get(0), aggregateId, 0, 2);
        awaitHead(aggregateId, 1);
        // dropping the revision would exempt the principal from the hash, if the formulas did not differ
        events().updateOne(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 0)),
                new Document("$unset", new Document(EventDocument.CHAIN_REVISION, "")));

        assertThat(check.run().violations()).singleElement().satisfies(v -> {
            assertThat(v.sequence()).isEqualTo(0);
            assertThat(v.reason()).startsWith("content altered");
        });
    }

    @Test
    void anUnknownRevisionIsReportedAsUnverifiable() {
        String aggregateId = UUID.randomUUID().toString();
        append(engines.get(0), aggregateId, 0, 1);
        awaitHead(aggregateId, 0);
        events().updateOne(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 0)),
                new Document("$set", new Document(EventDocument.CHAIN_REVISION, 7)));

        assertThat(check.run().violations()).singleElement()
                .satisfies(v -> assertThat(v.reason()).startsWith("content unverifiable").contains("unknown chain revision 7"));
    }

    private MongoEventStorageEngine engine() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engines.add(engine);
        return engine;
    }

    private static void append(MongoEventStorageEngine engine, String aggregateId, long first, int count) {
        for (long sequence = first; sequence < first + count; sequence++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Service", aggregateId, sequence,
                    new Renamed("name " + sequence), Map.of(RegistryMetaData.PRINCIPAL, "thueringen",
                    RegistryMetaData.CORRELATION_ID, "corr-" + aggregateId,
                    RegistryMetaData.CAUSATION_ID, "cause-" + sequence)));
        }
    }

    /** The events as a registry before revision 2 stored them: no revision field, hashed without their metadata. */
    private void rewriteAsRevisionOne(String aggregateId, int count) {
        String previous = HashChain.GENESIS;
        for (long sequence = 0; sequence < count; sequence++) {
            Document event = stored(aggregateId, sequence);
            event.remove(EventDocument.CHAIN_REVISION);
            event.put(EventDocument.PREVIOUS_HASH, previous);
            event.put(EventDocument.HASH, HashChain.hashOf(event, previous));
            events().replaceOne(new Document(EventDocument.POSITION, event.get(EventDocument.POSITION)), event);
            previous = event.getString(EventDocument.HASH);
        }
    }

    private void awaitHead(String aggregateId, long sequence) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            AggregateHeads.Head head = heads.of(aggregateId);
            return head != null && head.sequence() == sequence;
        });
    }

    private Document stored(String aggregateId, long sequence) {
        return events().find(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, sequence))).first();
    }

    private MongoCollection<Document> events() {
        return database.getCollection(EventStoreCollections.EVENTS);
    }
}
