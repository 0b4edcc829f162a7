package de.efa.registry.query.projection;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A projection whose truth is one state document per aggregate, read, changed in memory and written back once per
 * batch; everything else it stores is derived from those documents' before and after.
 * <p>
 * Why this shape: the store has no transactions and only {@code _id} lookups are fast. A state document records the
 * position of the last event applied to it ({@code _p}), so a redelivered event is skipped; derived documents receive
 * {@code $set}s of values computed from state, never increments, so writing them again is harmless. Derived writes go
 * first and state last: a crash in between redelivers the batch, which computes the same derived values again.
 */
public abstract class DocumentProjection implements Projection {

    public static final String POSITION = "_p";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final EventHandlers handlers = new EventHandlers();

    /**
     * Declares the handler of one event type: the state document it changes ({@code key}) and how ({@code change},
     * on a fresh document holding only {@code _id} if there was none; throwing dead-letters the event). Projections
     * declare theirs in their constructor.
     */
    protected final <E> void on(Class<E> type, Function<? super E, StateKey> key, EventHandlers.StateChange<? super E> change) {
        handlers.on(type, key, change);
    }

    @Override
    public final boolean handles(Class<?> payloadType) {
        return handlers.handles(payloadType);
    }

    /** The state document an event changes, or null if this projection ignores the event. */
    protected final StateKey keyOf(Object payload) {
        return handlers.keyOf(payload);
    }

    /** Writes derived from a state document's change; {@code before} is null for a new document. */
    protected abstract void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes);

    @Override
    public final void apply(List<ProjectedEvent> events, ProjectionStore store, Failures failures) {
        apply(events, (ProjectionDocuments) store, failures);
    }

    /** Applies a batch to the projection's documents wherever they are kept (see {@link ProjectionDocuments}). */
    public void apply(List<ProjectedEvent> events, ProjectionDocuments store, Failures failures) {
        Map<String, Set<String>> idsByCollection = new LinkedHashMap<>();
        List<Map.Entry<StateKey, ProjectedEvent>> ordered = new ArrayList<>(events.size());
        for (ProjectedEvent event : events) {
            StateKey key = keyOf(event.payload());
            if (key != null) {
                ordered.add(Map.entry(key, event));
                idsByCollection.computeIfAbsent(key.collection(), c -> new LinkedHashSet<>()).add(key.id());
            }
        }
        if (ordered.isEmpty()) {
            return;
        }
        Map<StateKey, Document> before = load(store, idsByCollection);
        Map<StateKey, Document> after = new LinkedHashMap<>();
        Map<StateKey, List<ProjectedEvent>> appliedInBatch = new HashMap<>();
        for (Map.Entry<StateKey, ProjectedEvent> entry : ordered) {
            StateKey key = entry.getKey();
            ProjectedEvent event = entry.getValue();
            if (failures.isBlocked(key.id())) {
                failures.failed(event, key.id(), new IllegalStateException("an earlier event of this aggregate is a dead letter"));
                continue;
            }
            Document state = after.computeIfAbsent(key, k -> fresh(k, before.get(k)));
            if (recordedPosition(state) >= event.position()) {
                failures.applied(event, key.id());
                continue;
            }
            try {
                handlers.apply(event.payload(), state, event.position());
                state.put(POSITION, event.position());
                appliedInBatch.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                failures.applied(event, key.id());
            } catch (RuntimeException e) {
                failures.failed(event, key.id(), e);
                // undo the half-applied event: start again from the stored state and replay what succeeded
                Document restored = fresh(key, before.get(key));
                for (ProjectedEvent earlier : appliedInBatch.getOrDefault(key, List.of())) {
                    handlers.apply(earlier.payload(), restored, earlier.position());
                    restored.put(POSITION, earlier.position());
                }
                after.put(key, restored);
            }
        }
        write(store, before, after);
    }

    private void write(ProjectionDocuments store, Map<StateKey, Document> before, Map<StateKey, Document> after) {
        DerivedWrites derived = new DerivedWrites();
        Map<String, List<WriteModel<Document>>> states = new LinkedHashMap<>();
        for (Map.Entry<StateKey, Document> entry : after.entrySet()) {
            Document old = before.get(entry.getKey());
            Document now = entry.getValue();
            if (old != null && recordedPosition(old) == recordedPosition(now)) {
                continue;
            }
            derive(entry.getKey(), old, now, recordedPosition(now), derived);
            states.computeIfAbsent(entry.getKey().collection(), c -> new ArrayList<>())
                    .add(new ReplaceOneModel<>(new Document("_id", entry.getKey().id()), now, UPSERT));
        }
        bulk(store, derived.byCollection());
        bulk(store, states);
    }

    private static void bulk(ProjectionDocuments store, Map<String, List<WriteModel<Document>>> writes) {
        for (Map.Entry<String, List<WriteModel<Document>>> entry : writes.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                store.write(entry.getKey(), entry.getValue());
            }
        }
    }

    private static Map<StateKey, Document> load(ProjectionDocuments store, Map<String, Set<String>> idsByCollection) {
        Map<StateKey, Document> loaded = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : idsByCollection.entrySet()) {
            for (Document document : store.find(entry.getKey(), entry.getValue())) {
                loaded.put(new StateKey(entry.getKey(), document.getString("_id")), document);
            }
        }
        return loaded;
    }

    private static Document fresh(StateKey key, Document stored) {
        return stored == null ? new Document("_id", key.id()) : Documents.copy(stored);
    }

    public static long recordedPosition(Document state) {
        Object value = state.get(POSITION);
        return value == null ? 0L : ((Number) value).longValue();
    }
}
