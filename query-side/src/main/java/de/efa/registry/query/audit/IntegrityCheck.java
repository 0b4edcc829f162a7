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
 * All heads are read once, before the log; an aggregate that has a head but no event in the log is verified like the
 * others, so one whose events were all removed shows as such.
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
        // the heads first: a head is marked only after its events were stored, so every head read now has its events
        // in the log read next; read the other way round, an aggregate appended to in between would have a head but
        // no events in the read and be reported as removed
        Map<String, AggregateHeads.Head> heads = streams.heads().all();
        Map<String, Reach> reaches = new LinkedHashMap<>();
        long[] events = {0};
        log.scan(0, Long.MAX_VALUE, Projections.include(EventDocument.AGGREGATE_ID, EventDocument.SEQUENCE), stored -> {
            events[0]++;
            reaches.computeIfAbsent(stored.getString(EventDocument.AGGREGATE_ID), id -> new Reach())
                    .saw(StoredEventLog.sequence(stored));
            return true;
        });

        // an aggregate with a head but no event in the read (all removed — or stored after a position the read
        // stopped before, still being written) is looked up by stream key like every other
        for (String aggregateId : heads.keySet()) {
            reaches.computeIfAbsent(aggregateId, id -> new Reach());
        }
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

        return new IntegrityReport(violations.isEmpty(), events[0], reaches.size(), violations);
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
