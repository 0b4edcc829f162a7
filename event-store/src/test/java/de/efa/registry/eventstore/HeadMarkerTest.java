package de.efa.registry.eventstore;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Head marks written in the background, against the real store over TCP. */
class HeadMarkerTest {

    private final MongoDatabase database = EngineFixture.freshDatabase();
    private final EventStoreCollections collections = new EventStoreCollections(database);
    private final AggregateHeads heads = new AggregateHeads(collections.aggregateHeads());

    @Test
    void groupsStoredWithinTheIntervalShareOneMarkWithTheHighestSequencePerAggregate() {
        HeadMarker marker = new HeadMarker(heads, Duration.ofMillis(300));

        marker.stored(List.of(stored(5, "a", 0, "a0"), stored(6, "b", 0, "b0")));
        marker.stored(List.of(stored(7, "a", 1, "a1")));
        marker.stored(List.of(stored(3, "c", 4, "c4")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(heads.of("a")).isEqualTo(new AggregateHeads.Head("a", 1, "a1")));
        assertThat(heads.of("b")).isEqualTo(new AggregateHeads.Head("b", 0, "b0"));
        assertThat(heads.of("c")).isEqualTo(new AggregateHeads.Head("c", 4, "c4"));
        assertThat(collections.aggregateHeads().countDocuments()).isEqualTo(1);
        assertThat(collections.aggregateHeads().find().first().get("_id")).as("the lowest position it covers")
                .isEqualTo(3L);
    }

    @Test
    void closingRecordsWhatIsStillPending() {
        HeadMarker marker = new HeadMarker(heads, Duration.ofHours(1));
        marker.stored(List.of(stored(1, "late", 2, "late2")));

        marker.close();

        assertThat(heads.of("late")).isEqualTo(new AggregateHeads.Head("late", 2, "late2"));
        marker.stored(List.of(stored(2, "late", 3, "late3")));
        assertThat(heads.of("late")).as("after closing, recorded at once").isEqualTo(new AggregateHeads.Head("late", 3, "late3"));
    }

    @Test
    void anEngineRecordsTheHeadOfEveryAggregateItAppendedTo() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(EngineFixture.event("x", 0, new EngineFixture.Happened("founded", 0)),
                EngineFixture.event("x", 1, new EngineFixture.Happened("grew", 1))));
        String lastHash = collections.events().find(new Document(EventDocument.STREAM_KEY, "x/1")).first()
                .getString(EventDocument.HASH);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(heads.of("x")).isEqualTo(new AggregateHeads.Head("x", 1, lastHash)));
    }

    private static Document stored(long position, String aggregateId, long sequence, String hash) {
        return new Document(EventDocument.POSITION, position).append(EventDocument.AGGREGATE_ID, aggregateId)
                .append(EventDocument.SEQUENCE, sequence).append(EventDocument.HASH, hash);
    }
}
