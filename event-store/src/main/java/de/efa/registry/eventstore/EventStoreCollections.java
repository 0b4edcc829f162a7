package de.efa.registry.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The collections of the event store and their indexes.
 * <p>
 * Only unique, single-purpose indexes: the embedded server uses an index only for equality (or {@code $in}) on exactly
 * the index's fields, and real MongoDB serves those the cheapest way too. Every hot path is shaped that way:
 * events by {@code _id} (the global position), an aggregate's stream by {@code streamKey} ({@code aggregateId/sequence}),
 * which is also the optimistic-concurrency guard.
 */
public final class EventStoreCollections {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String COUNTERS = "counters";
    public static final String TOKENS = "trackingtokens";
    public static final String DEAD_LETTERS = "deadletters";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> aggregateHeads;

    public EventStoreCollections(MongoDatabase database) {
        this.events = database.getCollection(EVENTS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.counters = database.getCollection(COUNTERS);
        this.aggregateHeads = database.getCollection(AggregateHeads.COLLECTION);
    }

    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(EventDocument.STREAM_KEY), new IndexOptions().unique(true).name("streamKey_unique"));
        events.createIndex(Indexes.ascending(EventDocument.EVENT_ID), new IndexOptions().unique(true).name("eventId_unique"));
        // an aggregate's head is folded from the marks that name it
        aggregateHeads.createIndex(Indexes.ascending(AggregateHeads.MARKS + "." + AggregateHeads.AGGREGATE),
                new IndexOptions().name("marks_aggregate"));
    }

    public MongoCollection<Document> events() {
        return events;
    }

    public MongoCollection<Document> snapshots() {
        return snapshots;
    }

    public MongoCollection<Document> counters() {
        return counters;
    }

    /** The head marks: where each aggregate's stream ended, see {@link AggregateHeads}. */
    public MongoCollection<Document> aggregateHeads() {
        return aggregateHeads;
    }
}
