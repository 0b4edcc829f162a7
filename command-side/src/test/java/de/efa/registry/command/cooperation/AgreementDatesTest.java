package de.efa.registry.command.cooperation;

import de.efa.registry.kernel.common.RuleViolated;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The days a cooperation or an agreement may name: from the OZG's first day up to a year from today, in Germany. */
class AgreementDatesTest {

    /** 23:30 UTC on 31 December 2025 is already 1 January 2026 in Germany. */
    private final AgreementDates dates = new AgreementDates(Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneOffset.UTC));

    @Test
    void todayIsTheGermanCalendarDay() {
        assertThat(dates.day()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void fromTheOzgUpToAYearFromToday() {
        assertThatCode(() -> dates.check("Signing", AgreementDates.OZG_IN_FORCE)).doesNotThrowAnyException();
        assertThatCode(() -> dates.check("Signing", LocalDate.of(2027, 1, 1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> dates.check("Signing", LocalDate.of(2017, 8, 13)))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("Signing on 2017-08-13");
        assertThatThrownBy(() -> dates.check("Signing", LocalDate.of(2027, 1, 2)))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("2027-01-01 (a year from today)");
    }
}
