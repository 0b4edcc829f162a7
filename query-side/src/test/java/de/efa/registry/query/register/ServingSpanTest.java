package de.efa.registry.query.register;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.efa.registry.query.register.ServingSpan.Phase.LIVE;
import static de.efa.registry.query.register.ServingSpan.Phase.NONE;
import static de.efa.registry.query.register.ServingSpan.Phase.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;

/** The days an adoption serves, and where a municipality stands on a day: the rule planned versus live rests on. */
class ServingSpanTest {

    private static final ServingSpan MARCH_TO_JUNE = new ServingSpan("2024-03-01", "2024-06-01");

    @Test
    void liveFromTheFirstDayUpToButExcludingTheEnd() {
        assertThat(MARCH_TO_JUNE.liveOn("2024-02-29")).isFalse();
        assertThat(MARCH_TO_JUNE.liveOn("2024-03-01")).isTrue();
        assertThat(MARCH_TO_JUNE.liveOn("2024-05-31")).isTrue();
        assertThat(MARCH_TO_JUNE.liveOn("2024-06-01")).isFalse();
        assertThat(new ServingSpan("2024-03-01", null).liveOn("2999-12-31")).isTrue();
    }

    @Test
    void plannedBeforeTheFirstDayNothingAfterTheEnd() {
        assertThat(ServingSpan.phaseOn(List.of(MARCH_TO_JUNE), "2024-02-29")).isEqualTo(PLANNED);
        assertThat(ServingSpan.phaseOn(List.of(MARCH_TO_JUNE), "2024-03-01")).isEqualTo(LIVE);
        assertThat(ServingSpan.phaseOn(List.of(MARCH_TO_JUNE), "2024-06-01")).isEqualTo(NONE);
        assertThat(ServingSpan.phaseOn(List.of(), "2024-06-01")).isEqualTo(NONE);
        // ended, and another one ahead: planned again
        assertThat(ServingSpan.phaseOn(List.of(MARCH_TO_JUNE, new ServingSpan("2025-01-01", null)), "2024-07-01"))
                .isEqualTo(PLANNED);
        // live wins over planned, whatever the order
        assertThat(ServingSpan.phaseOn(List.of(new ServingSpan("2025-01-01", null), MARCH_TO_JUNE), "2024-04-01"))
                .isEqualTo(LIVE);
    }

    @Test
    void anAdoptionServesUntilTheEarlierOfItsEndAndTheDayItBecameUnsupported() {
        assertThat(ServingSpan.of(adoption("2024-03-01", "2024-09-01", "2024-06-01"))).containsExactly(MARCH_TO_JUNE);
        assertThat(ServingSpan.of(adoption("2024-03-01", "2024-06-01", "2024-09-01"))).containsExactly(MARCH_TO_JUNE);
        assertThat(ServingSpan.of(adoption("2024-03-01", null, null))).containsExactly(new ServingSpan("2024-03-01", null));
        // terminated on the day it would have begun: it never serves, and is never planned either
        assertThat(ServingSpan.of(adoption("2024-03-01", "2024-03-01", null))).isEmpty();
    }

    @Test
    void aGapInWhichItWasUnsupportedIsCutOut() {
        Document adoption = adoption("2024-01-01", null, null).append("ug", List.of("2024-03-01|2024-06-01"));
        assertThat(ServingSpan.of(adoption)).containsExactly(new ServingSpan("2024-01-01", "2024-03-01"),
                new ServingSpan("2024-06-01", null));
        Document endedInTheGap = adoption("2024-01-01", "2024-04-01", null).append("ug", List.of("2024-03-01|2024-06-01"));
        assertThat(ServingSpan.of(endedInTheGap)).containsExactly(new ServingSpan("2024-01-01", "2024-03-01"));
    }

    @Test
    void theUnionMergesOverlappingAndTouchingSpans() {
        assertThat(ServingSpan.union(List.of(new ServingSpan("2024-06-01", "2024-08-01"), MARCH_TO_JUNE,
                new ServingSpan("2024-07-01", "2024-07-15"), new ServingSpan("2025-01-01", null),
                new ServingSpan("2025-02-01", "2025-03-01"))))
                .containsExactly(new ServingSpan("2024-03-01", "2024-08-01"), new ServingSpan("2025-01-01", null));
        assertThat(ServingSpan.union(List.of(MARCH_TO_JUNE, new ServingSpan("2024-06-02", null))))
                .containsExactly(MARCH_TO_JUNE, new ServingSpan("2024-06-02", null));
    }

    @Test
    void storedAsFromBarUntil() {
        assertThat(MARCH_TO_JUNE.stored()).isEqualTo("2024-03-01|2024-06-01");
        assertThat(ServingSpan.parse("2024-03-01|")).isEqualTo(new ServingSpan("2024-03-01", null));
        assertThat(ServingSpan.parse(MARCH_TO_JUNE.stored())).isEqualTo(MARCH_TO_JUNE);
    }

    private static Document adoption(String from, String endsOn, String unsupportedSince) {
        return new Document("f", from).append("e", endsOn).append("us", unsupportedSince);
    }
}
