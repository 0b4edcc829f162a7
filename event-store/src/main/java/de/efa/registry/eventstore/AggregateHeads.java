package de.efa.registry.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every aggregate's stream ended, recorded as <em>head marks</em>: for the events stored within a moment (see
 * {@link HeadMarker}), one document in collection {@value #COLLECTION} lists, for every aggregate they belong to, the
 * sequence number and hash of its last event ({@code _id} = the first of their positions, {@code m} = [{@code a}
 * aggregate, {@code s} sequence, {@code h} hash]). An aggregate's head is the mark with its highest sequence.
 * <p>
 * Why heads at all: a hash chain links every event to its predecessor, so it exposes a changed or removed event
 * <em>inside</em> a stream, but an aggregate whose last events were deleted still ends in a perfectly valid chain. The
 * head remembers where the stream ended, so an auditor can see that it now ends earlier (or in another hash).
 * <p>
 * Why not the dense global positions alone: a position without an event is also what a failed or crashed append
 * leaves behind (and a partial insert is compensated by deleting), so a missing position cannot prove tampering.
 * <p>
 * Why marks rather than one document per aggregate moved with {@code $max}: an upsert per aggregate and group costs
 * the store several times what an insert does (measured on the embedded server: an update rewrites and re-indexes the
 * whole document), and it was the largest single cost of an append. One insert for many groups is a small fraction of
 * their event inserts. Reading a head folds the marks that name the aggregate (multikey index on {@code m.a}).
 * <p>
 * Written after the events were inserted, without a transaction: a crash in between leaves the heads of the last
 * moment's appends behind, which only makes those appends unprotected, never raises a false alarm.
 */
public final class AggregateHeads {

    private static final Logger log = LoggerFactory.getLogger(AggregateHeads.class);

    public static final String COLLECTION = "aggregate_head_marks";
    static final String MARKS = "m";
    static final String AGGREGATE = "a";
    static final String SEQUENCE = "s";
    static final String HASH = "h";

    private final MongoCollection<Document> marks;

    public AggregateHeads(MongoCollection<Document> marks) {
        this.marks = marks;
    }

    /** Records the head of every aggregate in successfully inserted event documents. */
    void advance(List<Document> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        long firstPosition = Long.MAX_VALUE;
        Map<String, Document> last = new LinkedHashMap<>();
        for (Document event : inserted) {
            firstPosition = Math.min(firstPosition, EventDocument.position(event));
            last.merge(event.getString(EventDocument.AGGREGATE_ID), event,
                    (a, b) -> sequence(b) > sequence(a) ? b : a);
        }
        List<Document> entries = new ArrayList<>(last.size());
        last.forEach((aggregateId, event) -> entries.add(new Document(AGGREGATE, aggregateId)
                .append(SEQUENCE, sequence(event)).append(HASH, event.getString(EventDocument.HASH))));
        try {
            marks.insertOne(new Document("_id", firstPosition).append(MARKS, entries));
        } catch (MongoException e) {
            // the events are stored: failing the append now would lie to the caller; these heads just lag
            log.warn("Could not record the heads of aggregates {}", last.keySet(), e);
        }
    }

    private static long sequence(Document event) {
        return ((Number) event.get(EventDocument.SEQUENCE)).longValue();
    }

    /** The head recorded for an aggregate, or null when none was (it predates the heads, or never existed). */
    public Head of(String aggregateId) {
        Map<String, Head> heads = new HashMap<>();
        for (Document mark : marks.find(new Document(MARKS + "." + AGGREGATE, aggregateId))) {
            fold(mark, heads, Set.of(aggregateId));
        }
        return heads.get(aggregateId);
    }

    /** Every recorded head: one pass over all marks. */
    public Map<String, Head> all() {
        Map<String, Head> heads = new HashMap<>();
        for (Document mark : marks.find()) {
            fold(mark, heads, null);
        }
        return heads;
    }

    private static void fold(Document mark, Map<String, Head> heads, Set<String> wanted) {
        for (Document entry : mark.getList(MARKS, Document.class)) {
            String aggregateId = entry.getString(AGGREGATE);
            if (wanted != null && !wanted.contains(aggregateId)) {
                continue;
            }
            Head head = new Head(aggregateId, ((Number) entry.get(SEQUENCE)).longValue(), entry.getString(HASH));
            heads.merge(aggregateId, head, (a, b) -> b.sequence() > a.sequence() ? b : a);
        }
    }

    /** Where an aggregate's stream ended when it was last appended to. */
    public record Head(String aggregateId, long sequence, String hash) {
    }
}
