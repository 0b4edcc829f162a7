package de.efa.registry.command.lookup;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Applies an event to one lookup document exactly once and never out of order, without transactions: the document
 * remembers the aggregate sequence number of the last event applied ({@code seq}); an event at or below it is
 * skipped, a newer one replaces the document by compare-and-set on {@code (_id, seq)}. That makes the live handler
 * and the repair processor safe to run over the same events at the same time.
 */
final class VersionedDocuments {

    static final String SEQ = "seq";
    private static final int ATTEMPTS = 20;

    private VersionedDocuments() {
    }

    /**
     * For an event that creates its document under a new id (an adoption's random id), seen when it is made: insert
     * at once and save the read that {@link #apply} starts with. If the document exists after all (the repair
     * processor was first), the versioned path decides as always.
     */
    static void create(MongoCollection<Document> collection, String id, long seq, Supplier<Document> initial) {
        Document first = initial.get();
        first.put("_id", id);
        first.put(SEQ, seq);
        try {
            collection.insertOne(first);
            return;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        apply(collection, id, seq, current -> initial.get());
    }

    /** @param change the new document from the current one (null when absent); returning null leaves it as is */
    static void apply(MongoCollection<Document> collection, String id, long seq, UnaryOperator<Document> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = collection.find(new Document("_id", id)).first();
            if (current != null && current.get(SEQ, Number.class).longValue() >= seq) {
                return;
            }
            Document next = change.apply(current == null ? null : new Document(current));
            if (next == null) {
                return;
            }
            next.put("_id", id);
            next.put(SEQ, seq);
            try {
                if (current == null) {
                    collection.insertOne(next);
                    return;
                }
                Document expected = new Document("_id", id).append(SEQ, current.get(SEQ, Number.class).longValue());
                if (collection.replaceOne(expected, next).getMatchedCount() == 1) {
                    return;
                }
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("lookup document " + id + " kept changing under " + ATTEMPTS + " attempts");
    }
}
