package de.efa.registry.query.projection;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A projection's documents in memory, for unit tests of its handlers without a store: it understands exactly the
 * writes {@link DocumentProjection} makes (replacements of state documents; {@code $set}, {@code $unset} and
 * {@code $max} of dotted paths in derived ones, upserting as the options say). Feeds events at rising positions and
 * fails on any event a projection could not apply.
 */
public final class InMemoryDocuments implements ProjectionDocuments {

    private final Map<String, Map<String, Document>> collections = new TreeMap<>();
    private long position;

    /** Applies the payloads as one batch, at the next positions, as a processor would hand them over. */
    public InMemoryDocuments feed(DocumentProjection projection, Object... payloads) {
        List<ProjectedEvent> events = new ArrayList<>();
        for (Object payload : payloads) {
            position++;
            events.add(new ProjectedEvent(position, "event-" + position, payload));
        }
        projection.apply(events, this, new Projection.Failures() {
            @Override
            public boolean isBlocked(String aggregateId) {
                return false;
            }

            @Override
            public void failed(ProjectedEvent event, String aggregateId, Throwable cause) {
                throw new AssertionError("event at " + event.position() + " failed: " + cause, cause);
            }
        });
        return this;
    }

    /** The last position fed. */
    public long position() {
        return position;
    }

    /** The document, or null. */
    public Document get(String collection, String id) {
        return collections.getOrDefault(collection, Map.of()).get(id);
    }

    /** The ids of a collection's documents, in order. */
    public List<String> ids(String collection) {
        return List.copyOf(collections.getOrDefault(collection, Map.of()).keySet());
    }

    @Override
    public Iterable<Document> find(String collection, Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        for (String id : ids) {
            Document document = get(collection, id);
            if (document != null) {
                // a copy, as a store hands out: the projection must never change what it read
                found.add(Documents.copy(document));
            }
        }
        return found;
    }

    @Override
    public void write(String collection, List<WriteModel<Document>> writes) {
        Map<String, Document> documents = collections.computeIfAbsent(collection, c -> new TreeMap<>());
        for (WriteModel<Document> write : writes) {
            if (write instanceof ReplaceOneModel<Document> replace) {
                String id = idOf(replace.getFilter());
                documents.put(id, Documents.copy(replace.getReplacement()));
            } else if (write instanceof UpdateOneModel<Document> update) {
                String id = idOf(update.getFilter());
                Document document = documents.get(id);
                if (document == null) {
                    if (!update.getOptions().isUpsert()) {
                        continue;
                    }
                    document = new Document("_id", id);
                    documents.put(id, document);
                }
                update(document, (Document) update.getUpdate());
            } else {
                throw new IllegalArgumentException("not a write a document projection makes: " + write);
            }
        }
    }

    private static void update(Document document, Document operations) {
        for (Map.Entry<String, Object> operation : operations.entrySet()) {
            for (Map.Entry<String, Object> field : ((Document) operation.getValue()).entrySet()) {
                String[] path = field.getKey().split("\\.");
                boolean unset = "$unset".equals(operation.getKey());
                Document parent = document;
                for (int i = 0; i < path.length - 1 && parent != null; i++) {
                    // an $unset never creates the path it removes
                    parent = unset ? parent.get(path[i], Document.class) : Documents.child(parent, path[i]);
                }
                if (parent == null) {
                    continue;
                }
                String last = path[path.length - 1];
                switch (operation.getKey()) {
                    case "$set" -> parent.put(last, Documents.copy(new Document("v", field.getValue())).get("v"));
                    case "$unset" -> parent.remove(last);
                    case "$max" -> {
                        Object old = parent.get(last);
                        long value = ((Number) field.getValue()).longValue();
                        if (old == null || ((Number) old).longValue() < value) {
                            parent.put(last, field.getValue());
                        }
                    }
                    default -> throw new IllegalArgumentException("not an update a document projection makes: " + operation.getKey());
                }
            }
        }
    }

    private static String idOf(Bson filter) {
        return ((Document) filter).getString("_id");
    }
}
