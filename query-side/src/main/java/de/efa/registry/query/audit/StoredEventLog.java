package de.efa.registry.query.audit;

import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The stored events in position order, read the way the store serves fastest: positions are dense, so a batch is
 * {@code _id $in [next positions]} (an index lookup on both the embedded server and MongoDB), never a range or a sort.
 * Only one batch is held at a time, so memory stays flat however long the log is.
 * <p>
 * A read is a cut at the head position seen when it starts; events appended meanwhile belong to the next read.
 */
@Component
class StoredEventLog {

    static final int BATCH = 512;

    private final EventStoreCollections collections;
    private final MongoEventStorageEngine engine;

    StoredEventLog(EventStoreCollections collections, MongoEventStorageEngine engine) {
        this.collections = collections;
        this.engine = engine;
    }

    long head() {
        return engine.headPosition();
    }

    /**
     * Visits the stored events after {@code after} in position order until the visitor answers false, the head is
     * reached or {@code budget} positions were looked at.
     *
     * @param projection the fields to fetch, or null for whole documents
     * @return the highest position looked at (missing positions included): where a continuation starts
     */
    long scan(long after, long budget, Bson projection, Predicate<Document> visitor) {
        long head = head();
        long position = after;
        long last = budget >= head - after ? head : after + budget;
        while (position < last) {
            long batchEnd = Math.min(position + BATCH, last);
            List<Long> positions = new ArrayList<>(BATCH);
            for (long p = position + 1; p <= batchEnd; p++) {
                positions.add(p);
            }
            List<Document> batch = collections.events()
                    .find(new Document(EventDocument.POSITION, new Document("$in", positions)))
                    .projection(projection)
                    .into(new ArrayList<>(BATCH));
            batch.sort(Comparator.comparingLong(StoredEventLog::position));
            for (Document event : batch) {
                if (!visitor.test(event)) {
                    return position(event);
                }
            }
            position = batchEnd;
        }
        return position;
    }

    static long position(Document event) {
        return ((Number) event.get(EventDocument.POSITION)).longValue();
    }

    static long sequence(Document event) {
        return ((Number) event.get(EventDocument.SEQUENCE)).longValue();
    }
}
