package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What tests that apply projections directly compare: every stored event, and a projection version's documents. */
final class ProjectionSnapshots {

    private ProjectionSnapshots() {
    }

    /** Every stored event as the projections see it (events without a payload left out). */
    static List<ProjectedEvent> allEvents(MongoEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            return stream.map(ProjectionInvoker::toProjected).collect(Collectors.toCollection(ArrayList::new)).stream()
                    .filter(e -> e.payload() != null).toList();
        }
    }

    /**
     * The documents of every collection of one projection version, by collection name and in {@code _id} order.
     * A derived document left with nothing but empty maps counts as absent: a contribution set by one batch and
     * removed by the next leaves such a shell where one batch holding both wrote nothing (readers see no difference;
     * deleting the shell would cost a command per removal).
     */
    static Map<String, List<Document>> contents(MongoDatabase database, ProjectionStore store) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(store.prefix() + "_")) {
                List<Document> documents = database.getCollection(name).find().into(new ArrayList<>());
                documents.removeIf(ProjectionSnapshots::isEmptyShell);
                documents.sort((a, b) -> a.get("_id").toString().compareTo(b.get("_id").toString()));
                contents.put(name.substring(store.prefix().length()), documents);
            }
        }
        return contents;
    }

    private static boolean isEmptyShell(Document document) {
        return document.size() > 1 && document.entrySet().stream()
                .allMatch(e -> e.getKey().equals("_id") || (e.getValue() instanceof Document d && d.isEmpty()));
    }
}
