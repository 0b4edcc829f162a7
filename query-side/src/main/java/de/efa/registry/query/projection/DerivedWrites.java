package de.efa.registry.query.projection;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes to documents that several aggregates contribute to (a state's statistics, a service's adoptions). Each
 * aggregate owns its own field in them ({@code m.<aggregate key>}), set to a value computed from the aggregate's
 * state: so writing it twice, or from two segments at once, can never double-count.
 */
public final class DerivedWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();

    public void set(String collection, String id, String path, Object value) {
        add(collection, new UpdateOneModel<>(new Document("_id", id), new Document("$set", new Document(path, value)), UPSERT));
    }

    public void unset(String collection, String id, String path) {
        add(collection, new UpdateOneModel<>(new Document("_id", id), new Document("$unset", new Document(path, ""))));
    }

    /** Sets the field when the value is present, removes it otherwise. */
    public void put(String collection, String id, String path, Object valueOrNull) {
        if (valueOrNull == null) {
            unset(collection, id, path);
        } else {
            set(collection, id, path, valueOrNull);
        }
    }

    /** Idempotent high-water mark, e.g. "the municipalities changed at position p" for readers' caches. */
    public void max(String collection, String id, String path, long value) {
        add(collection, new UpdateOneModel<>(new Document("_id", id), new Document("$max", new Document(path, value)), UPSERT));
    }

    private void add(String collection, WriteModel<Document> write) {
        byCollection.computeIfAbsent(collection, c -> new ArrayList<>()).add(write);
    }

    Map<String, List<WriteModel<Document>>> byCollection() {
        return byCollection;
    }
}
