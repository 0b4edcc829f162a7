package de.efa.registry.query.audit;

import com.mongodb.client.model.Projections;
import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.EventDocument;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every aggregate's hash chain.
 * <p>
 * First the log is read by position, fetching only aggregate id and sequence, to learn every aggregate and how far
 * its stream reaches (memory grows with the number of aggregates, not events). Then the streams are read by stream
 * key, several aggregates per {@code $in}, and each is verified in sequence order by {@link StreamVerification}.
 * Heads of aggregates that no longer have a single event are found among all heads, read once.
 */
@Component
class IntegrityCheck {

    /** Stream keys per lookup: big enough to be cheap per event, small enough to hold. */
    private static final int KEYS_PER_LOOKUP = 1000;

    private final StoredEventLog log;
    private final AggregateStream streams;

    IntegrityCheck(StoredEventLog log, AggregateStream streams) {
        this.log = log;
        this.streams = streams;
    }

    IntegrityReport run() {
        Map<String, Reach> reaches = new LinkedHashMap<>();
        long[] events = {0};
        log.scan(0, Long.MAX_VALUE, Projections.include(EventDocument.AGGREGATE_ID, EventDocument.SEQUENCE), stored -> {
            events[0]++;
            reaches.computeIfAbsent(stored.getString(EventDocument.AGGREGATE_ID), id -> new Reach())
                    .saw(StoredEventLog.sequence(stored));
            return true;
        });

        // every head at once: one pass over the head marks, one entry per aggregate like the reaches
        Map<String, AggregateHeads.Head> heads = streams.heads().all();
        List<ChainViolation> violations = new ArrayList<>();
        List<String> group = new ArrayList<>();
        long keys = 0;
        for (Map.Entry<String, Reach> aggregate : reaches.entrySet()) {
            group.add(aggregate.getKey());
            keys += aggregate.getValue().maxSequence + 1;
            if (keys >= KEYS_PER_LOOKUP) {
                verify(group, reaches, heads, violations);
                group.clear();
                keys = 0;
            }
        }
        verify(group, reaches, heads, violations);

        long aggregates = reaches.size();
        for (AggregateHeads.Head head : heads.values()) {
            if (!reaches.containsKey(head.aggregateId())) {
                aggregates++;
                StreamVerification.verify(head.aggregateId(), Map.of(), 0, head, violations);
            }
        }
        return new IntegrityReport(violations.isEmpty(), events[0], aggregates, violations);
    }

    private void verify(List<String> group, Map<String, Reach> reaches, Map<String, AggregateHeads.Head> heads,
                        List<ChainViolation> violations) {
        if (group.isEmpty()) {
            return;
        }
        Map<String, Map<Long, Document>> found = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (String aggregateId : group) {
            AggregateHeads.Head head = heads.get(aggregateId);
            found.put(aggregateId, new HashMap<>());
            long upTo = Math.max(reaches.get(aggregateId).maxSequence, head == null ? -1 : head.sequence());
            for (long s = 0; s <= upTo; s++) {
                keys.add(EventDocument.streamKey(aggregateId, s));
                if (keys.size() == KEYS_PER_LOOKUP) {
                    collect(keys, found);
                    keys.clear();
                }
            }
        }
        collect(keys, found);
        for (String aggregateId : group) {
            StreamVerification.verify(aggregateId, found.get(aggregateId), reaches.get(aggregateId).events,
                    heads.get(aggregateId), violations);
        }
    }

    private void collect(List<String> keys, Map<String, Map<Long, Document>> found) {
        if (keys.isEmpty()) {
            return;
        }
        for (Document event : streams.findKeys(keys)) {
            String key = event.getString(EventDocument.STREAM_KEY);
            int slash = key.lastIndexOf('/');
            Map<Long, Document> stream = found.get(key.substring(0, slash));
            if (stream != null) {
                stream.put(Long.parseLong(key.substring(slash + 1)), event);
            }
        }
    }

    /** How far one aggregate's stream reaches in the log, and how many events name it. */
    private static final class Reach {
        long events;
        long maxSequence = -1;

        void saw(long sequence) {
            events++;
            maxSequence = Math.max(maxSequence, sequence);
        }
    }
}
