package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's head is the highest sequence any mark records for it; against the real store over TCP. */
class AggregateHeadsTest {

    private final EventStoreCollections collections = new EventStoreCollections(EngineFixture.freshDatabase());
    private final AggregateHeads heads = new AggregateHeads(collections.aggregateHeads());

    @Test
    void oneMarkPerGroupRecordsTheLastEventOfEachAggregateUnderTheLowestPosition() {
        heads.advance(List.of(stored(9, "a", 1, "a1"), stored(8, "a", 0, "a0"), stored(10, "b", 5, "b5")));

        assertThat(collections.aggregateHeads().countDocuments()).isEqualTo(1);
        assertThat(collections.aggregateHeads().find().first().get("_id")).isEqualTo(8L);
        assertThat(heads.of("a")).isEqualTo(new AggregateHeads.Head("a", 1, "a1"));
        assertThat(heads.of("b")).isEqualTo(new AggregateHeads.Head("b", 5, "b5"));
    }

    @Test
    void theHighestSequenceOfAllMarksWinsWhateverTheirOrder() {
        heads.advance(List.of(stored(20, "a", 7, "a7")));
        heads.advance(List.of(stored(10, "a", 3, "a3"), stored(11, "b", 0, "b0")));

        assertThat(heads.of("a")).isEqualTo(new AggregateHeads.Head("a", 7, "a7"));
        assertThat(heads.all()).containsOnlyKeys("a", "b")
                .containsEntry("a", new AggregateHeads.Head("a", 7, "a7"))
                .containsEntry("b", new AggregateHeads.Head("b", 0, "b0"));
    }

    @Test
    void anAggregateNeverMarkedHasNoHead() {
        heads.advance(List.of(stored(1, "a", 0, "a0")));

        assertThat(heads.of("nobody")).isNull();
    }

    @Test
    void nothingStoredWritesNoMark() {
        heads.advance(List.of());

        assertThat(collections.aggregateHeads().countDocuments()).isZero();
    }

    @Test
    void aMarkThatCannotBeWrittenDoesNotFailTheAppendThatIsAlreadyStored() {
        heads.advance(List.of(stored(1, "a", 0, "a0")));
        // the same first position again collides on _id: the heads lag, the caller is not told a lie
        heads.advance(List.of(stored(1, "a", 1, "a1")));

        assertThat(heads.of("a")).isEqualTo(new AggregateHeads.Head("a", 0, "a0"));
    }

    private static Document stored(long position, String aggregateId, long sequence, String hash) {
        return new Document(EventDocument.POSITION, position).append(EventDocument.AGGREGATE_ID, aggregateId)
                .append(EventDocument.SEQUENCE, sequence).append(EventDocument.HASH, hash);
    }
}
