package de.efa.registry.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds engines on a fresh database of the test store, as the applications configure them. */
final class EngineFixture {

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    private EngineFixture() {
    }

    static MongoDatabase freshDatabase() {
        return TestStore.client().getDatabase(TestStore.freshDatabase());
    }

    static MongoEventStorageEngine engine(MongoDatabase database) {
        return engine(database, NoOpEventUpcaster.INSTANCE, b -> b);
    }

    static MongoEventStorageEngine engine(MongoDatabase database, EventUpcaster upcaster,
                                          UnaryOperator<MongoEventStorageEngine.Builder> customizer) {
        return customizer.apply(MongoEventStorageEngine.builder()
                        .collections(new EventStoreCollections(database))
                        .eventSerializer(SERIALIZER)
                        .snapshotSerializer(SERIALIZER)
                        .upcasterChain(upcaster)
                        .gapTimeout(Duration.ofSeconds(30))
                        .batchSize(100))
                .build();
    }

    static DomainEventMessage<Object> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregateId, sequence, payload,
                Map.of("principal", "tester"));
    }

    record Happened(String what, int number) {
    }
}
