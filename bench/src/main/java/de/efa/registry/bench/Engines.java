package de.efa.registry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;

import java.time.Duration;

/** The two engines under comparison, configured as their applications would. */
final class Engines {

    private Engines() {
    }

    /** Ours, as {@code EventStoreConfiguration} builds it. */
    static MongoEventStorageEngine ours(MongoDatabase database, int batchSize) {
        return MongoEventStorageEngine.builder()
                .collections(new EventStoreCollections(database))
                .eventSerializer(RegistryEvents.SERIALIZER)
                .snapshotSerializer(RegistryEvents.SERIALIZER)
                .batchSize(batchSize)
                .gapTimeout(Duration.ofSeconds(60))
                .appendWriters(Integer.parseInt(System.getenv().getOrDefault("BENCH_APPEND_WRITERS", "2")))
                .build();
    }

    /** The peer: axon-mongo 4.12.0 with its default document-per-event strategy and the same serializer. */
    static EventStorageEngine peer(MongoClient client, String databaseName, int batchSize) {
        var engine = org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, databaseName).build())
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .eventSerializer(RegistryEvents.SERIALIZER)
                .snapshotSerializer(RegistryEvents.SERIALIZER)
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(batchSize)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /** The peer's events collection (DefaultMongoTemplate's default name). */
    static final String PEER_EVENTS = "domainevents";
}
