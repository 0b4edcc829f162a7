package de.efa.registry.query.lookup;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of an interval, and which days it serves. */
class IntervalTest {

    private static final String ADOPTION = "0b6c7a55-3f0e-4c38-9f1a-6f3f1f0a2b11";
    private static final String SERVICE = "5d1e2c33-8a4b-4f6e-b0c2-1e2f3a4b5c6d";

    @Test
    void readsBackWhatItStores() {
        Interval open = new Interval(ADOPTION, SERVICE, "1.10.0", "2024-02-29", null);
        assertThat(open.stored()).isEqualTo(ADOPTION + " " + SERVICE + " 1.10.0 2024-02-29");
        assertThat(Interval.parse(open.stored())).isEqualTo(open);
        Interval closed = open.closedOn("2025-01-01");
        assertThat(Interval.parse(closed.stored())).isEqualTo(closed);
        assertThat(closed.validTo()).isEqualTo("2025-01-01");
    }

    @Test
    void readsTheOlderSubDocumentForm() {
        Document old = new Document("a", ADOPTION).append("s", SERVICE).append("v", "2.0.0").append("f", "2023-03-01")
                .append("t", "2024-01-01");
        assertThat(Interval.of(old)).isEqualTo(new Interval(ADOPTION, SERVICE, "2.0.0", "2023-03-01", "2024-01-01"));
    }

    @Test
    void servesFromItsFirstDayUpToButExcludingItsEnd() {
        Interval interval = new Interval(ADOPTION, SERVICE, "1.0.0", "2023-03-01", "2024-01-01");
        assertThat(interval.contains("2023-02-28")).isFalse();
        assertThat(interval.contains("2023-03-01")).isTrue();
        assertThat(interval.contains("2023-12-31")).isTrue();
        assertThat(interval.contains("2024-01-01")).isFalse();
        assertThat(new Interval(ADOPTION, SERVICE, "1.0.0", "2023-03-01", null).contains("9999-12-31")).isTrue();
    }

    @Test
    void comparesDaysBeyondFourDigitYearsAsDates() {
        Interval interval = new Interval(ADOPTION, SERVICE, "1.0.0", "2023-03-01", null);
        assertThat(interval.contains("+10000-01-01")).isTrue();
        assertThat(interval.contains("-0001-01-01")).isFalse();
        assertThat(new Interval(ADOPTION, SERVICE, "1.0.0", "2023-03-01", "2024-01-01").contains("+10000-01-01")).isFalse();
    }

    @Test
    void neverEndsBeforeItStarts() {
        Interval interval = new Interval(ADOPTION, SERVICE, "1.0.0", "2023-03-01", null);
        assertThat(interval.closedOn("2023-01-01").validTo()).isEqualTo("2023-03-01");
    }
}
