package de.efa.registry.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A gap is waited for until it has been missing longer than the timeout, counted from when it was first seen. */
class GapWatchTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final GapWatch watch = new GapWatch(Duration.ofSeconds(10), clock);

    @Test
    void aGapStaysOpenUpToAndIncludingTheTimeoutAfterItWasFirstSeen() {
        assertThat(watch.stillOpen(5)).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(watch.stillOpen(5)).as("exactly at the timeout").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(watch.stillOpen(5)).isFalse();
    }

    @Test
    void eachGapHasItsOwnClock() {
        watch.stillOpen(5);
        clock.advance(Duration.ofSeconds(8));
        watch.stillOpen(6);
        clock.advance(Duration.ofSeconds(5));

        assertThat(watch.stillOpen(5)).isFalse();
        assertThat(watch.stillOpen(6)).isTrue();
    }

    @Test
    void aFilledGapThatGoesMissingAgainStartsAFreshWait() {
        watch.stillOpen(5);
        clock.advance(Duration.ofSeconds(11));
        watch.filled(5);

        assertThat(watch.stillOpen(5)).isTrue();
    }

    @Test
    void forgettingBelowAPositionRestartsOnlyTheGapsBelowIt() {
        watch.stillOpen(4);
        watch.stillOpen(5);
        clock.advance(Duration.ofSeconds(11));
        watch.forgetBelow(5);

        assertThat(watch.stillOpen(4)).as("forgotten: seen missing afresh").isTrue();
        assertThat(watch.stillOpen(5)).as("kept: its wait is over").isFalse();
    }

    @Test
    void theGapsWaitedForAreThoseMissingWithinTheTimeout() {
        assertThat(watch.waitingFor()).isZero();
        watch.stillOpen(4);
        clock.advance(Duration.ofSeconds(8));
        watch.stillOpen(5);
        watch.stillOpen(6);
        assertThat(watch.waitingFor()).isEqualTo(3);

        watch.filled(6);
        clock.advance(Duration.ofSeconds(5));

        assertThat(watch.waitingFor()).as("4 given up, 6 filled").isEqualTo(1);
    }

    @Test
    void aGapIsWaitedForUpToAndIncludingTheTimeout() {
        watch.stillOpen(5);
        clock.advance(Duration.ofSeconds(10));
        assertThat(watch.waitingFor()).as("exactly at the timeout").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(watch.waitingFor()).isZero();
    }
}
