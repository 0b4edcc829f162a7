package de.efa.registry.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.HashChain;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain links every event to its predecessor, so it cannot tell that an aggregate's <em>last</em> event was
 * swapped for a forgery whose own hash and previous hash are consistent: nothing after it points back at it. Only the
 * head recorded when the real event was appended can. This proves the integrity check's "last event replaced" rule
 * on its own, against the real store over TCP, without the web layer around it.
 */
class IntegrityCheckLastEventReplacedTest {

    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private IntegrityCheck check;
    private AggregateHeads heads;

    record Renamed(String name) {
    }

    @BeforeEach
    void freshStore() {
        database = TestStore.client().getDatabase(TestStore.freshDatabase());
        EventStoreCollections collections = new EventStoreCollections(database);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        AggregateStream streams = new AggregateStream(collections);
        check = new IntegrityCheck(new StoredEventLog(collections, engine), streams);
        heads = streams.heads();
    }

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    @Test
    void anUntouchedStreamWithItsHeadIsIntact() {
        String aggregateId = streamOfThree();

        IntegrityReport report = check.run();

        assertThat(report.ok()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(heads.of(aggregateId).sequence()).isEqualTo(2);
    }

    @Test
    void aLastEventReplacedByAConsistentForgeryIsReportedAgainstTheRecordedHead() {
        String aggregateId = streamOfThree();
        Document last = events().find(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 2))).first();
        // a forger with database access rewrites the payload and recomputes the hash over it from the real
        // predecessor: the chain itself stays perfectly valid
        last.put(EventDocument.PAYLOAD, new Document("name", "forged"));
        last.put(EventDocument.HASH, HashChain.hashOf(last, last.getString(EventDocument.PREVIOUS_HASH)));
        events().replaceOne(new Document(EventDocument.POSITION, last.get(EventDocument.POSITION)), last);

        IntegrityReport report = check.run();

        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.aggregateId()).isEqualTo(aggregateId);
            assertThat(v.sequence()).isEqualTo(2);
            assertThat(v.reason()).startsWith("last event replaced");
        });
    }

    /** Three events of one aggregate, and the head that marks where they end (written in the background). */
    private String streamOfThree() {
        String aggregateId = UUID.randomUUID().toString();
        for (long sequence = 0; sequence < 3; sequence++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Service", aggregateId, sequence,
                    new Renamed("name " + sequence), Map.of("principal", "tester")));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            AggregateHeads.Head head = heads.of(aggregateId);
            return head != null && head.sequence() == 2;
        });
        return aggregateId;
    }

    private MongoCollection<Document> events() {
        return database.getCollection(EventStoreCollections.EVENTS);
    }
}
