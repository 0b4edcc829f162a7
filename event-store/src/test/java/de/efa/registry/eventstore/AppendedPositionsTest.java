package de.efa.registry.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A command endpoint answers the highest position its thread stored since it reset, or -1 when it stored none. */
class AppendedPositionsTest {

    @AfterEach
    void reset() {
        AppendedPositions.reset();
    }

    @Test
    void nothingStoredSinceTheResetIsMinusOne() {
        AppendedPositions.record(7);
        AppendedPositions.reset();
        assertThat(AppendedPositions.last()).isEqualTo(-1L);
    }

    @Test
    void theHighestPositionStoredIsRememberedEvenIfALowerOneComesLater() {
        AppendedPositions.record(7);
        AppendedPositions.record(3);
        assertThat(AppendedPositions.last()).isEqualTo(7L);
        AppendedPositions.record(9);
        assertThat(AppendedPositions.last()).isEqualTo(9L);
    }

    @Test
    void anotherThreadsAppendsAreNotThisThreads() {
        AppendedPositions.reset();
        CompletableFuture.runAsync(() -> AppendedPositions.record(42)).join();
        assertThat(AppendedPositions.last()).isEqualTo(-1L);
    }
}
