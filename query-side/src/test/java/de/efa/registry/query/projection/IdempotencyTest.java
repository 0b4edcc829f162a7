package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler is idempotent: the whole history delivered twice, or redelivered in overlapping batches, leaves
 * exactly the documents that one delivery leaves — and exactly those the live processors built.
 */
class IdempotencyTest extends QuerySideTestBase {

    private static final Projection.Failures NONE = NoFailuresExpected.INSTANCE;

    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    List<Projection> projections;
    @Autowired
    ActiveVersions versions;

    @Test
    void deliveringTheHistoryTwiceChangesNothing() {
        Scenario scenario = new Scenario(history);
        body("/api/v1/services/" + scenario.wohngeld, scenario.last);
        List<ProjectedEvent> events = allEvents();

        for (Projection projection : projections) {
            ProjectionStore once = new ProjectionStore(database, projection.name(), 90);
            projection.apply(events, once, NONE);
            Map<String, List<Document>> afterOnce = contents(once);

            projection.apply(events, once, NONE);
            assertThat(contents(once)).as(projection.name() + " twice").isEqualTo(afterOnce);

            ProjectionStore overlapping = new ProjectionStore(database, projection.name(), 91);
            for (int from = 0; from < events.size(); from += 3) {
                projection.apply(events.subList(Math.max(0, from - 2), Math.min(events.size(), from + 3)), overlapping, NONE);
            }
            assertThat(contents(overlapping)).as(projection.name() + " overlapping batches").isEqualTo(afterOnce);

            ProjectionStore live = versions.active(projection.name());
            assertThat(contents(live)).as(projection.name() + " live").isEqualTo(afterOnce);
        }
    }

    private List<ProjectedEvent> allEvents() {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            return stream.map(ProjectionInvoker::toProjected).collect(Collectors.toCollection(ArrayList::new)).stream()
                    .filter(e -> e.payload() != null).toList();
        }
    }

    private Map<String, List<Document>> contents(ProjectionStore store) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(store.prefix() + "_")) {
                List<Document> documents = database.getCollection(name).find().into(new ArrayList<>());
                documents.sort((a, b) -> a.get("_id").toString().compareTo(b.get("_id").toString()));
                contents.put(name.substring(store.prefix().length()), documents);
            }
        }
        return contents;
    }
}
