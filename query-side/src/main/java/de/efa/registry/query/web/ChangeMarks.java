package de.efa.registry.query.web;

import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.register.RegisterProjection;
import org.bson.Document;

/** The register's marks of the last position that changed a kind of record: one read tells a cache it is stale. */
public final class ChangeMarks {

    private ChangeMarks() {
    }

    public static long of(ProjectionStore store, String kind) {
        Document mark = store.collection(RegisterProjection.CHANGES).find(new Document("_id", kind)).first();
        return mark == null ? 0L : ((Number) mark.get("p")).longValue();
    }
}
