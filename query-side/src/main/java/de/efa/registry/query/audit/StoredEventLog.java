package de.efa.registry.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The stored events in position order, read the way the store serves fastest: positions are dense, so a batch is
 * {@code _id $in [next positions]} (an index lookup on both the embedded server and MongoDB), never a range or a sort.
 * Only one batch is held at a time, so memory stays flat however long the log is.
 * <p>
 * A read is a cut at the head position seen when it starts; events appended meanwhile belong to the next read. A
 * position below the head that holds no event yet is either an append still being written — it will arrive, and
 * events after it may already be stored — or one that failed and never will. A read must not pass the first kind:
 * a reader that continues after the last event it got would never see the late one. So a read ends before a missing
 * position unless the event stored after it is older than the gap timeout (the projections give up at the same age).
 */
@Component
class StoredEventLog {

    static final int BATCH = 512;

    private final EventStoreCollections collections;
    private final MongoEventStorageEngine engine;
    private final Clock clock = Clock.systemUTC();

    StoredEventLog(EventStoreCollections collections, MongoEventStorageEngine engine) {
        this.collections = collections;
        this.engine = engine;
    }

    long head() {
        return engine.headPosition();
    }

    /**
     * How a read ended.
     *
     * @param scannedTo the highest position looked at (missing positions included): where a continuation starts
     * @param atEnd     true when the read reached the head, or a position still being written: nothing more to read
     *                  for now; false when the visitor stopped it or its budget was spent
     */
    record Scan(long scannedTo, boolean atEnd) {
    }

    /**
     * Visits the stored events after {@code after} in position order until the visitor answers false, the head or a
     * position still being written is reached, or {@code budget} positions were looked at.
     *
     * @param projection the fields to fetch, or null for whole documents
     */
    Scan scan(long after, long budget, Bson projection, Predicate<Document> visitor) {
        long head = head();
        Instant settled = clock.instant().minus(engine.gapTimeout());
        Bson fields = projection == null ? null
                : Projections.fields(projection, Projections.include(EventDocument.TIMESTAMP));
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
                    .projection(fields)
                    .into(new ArrayList<>(BATCH));
            batch.sort(Comparator.comparingLong(StoredEventLog::position));
            long expected = position + 1;
            for (Document event : batch) {
                long at = position(event);
                if (at > expected && !settledBefore(event, settled)) {
                    return new Scan(expected - 1, true);
                }
                if (!visitor.test(event)) {
                    return new Scan(at, false);
                }
                expected = at + 1;
            }
            if (expected <= batchEnd && !settledAfter(expected - 1, head, settled)) {
                return new Scan(expected - 1, true);
            }
            position = batchEnd;
        }
        return new Scan(position, position >= head);
    }

    private static boolean settledBefore(Document storedAfterGap, Instant settled) {
        return storedAfterGap.getDate(EventDocument.TIMESTAMP).toInstant().isBefore(settled);
    }

    /**
     * Whether the missing positions from {@code after + 1} on are settled: the next event stored after them (looked
     * up only here, when a batch ends in missing positions) is older than the gap timeout. None stored up to the head
     * means they are still being written.
     */
    private boolean settledAfter(long after, long head, Instant settled) {
        Document next = collections.events()
                .find(Filters.and(Filters.gt(EventDocument.POSITION, after), Filters.lte(EventDocument.POSITION, head)))
                .projection(Projections.include(EventDocument.TIMESTAMP))
                .sort(Sorts.ascending(EventDocument.POSITION))
                .first();
        return next != null && settledBefore(next, settled);
    }

    static long position(Document event) {
        return ((Number) event.get(EventDocument.POSITION)).longValue();
    }

    static long sequence(Document event) {
        return ((Number) event.get(EventDocument.SEQUENCE)).longValue();
    }
}
