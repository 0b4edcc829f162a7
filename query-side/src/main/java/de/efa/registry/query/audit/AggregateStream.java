package de.efa.registry.query.audit;

import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One aggregate's stored events, looked up by their unique stream key ({@code aggregateId/sequence}) with {@code $in}
 * over sequence numbers: an index lookup, where asking for the aggregate id would scan the whole log.
 * <p>
 * Unlike loading an aggregate, the auditor's reading does not stop at the first missing sequence number: it reads
 * on while batches still find events and at least up to the recorded head, so that what follows a removed event is
 * still shown (and checked).
 */
@Component
class AggregateStream {

    private final EventStoreCollections collections;
    private final AggregateHeads heads;

    AggregateStream(EventStoreCollections collections) {
        this.collections = collections;
        this.heads = new AggregateHeads(collections.aggregateHeads());
    }

    /** @return the aggregate's events in sequence order; empty when nothing is stored for it */
    List<Document> events(String aggregateId) {
        AggregateHeads.Head head = heads.of(aggregateId);
        long atLeastUpTo = head == null ? 0 : head.sequence();
        List<Document> events = new ArrayList<>();
        long from = 0;
        while (true) {
            List<Document> batch = find(aggregateId, from, from + StoredEventLog.BATCH - 1);
            events.addAll(batch);
            from += StoredEventLog.BATCH;
            if (batch.isEmpty() && from > atLeastUpTo) {
                break;
            }
        }
        events.sort(Comparator.comparingLong(StoredEventLog::sequence));
        return events;
    }

    /** The events stored under the stream keys {@code firstSequence..lastSequence} of one aggregate. */
    List<Document> find(String aggregateId, long firstSequence, long lastSequence) {
        List<String> keys = new ArrayList<>();
        for (long s = firstSequence; s <= lastSequence; s++) {
            keys.add(EventDocument.streamKey(aggregateId, s));
        }
        return findKeys(keys);
    }

    List<Document> findKeys(Collection<String> streamKeys) {
        return collections.events()
                .find(new Document(EventDocument.STREAM_KEY, new Document("$in", new ArrayList<>(streamKeys))))
                .into(new ArrayList<>());
    }

    AggregateHeads heads() {
        return heads;
    }
}
