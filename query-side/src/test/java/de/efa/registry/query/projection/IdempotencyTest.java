package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

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
        List<ProjectedEvent> events = ProjectionSnapshots.allEvents(engine);

        for (Projection projection : projections) {
            ProjectionStore once = new ProjectionStore(database, projection.name(), 90);
            projection.apply(events, once, NONE);
            Map<String, List<Document>> afterOnce = ProjectionSnapshots.contents(database, once);

            projection.apply(events, once, NONE);
            assertThat(ProjectionSnapshots.contents(database, once)).as(projection.name() + " twice").isEqualTo(afterOnce);

            ProjectionStore overlapping = new ProjectionStore(database, projection.name(), 91);
            for (int from = 0; from < events.size(); from += 3) {
                projection.apply(events.subList(Math.max(0, from - 2), Math.min(events.size(), from + 3)), overlapping, NONE);
            }
            assertThat(ProjectionSnapshots.contents(database, overlapping)).as(projection.name() + " overlapping batches").isEqualTo(afterOnce);

            ProjectionStore live = versions.active(projection.name());
            assertThat(ProjectionSnapshots.contents(database, live)).as(projection.name() + " live").isEqualTo(afterOnce);
        }
    }
}
