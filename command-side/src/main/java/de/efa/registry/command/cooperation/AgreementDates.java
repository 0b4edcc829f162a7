package de.efa.registry.command.cooperation;

import de.efa.registry.kernel.common.RuleViolated;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days on which a cooperation or a reuse agreement can be signed, joined, left or begin: not before the Online Access Act (OZG) came into
 * force on 2017-08-14 — there were no EfA cooperations before it — and not more than a year ahead, which catches a
 * mistyped year without refusing an agreement signed today to start next spring.
 */
public final class AgreementDates {

    public static final LocalDate OZG_IN_FORCE = LocalDate.of(2017, 8, 14);
    /** The registry's dates are German calendar days. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final Clock clock;

    AgreementDates(Clock clock) {
        this.clock = clock;
    }

    public static AgreementDates today() {
        return new AgreementDates(Clock.system(GERMANY));
    }

    /** The German calendar day it is now. */
    public LocalDate day() {
        return LocalDate.now(clock.withZone(GERMANY));
    }

    public void check(String what, LocalDate date) {
        LocalDate latest = LocalDate.now(clock.withZone(GERMANY)).plusYears(1);
        if (date.isBefore(OZG_IN_FORCE) || date.isAfter(latest)) {
            throw new RuleViolated("date-out-of-range", "Date out of range", what + " on " + date
                    + " lies outside " + OZG_IN_FORCE + " (the OZG in force) to " + latest + " (a year from today)");
        }
    }
}
