package de.efa.registry.command.job;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress of long work on a clock the test moves: a line once 5 s have passed, the count once a second. */
class ProgressReportTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> stored = new ArrayList<>();

    @Test
    void aLineIsLoggedOnceFiveSecondsHavePassedAndTheCountStoredOnceASecond() {
        ProgressReport report = new ProgressReport("Bulk adoption of service X 1.0.0 by thueringen", 10_981, clock,
                lines::add, (done, at) -> stored.add(done));
        for (int i = 0; i < 4_100; i++) {
            report.itemDone();
        }

        clock.move(Duration.ofMillis(500));
        report.tick();
        assertThat(lines).isEmpty();
        assertThat(stored).as("not before a second has passed").isEmpty();

        clock.move(Duration.ofMillis(500));
        report.tick();
        assertThat(stored).containsExactly(4_100);

        clock.move(Duration.ofMillis(3_000));
        report.tick();
        assertThat(lines).as("4 s after the start").isEmpty();

        clock.move(Duration.ofMillis(1_000));
        report.tick();
        assertThat(lines).containsExactly("Bulk adoption of service X 1.0.0 by thueringen: 4,100 of 10,981 (820/s)");

        clock.move(Duration.ofMillis(500));
        report.tick();
        assertThat(lines).as("the next line comes 5 s later, not at every tick").hasSize(1);
        clock.move(Duration.ofMillis(4_500));
        report.tick();
        assertThat(lines).hasSize(2);
    }

    @Test
    void aLineIsLoggedEvenWhileNoItemFinishes() {
        ProgressReport report = new ProgressReport("Import of directory 2023-11-30", 10_981, clock, lines::add, null);
        for (int second = 1; second <= 20; second++) {
            clock.move(Duration.ofMillis(500));
            report.tick();
            clock.move(Duration.ofMillis(500));
            report.tick();
        }
        assertThat(lines).hasSize(4).allMatch(line -> line.equals("Import of directory 2023-11-30: 0 of 10,981 (0/s)"));
    }

    @Test
    void perSecondIsTheCountOverTheTimeSinceTheStart() {
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(ProgressReport.perSecond(820, start, start.plusSeconds(1))).isEqualTo(820.0);
        assertThat(ProgressReport.perSecond(10, start, start.plusSeconds(4))).isEqualTo(2.5);
        assertThat(ProgressReport.perSecond(10, start, start)).isZero();
    }

    /** A clock that moves only when the test says so. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
