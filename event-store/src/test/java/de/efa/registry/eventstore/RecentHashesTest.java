package de.efa.registry.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine chains the next event from a remembered hash only on an exact match; anything else must answer null so
 * that the predecessor is read back, or a stale hash would end up in the chain.
 */
class RecentHashesTest {

    @Test
    void theHashOfTheLastStoredEventIsKnownForExactlyThatSequence() {
        RecentHashes recent = new RecentHashes(10);
        recent.stored("a", 3, "h3");

        assertThat(recent.hashOf("a", 3)).isEqualTo("h3");
        assertThat(recent.hashOf("a", 2)).isNull();
        assertThat(recent.hashOf("a", 4)).isNull();
        assertThat(recent.hashOf("b", 3)).isNull();
    }

    @Test
    void aLaterSequenceReplacesTheRememberedOne() {
        RecentHashes recent = new RecentHashes(10);
        recent.stored("a", 3, "h3");
        recent.stored("a", 4, "h4");

        assertThat(recent.hashOf("a", 4)).isEqualTo("h4");
        assertThat(recent.hashOf("a", 3)).isNull();
    }

    @Test
    void anEarlierOrEqualSequenceNeverOverwritesWhatIsKnown() {
        // appends of one aggregate may be reported out of order by concurrent writers
        RecentHashes recent = new RecentHashes(10);
        recent.stored("a", 4, "h4");
        recent.stored("a", 3, "h3");
        recent.stored("a", 4, "other");

        assertThat(recent.hashOf("a", 4)).isEqualTo("h4");
        assertThat(recent.hashOf("a", 3)).isNull();
    }

    @Test
    void beyondItsCapacityAnAggregateIsForgottenAndThenReadBackInstead() {
        RecentHashes recent = new RecentHashes(2);
        recent.stored("a", 0, "a0");
        recent.stored("b", 0, "b0");
        assertThat(recent.hashOf("a", 0)).as("at capacity, nothing is forgotten yet").isEqualTo("a0");

        recent.stored("c", 0, "c0");

        // which one goes is Caffeine's choice; what matters is that it stays bounded and never answers wrongly
        long known = java.util.stream.Stream.of("a", "b", "c").filter(id -> recent.hashOf(id, 0) != null).count();
        assertThat(known).isEqualTo(2);
        java.util.stream.Stream.of("a", "b", "c").forEach(id ->
                assertThat(recent.hashOf(id, 0)).isIn(null, id + "0"));
    }
}
