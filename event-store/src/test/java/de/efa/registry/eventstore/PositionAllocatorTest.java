package de.efa.registry.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Global positions from one counter, against the real store over TCP. */
class PositionAllocatorTest {

    private final EventStoreCollections collections = new EventStoreCollections(EngineFixture.freshDatabase());
    private final PositionAllocator counter = new PositionAllocator(collections.counters());

    @Test
    void anEmptyStoreHandsOutPositionOneFirstAndHasHeadZero() {
        assertThat(counter.head()).isZero();
        assertThat(counter.allocate(3)).isEqualTo(1);
        assertThat(counter.head()).isEqualTo(3);
        assertThat(counter.allocate(2)).isEqualTo(4);
        assertThat(counter.head()).isEqualTo(5);
    }

    @Test
    void ensuringTheCounterTwiceKeepsWhatWasHandedOut() {
        counter.ensureCounter();
        counter.allocate(5);
        counter.ensureCounter();
        assertThat(counter.head()).isEqualTo(5);
    }

    @Test
    void aReservationIsExtendedOnlyWhileItIsStillTheHighest() {
        counter.ensureCounter();
        long first = counter.allocate(4);
        assertThat(counter.extend(first + 3, 2)).isTrue();
        assertThat(counter.head()).isEqualTo(6);

        assertThat(counter.extend(4, 2)).as("someone reserved after position 4").isFalse();
        assertThat(counter.head()).isEqualTo(6);
    }

    @Test
    void anUnusedTailIsGivenBackOnlyWhileNobodyReservedAfterIt() {
        counter.ensureCounter();
        counter.allocate(10);
        assertThat(counter.giveBack(10, 4)).isTrue();
        assertThat(counter.head()).isEqualTo(4);

        assertThat(counter.giveBack(10, 2)).as("the counter no longer stands at 10").isFalse();
        assertThat(counter.head()).isEqualTo(4);
    }
}
