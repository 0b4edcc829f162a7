package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.testsupport.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state document is written by its changed paths only on condition that it is still the version the batch read.
 * When another writer changed it in between (an instance that applied the same events while a segment changed hands),
 * the batch writes its documents whole, as before paths were written: the projection's state is stored, not a mix.
 */
class StateChangedUnderneathTest {

    private MongoDatabase database;
    private ProjectionStore store;

    @BeforeEach
    void store() {
        database = TestStore.client().getDatabase(TestStore.freshDatabase());
        store = new ProjectionStore(database, "fields", 1);
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aDocumentChangedAfterTheBatchReadItIsWrittenWhole() {
        FieldProjection projection = new FieldProjection();
        projection.apply(List.of(new ProjectedEvent(1, "e1", "a:x=1")), store, NoFailuresExpected.INSTANCE);
        assertThat(stored("a")).isEqualTo(new Document("_id", "a").append("x", "1").append("_p", 1L));

        // while the next batch is applied in memory, another writer stores its own version of the document
        projection.whileApplying.set(() -> store.collection("things").replaceOne(new Document("_id", "a"),
                new Document("_id", "a").append("x", "1").append("theirs", true).append("_p", 2L)));
        projection.apply(List.of(new ProjectedEvent(2, "e2", "a:y=2")), store, NoFailuresExpected.INSTANCE);

        assertThat(stored("a")).isEqualTo(new Document("_id", "a").append("x", "1").append("y", "2").append("_p", 2L));
    }

    @Test
    void aDocumentStillAtTheVersionReadGetsOnlyTheChangedPaths() {
        FieldProjection projection = new FieldProjection();
        projection.apply(List.of(new ProjectedEvent(1, "e1", "a:x=1")), store, NoFailuresExpected.INSTANCE);

        // a field written beside the projection, version unchanged: a whole-document write would remove it
        projection.whileApplying.set(() -> store.collection("things").updateOne(new Document("_id", "a"),
                new Document("$set", new Document("beside", true))));
        projection.apply(List.of(new ProjectedEvent(2, "e2", "a:y=2"), new ProjectedEvent(3, "e3", "a:x=3")), store,
                NoFailuresExpected.INSTANCE);

        assertThat(stored("a")).isEqualTo(new Document("_id", "a").append("x", "3").append("beside", true).append("y", "2")
                .append("_p", 3L));
    }

    private Document stored(String id) {
        return store.collection("things").find(new Document("_id", id)).first();
    }

    /** Events are "id:field=value"; each sets one field of the document {@code id}. */
    private static final class FieldProjection extends DocumentProjection {

        final AtomicReference<Runnable> whileApplying = new AtomicReference<>();

        @Override
        public String name() {
            return "fields";
        }

        @Override
        public boolean handles(Class<?> payloadType) {
            return payloadType == String.class;
        }

        @Override
        protected StateKey keyOf(Object payload) {
            return new StateKey("things", ((String) payload).substring(0, ((String) payload).indexOf(':')));
        }

        @Override
        protected void apply(Object payload, Document state, long position) {
            String assignment = ((String) payload).substring(((String) payload).indexOf(':') + 1);
            state.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            Runnable interference = whileApplying.getAndSet(null);
            if (interference != null) {
                interference.run();
            }
        }

        @Override
        protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        }
    }
}
