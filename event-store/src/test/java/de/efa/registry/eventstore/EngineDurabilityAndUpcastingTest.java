package de.efa.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import de.efa.registry.embedded.EmbeddedMongoStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineDurabilityAndUpcastingTest {

    /** Revision 1 of {@code Happened} called its counter "count"; revision 2 renamed it to "number". */
    static final class HappenedRenamedCounter extends SingleEventUpcaster {

        private static final SimpleSerializedType OLD = new SimpleSerializedType(Happened.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(OLD);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(Happened.class.getName(), "2"), JsonNode.class,
                    node -> {
                        ObjectNode payload = (ObjectNode) node;
                        payload.set("number", payload.remove("count"));
                        return payload;
                    });
        }
    }

    @Test
    void anOldRevisionIsUpcastWhenReadThroughTheEngine() {
        MongoDatabase database = EngineFixture.freshDatabase();
        MongoEventStorageEngine engine = EngineFixture.engine(database, new HappenedRenamedCounter(), b -> b);
        // a revision-1 document as an older release stored it
        Document payload = new Document("what", "founded").append("count", 7);
        database.getCollection(EventStoreCollections.EVENTS).insertOne(new Document("_id", engine.headPosition() + 1)
                .append("aggregateType", "TestAggregate").append("aggregateId", "old").append("sequence", 0L)
                .append("streamKey", "old/0").append("eventId", "old-event-0")
                .append("payloadType", Happened.class.getName()).append("payloadRevision", "1")
                .append("timestamp", new Date()).append("payload", payload).append("metaData", new Document())
                .append("hash", HashChain.hash(HashChain.GENESIS, "old", 0, Happened.class.getName(), payload,
                        new Date().toInstant())).append("previousHash", HashChain.GENESIS));
        database.getCollection(EventStoreCollections.COUNTERS).updateOne(new Document("_id", PositionAllocator.COUNTER_ID),
                new Document("$inc", new Document("value", 1L)));

        assertThat(engine.readEvents("old").asStream().map(m -> (Object) m.getPayload()).toList())
                .containsExactly(new Happened("founded", 7));
        assertThat(engine.readEvents(null, false).map(m -> (Object) m.getPayload()).toList())
                .containsExactly(new Happened("founded", 7));
    }

    @Test
    void theStreamKeyStaysUniqueAfterARestartOfTheFileBackedStore(@TempDir Path dataDir) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoEventStorageEngine engine = EngineFixture.engine(client.getDatabase("registry"));
            engine.appendEvents(List.of(event("kept", 0, new Happened("first", 1)), event("kept", 1, new Happened("second", 2))));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoEventStorageEngine engine = EngineFixture.engine(client.getDatabase("registry"));

            assertThatThrownBy(() -> engine.appendEvents(List.of(event("kept", 1, new Happened("again", 3)))))
                    .isInstanceOf(ConcurrencyException.class);
            assertThat(engine.readEvents("kept").asStream().count()).isEqualTo(2);
            engine.appendEvents(List.of(event("kept", 2, new Happened("third", 3))));
            assertThat(engine.headPosition()).isEqualTo(4);
        }
    }
}
