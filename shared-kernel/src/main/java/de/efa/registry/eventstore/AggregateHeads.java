package de.efa.registry.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The head of every aggregate's stream: its highest sequence number and that event's hash, one document per aggregate
 * ({@code _id} = aggregate id) in collection {@value #COLLECTION}.
 * <p>
 * Why: a hash chain links every event to its predecessor, so it exposes a changed or removed event <em>inside</em> a
 * stream, but an aggregate whose last events were deleted still ends in a perfectly valid chain. The head remembers
 * where the stream ended, so an auditor can see that it now ends earlier (or in another hash).
 * <p>
 * Why not the dense global positions alone: a position without an event is also what a failed or crashed append
 * leaves behind (and a partial insert is compensated by deleting), so a missing position cannot prove tampering.
 * <p>
 * Written after the events were inserted, without a transaction: a crash in between leaves the head one append
 * behind, which only makes that last append unprotected, never raises a false alarm. {@code $max} keeps the head from
 * moving backwards when two appends' head writes overtake each other; the hash travels inside {@link #TIP}
 * (zero-padded sequence, then the hash) so that it always belongs to the highest sequence.
 */
public final class AggregateHeads {

    private static final Logger log = LoggerFactory.getLogger(AggregateHeads.class);

    public static final String COLLECTION = "aggregate_heads";
    public static final String SEQUENCE = "sequence";
    public static final String TIP = "tip";

    private final MongoCollection<Document> heads;

    public AggregateHeads(MongoCollection<Document> heads) {
        this.heads = heads;
    }

    /** Moves the head of every aggregate in a successfully inserted block of event documents. */
    void advance(List<Document> inserted) {
        Map<String, Document> last = new LinkedHashMap<>();
        for (Document event : inserted) {
            last.put(event.getString(EventDocument.AGGREGATE_ID), event);
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(last.size());
        for (Map.Entry<String, Document> head : last.entrySet()) {
            long sequence = ((Number) head.getValue().get(EventDocument.SEQUENCE)).longValue();
            String hash = head.getValue().getString(EventDocument.HASH);
            updates.add(new UpdateOneModel<>(new Document("_id", head.getKey()),
                    new Document("$max", new Document(SEQUENCE, sequence).append(TIP, tip(sequence, hash))),
                    new UpdateOptions().upsert(true)));
        }
        if (updates.isEmpty()) {
            return;
        }
        try {
            // one round trip for a whole group commit of appends
            heads.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            // the events are stored: failing the append now would lie to the caller; the heads just lag
            log.warn("Could not advance the heads of aggregates {}", last.keySet(), e);
        }
    }

    /** Sorts by sequence as text: 19 digits hold every non-negative long. */
    static String tip(long sequence, String hash) {
        return String.format("%019d:%s", sequence, hash);
    }

    /** The head recorded for an aggregate, or null when none was (it predates the heads, or never existed). */
    public Head of(String aggregateId) {
        Document doc = heads.find(new Document("_id", aggregateId)).first();
        return doc == null ? null : Head.of(doc);
    }

    public MongoCollection<Document> collection() {
        return heads;
    }

    /** Where an aggregate's stream ended when it was last appended to. */
    public record Head(String aggregateId, long sequence, String hash) {

        public static Head of(Document doc) {
            String tip = doc.getString(TIP);
            int colon = tip.indexOf(':');
            return new Head(doc.getString("_id"), Long.parseLong(tip.substring(0, colon)), tip.substring(colon + 1));
        }
    }
}
