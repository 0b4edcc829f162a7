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
 * <p>
 * The writes of one batch to one document are merged into one update (the last {@code $set}/{@code $unset} of a
 * field wins, {@code $max}es of a field combine): a batch of a bulk adoption touches the same few shared documents
 * hundreds of times, and the store rewrites a whole document per update, so per-event updates cost in proportion to
 * the document's size — quadratic in the adoptions of a service and state. The merged update leaves every document
 * exactly as the single updates in order would.
 */
public final class DerivedWrites {

    private enum Op { SET, UNSET, MAX }

    private record Change(Op op, Object value) {
    }

    /** collection → document id → the pending updates of that document (more than one only where paths overlap). */
    private final Map<String, Map<String, List<Map<String, Change>>>> pending = new LinkedHashMap<>();

    public void set(String collection, String id, String path, Object value) {
        add(collection, id, path, new Change(Op.SET, value));
    }

    public void unset(String collection, String id, String path) {
        add(collection, id, path, new Change(Op.UNSET, ""));
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
        add(collection, id, path, new Change(Op.MAX, value));
    }

    private void add(String collection, String id, String path, Change change) {
        List<Map<String, Change>> updates = pending.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, i -> new ArrayList<>());
        Map<String, Change> last = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        if (last != null) {
            Change existing = last.get(path);
            if (existing != null) {
                if (existing.op() == Op.MAX && change.op() == Op.MAX) {
                    long a = ((Number) existing.value()).longValue();
                    long b = ((Number) change.value()).longValue();
                    last.put(path, new Change(Op.MAX, Math.max(a, b)));
                    return;
                }
                if (existing.op() != Op.MAX && change.op() != Op.MAX) {
                    last.remove(path); // re-inserted below, so it also moves to the end
                    last.put(path, change);
                    return;
                }
            } else if (!overlaps(last, path)) {
                last.put(path, change);
                return;
            }
        }
        Map<String, Change> update = new LinkedHashMap<>();
        update.put(path, change);
        updates.add(update);
    }

    /** Whether the path conflicts with one already in the update (one is a parent of the other). */
    private static boolean overlaps(Map<String, Change> update, String path) {
        for (String other : update.keySet()) {
            if (other.startsWith(path + ".") || path.startsWith(other + ".")) {
                return true;
            }
        }
        return false;
    }

    Map<String, List<WriteModel<Document>>> byCollection() {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        pending.forEach((collection, documents) -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            documents.forEach((id, updates) -> {
                for (Map<String, Change> update : updates) {
                    writes.add(toModel(id, update));
                }
            });
            byCollection.put(collection, writes);
        });
        return byCollection;
    }

    private static WriteModel<Document> toModel(String id, Map<String, Change> update) {
        Document set = new Document();
        Document unset = new Document();
        Document max = new Document();
        for (Map.Entry<String, Change> entry : update.entrySet()) {
            switch (entry.getValue().op()) {
                case SET -> set.put(entry.getKey(), entry.getValue().value());
                case UNSET -> unset.put(entry.getKey(), "");
                case MAX -> max.put(entry.getKey(), entry.getValue().value());
            }
        }
        Document operations = new Document();
        if (!set.isEmpty()) {
            operations.put("$set", set);
        }
        if (!unset.isEmpty()) {
            operations.put("$unset", unset);
        }
        if (!max.isEmpty()) {
            operations.put("$max", max);
        }
        // as before: $set and $max create the document, an $unset alone never does
        boolean upsert = !set.isEmpty() || !max.isEmpty();
        return new UpdateOneModel<>(new Document("_id", id), operations, new UpdateOptions().upsert(upsert));
    }
}
