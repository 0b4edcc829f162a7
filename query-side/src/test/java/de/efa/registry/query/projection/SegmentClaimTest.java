package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.query.QuerySideTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A claim names this instance's hold on a segment without a break: one taken before the segment was let go (here to
 * make room for a second instance) never equals one taken after it was claimed again — in between, another instance
 * may have written the segment's documents.
 */
@TestPropertySource(properties = {"registry.projections.segments=2", "registry.projections.token-claim-interval=200ms"})
class SegmentClaimTest extends QuerySideTestBase {

    @Autowired
    ProjectionManager projections;
    @Autowired
    ActiveVersions versions;
    @Autowired
    MongoDatabase registryDatabase;

    @Test
    void aClaimTakenBeforeTheSegmentWasLetGoNeverEqualsOneTakenAfter() {
        List<String> municipalities = List.of("16064000", "16065000", "16066000", "16067000", "16068000", "16069000");
        long last = 0;
        for (String ags : municipalities) {
            last = history.municipality(ags, "Gemeinde " + ags, 1_000);
        }
        body("/api/v1/municipalities/16069000", last);
        ProjectionStore store = versions.active("lookup");
        // the segment that is let go is the highest one: pick a municipality projected there
        await().atMost(Duration.ofSeconds(10)).until(() -> municipalities.stream()
                .anyMatch(ags -> claim(store, ags).filter(c -> c.segment().getSegmentId() == 1).isPresent()));
        String ags = municipalities.stream()
                .filter(a -> claim(store, a).filter(c -> c.segment().getSegmentId() == 1).isPresent()).findFirst().orElseThrow();
        // claims are found by the municipality's AGS; the segments take events by their aggregate id: the same string
        assertThat(eventStore.readEvents(ags).asStream()).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getAggregateIdentifier()).isEqualTo(ags));
        SegmentClaim before = claim(store, ags).orElseThrow();
        assertThat(claim(store, ags)).contains(before);

        MongoCollection<Document> instances = registryDatabase.getCollection(SegmentShare.COLLECTION);
        instances.insertOne(new Document("_id", "another-instance").append("seen", new Date()));
        await().atMost(Duration.ofSeconds(10)).until(() -> claim(store, ags).isEmpty());
        instances.deleteOne(new Document("_id", "another-instance"));
        await().atMost(Duration.ofSeconds(20)).until(() -> claim(store, ags).isPresent());

        assertThat(claim(store, ags).orElseThrow()).isNotEqualTo(before);
    }

    private Optional<SegmentClaim> claim(ProjectionStore store, String ags) {
        return projections.claimOf("lookup", store, ags);
    }
}
