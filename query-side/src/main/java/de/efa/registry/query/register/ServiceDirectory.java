package de.efa.registry.query.register;

import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.web.ChangeMarks;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All services in memory (hundreds to a few thousand documents) for the filtered list and the statistics: search by
 * provider, key, topic, status or text cannot use an index here. Reloaded when the change mark for services moves.
 */
@Component
public class ServiceDirectory {

    private final ActiveVersions versions;
    private volatile Snapshot snapshot;

    public ServiceDirectory(ActiveVersions versions) {
        this.versions = versions;
    }

    public List<Document> all() {
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        long mark = ChangeMarks.of(store, RegisterProjection.SERVICES);
        Snapshot current = snapshot;
        if (current == null || !current.collection.equals(store.prefix()) || current.mark != mark) {
            List<Document> all = store.collection(RegisterProjection.SERVICES).find().into(new ArrayList<>());
            all.removeIf(s -> s.getString("serviceId") == null);
            all.sort(Comparator.comparing((Document s) -> s.getString("leikaKey")).thenComparing(s -> s.getString("providingState")));
            current = new Snapshot(store.prefix(), mark, List.copyOf(all));
            snapshot = current;
        }
        return current.services;
    }

    private record Snapshot(String collection, long mark, List<Document> services) {
    }
}
